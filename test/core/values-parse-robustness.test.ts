import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { isNumericValue, parseValue } from '@core/values';
import { HANG_GUARD_MS } from '../helpers/live';

/** parseValue on any input: random cells, Italian amounts of any size, untyped callers, very long cells. */

describe('robustness', () => {
  const KINDS = ['number', 'percent', 'currency', 'days', 'date', 'boolean', 'text', 'placeholder', 'empty'];
  // Characters that steer the parser into its branches, so that random strings exercise more than "text".
  const interesting = fc.constantFrom(
    ...'0123456789.,-−–+%€/ ≤≥<>=\u00a0\t\n\u0000\u200bgSIsìnodaluglioebr'.split(''),
    'gg',
    'euro',
    'luglio',
    'SI/NO',
    'n.d.',
    'almeno ',
    'monitoraggio',
    '.000',
    ',5',
  );
  const cellText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.array(interesting, { maxLength: 12 }).map((parts) => parts.join('')),
  );
  const context = fc.record(
    {
      year: fc.oneof(fc.integer({ min: -10, max: 12000 }), fc.double()),
      role: fc.constantFrom('target' as const, 'actual' as const, 'threshold' as const),
      unit: fc.constantFrom('%', 'EUR', 'days', 'persone', '', ' '),
    },
    { requiredKeys: [] },
  );

  it('never throws and always keeps raw exactly as given', () => {
    fc.assert(
      fc.property(cellText, context, (raw, ctx) => {
        const parsed = parseValue(raw, ctx);
        expect(parsed.raw).toBe(raw);
        expect(KINDS).toContain(parsed.kind);
        expect(parsed.warnings).not.toContain('PARSE_FAILED');
        for (const w of parsed.warnings) expect(w).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
        if (isNumericValue(parsed)) expect(Number.isFinite(parsed.value)).toBe(true);
        if (parsed.kind === 'date') expect(parsed.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (parsed.proposal) expect(Number.isFinite(parsed.proposal.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back any amount written in Italian format', () => {
    const italian = (cents: number) => {
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(cents);
      const units = Math.floor(abs / 100)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      return `${sign}${units},${String(abs % 100).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const parsed = parseValue(`${italian(cents)} €`);
        expect(parsed).toStrictEqual({
          raw: `${italian(cents)} €`,
          kind: 'currency',
          value: cents / 100 === 0 ? 0 : cents / 100,
          unit: 'EUR',
          warnings: [],
        });
      }),
    );
  });

  it('tolerates non-string input from untyped callers without throwing', () => {
    expect(parseValue(undefined as unknown as string)).toStrictEqual({ raw: '', kind: 'empty', warnings: [] });
    expect(parseValue(12 as unknown as string)).toStrictEqual({ raw: '12', kind: 'number', value: 12, warnings: [] });
  });

  it('parses very long cells in linear time (no catastrophic backtracking)', async () => {
    // Cells of a million characters, thirty times Excel's limit: a linear parse takes a fraction of a second, while a
    // regular expression that backtracks (quadratically or worse) on them would take many minutes at the least. So no duration is
    // asserted: the parse runs in a thread of its own and only a hang guard ends it, which no machine however
    // loaded comes near on the linear path (a thread, because a backtracking regular expression cannot be
    // interrupted on the thread it runs on: Jest's own timeout would never fire).
    const answers = await inThread(LONG_CELLS, { length: 1_000_000 });
    expect(answers).toEqual([['NUMBER_OUT_OF_RANGE'], 'text', 'text', 'text', 'text']);
  });
});

/** The very long cells: digits alone, digits then a letter, a phrase, groups without end, a comparator's list. */
const LONG_CELLS = `
const { parentPort, workerData } = require('node:worker_threads');
const { parseValue } = require(workerData.values);
const digits = '1'.repeat(workerData.length);
const half = workerData.length / 2;
parentPort.postMessage([
  parseValue(digits).warnings,
  parseValue(digits + 'a').kind,
  parseValue('da ' + digits).kind,
  parseValue('1.'.repeat(half) + 'x').kind,
  parseValue('almeno ' + '9,'.repeat(half)).kind,
]);
`;

/**
 * Runs `code` in a worker thread on the TypeScript sources (the hooks the compute threads use in tests, ts-node and
 * tsconfig-paths): its one message, or a failure after HANG_GUARD_MS, when the thread is ended.
 */
async function inThread(code: string, data: Record<string, unknown>): Promise<unknown> {
  const worker = new Worker(code, {
    eval: true,
    workerData: { ...data, values: path.resolve(__dirname, '../../core/values') },
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  });
  let guard: NodeJS.Timeout | undefined;
  try {
    return await new Promise<unknown>((resolve, reject) => {
      guard = setTimeout(
        () => reject(new Error(`the long cells not parsed within ${HANG_GUARD_MS} ms: a parse that backtracks`)),
        HANG_GUARD_MS,
      );
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (exit) => reject(new Error(`the parsing thread ended (${exit}) without an answer`)));
    });
  } finally {
    clearTimeout(guard);
    await worker.terminate();
  }
}
