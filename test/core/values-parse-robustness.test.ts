import fc from 'fast-check';
import { isNumericValue, parseValue } from '@core/values';

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

  it('stays fast on very long cells (no catastrophic backtracking)', () => {
    const digits = '1'.repeat(50_000);
    // CPU time of this process, not wall time: another process hogging the machine must not fail the test
    const started = process.cpuUsage();
    expect(parseValue(digits).warnings).toStrictEqual(['NUMBER_OUT_OF_RANGE']);
    expect(parseValue(`${digits}a`).kind).toBe('text');
    expect(parseValue(`da ${digits}`).kind).toBe('text');
    expect(parseValue(`${'1.'.repeat(25_000)}x`).kind).toBe('text');
    expect(parseValue(`almeno ${'9,'.repeat(25_000)}`).kind).toBe('text');
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(2000);
  });
});
