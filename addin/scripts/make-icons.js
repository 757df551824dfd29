/**
 * Draws the add-in's ribbon and store icons (16, 32, 64, 80 px) as PNG files in addin/assets: a blue tile with
 * three rising bars in traffic-light colours. Plain Node (zlib), 4×4 supersampling; run once, the PNGs are
 * committed: `node addin/scripts/make-icons.js`.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');

const SIZES = [16, 32, 64, 80];
const BLUE = [15, 108, 189];
const BARS = [
  { x: 0.2, w: 0.16, h: 0.3, rgb: [209, 52, 56] },
  { x: 0.42, w: 0.16, h: 0.48, rgb: [255, 185, 0] },
  { x: 0.64, w: 0.16, h: 0.66, rgb: [16, 124, 16] },
];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** colour (rgba) of a point of the unit square */
function shade(x, y) {
  if (!insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return [0, 0, 0, 0];
  if (insideRoundedRect(x, y, 0.12, 0.12, 0.88, 0.88, 0.08)) {
    for (const bar of BARS) {
      if (x >= bar.x && x <= bar.x + bar.w && y >= 0.8 - bar.h && y <= 0.8) return [...bar.rgb, 255];
    }
    return [255, 255, 255, 255];
  }
  return [...BLUE, 255];
}

function pixels(size) {
  const out = Buffer.alloc(size * (size * 4 + 1));
  const samples = 4;
  for (let py = 0; py < size; py++) {
    out[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          // premultiplied, so transparent samples do not darken the edge
          sum[0] += c[0] * c[3];
          sum[1] += c[1] * c[3];
          sum[2] += c[2] * c[3];
          sum[3] += c[3];
        }
      }
      const at = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = sum[3] / (samples * samples);
      out[at] = sum[3] ? Math.round(sum[0] / sum[3]) : 0;
      out[at + 1] = sum[3] ? Math.round(sum[1] / sum[3]) : 0;
      out[at + 2] = sum[3] ? Math.round(sum[2] / sum[3]) : 0;
      out[at + 3] = Math.round(alpha);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size));
  console.log(`wrote addin/assets/icon-${size}.png`);
}
