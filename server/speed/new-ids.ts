import { randomFillSync } from 'node:crypto';

/** ids made per refill: 4 KB of randomness, 9 KB of text */
const PER_FILL = 256;
const random = Buffer.alloc(16 * PER_FILL);
const text = Buffer.alloc(36 * PER_FILL);
const HEX = Buffer.from('0123456789abcdef', 'latin1');
let next = PER_FILL;

function refill(): void {
  randomFillSync(random);
  for (let i = 0, t = 0; i < PER_FILL; i++) {
    const r = 16 * i;
    // version 4, variant 10 (RFC 9562), as randomUUID sets them
    random[r + 6] = (random[r + 6] & 0x0f) | 0x40;
    random[r + 8] = (random[r + 8] & 0x3f) | 0x80;
    for (let b = 0; b < 16; b++) {
      if (b === 4 || b === 6 || b === 8 || b === 10) text[t++] = 0x2d;
      const v = random[r + b];
      text[t++] = HEX[v >> 4];
      text[t++] = HEX[v & 15];
    }
  }
  next = 0;
}

/**
 * A random version-4 UUID in randomUUID's form (lower-case hex, dashed), from the same cryptographic source. A sheet
 * sync makes one per row it creates and per audit event, 90,000 for bench B1's 10,000 rows: randomUUID writes each
 * from twenty joined pieces, a chain V8 copies flat again where the id is first hashed or bound (~0.5 KB and ~1.5 µs
 * an id); these are written 256 at a time into one buffer and each read out as one flat string.
 */
export function newId(): string {
  if (next === PER_FILL) refill();
  const at = 36 * next++;
  return text.toString('latin1', at, at + 36);
}
