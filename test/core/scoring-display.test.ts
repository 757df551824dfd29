/**
 * Sections of docs/scoring.md (every § in this file): §5.10 rounding and display, §5.11 scoring profiles,
 * §5.12 explainability, §5.13 validation codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  aggregate,
  DEFAULT_PROFILE,
  editProfile,
  formatEuro,
  formatNumber,
  formatPercent,
  formatScore,
  freezeProfile,
  nextProfileVersion,
  PROFILE_PRESETS,
  roundHalfUp,
  scoreDashboard,
  scoreIndicator,
  scoreStrategicObjective,
  toPlain,
  validateProfile,
  type IndicatorInput,
  type ScoringProfile,
} from '@core/scoring';
import type { ParsedValue } from '@core/values/types';

const num = (value: number, raw = String(value)): ParsedValue => ({ raw, kind: 'number', value, warnings: [] });
const C = { year: 2022, checkpoint: '31/12' as const };
const ratioInput = (a: number, t: number, id = 'i'): IndicatorInput => ({
  id,
  code: id,
  polarity: 'higher',
  target: { mode: 'scored', value: num(t), revision: 'original' },
  actual: { value: num(a) },
});

/** exact half-up of the decimal n / 10^k to `d` decimals of percent, on integers (reference for the tests) */
function refPercent(n: bigint, k: number, d: number): string {
  // value% = n / 10^(k-2); scaled by 10^d → n·10^d / 10^(k-2)
  const shift = k - 2 - d;
  let q: bigint;
  if (shift <= 0) q = n * 10n ** BigInt(-shift);
  else {
    const div = 10n ** BigInt(shift);
    q = n / div;
    if ((n % div) * 2n >= div) q += 1n;
  }
  const s = q.toString().padStart(d + 1, '0');
  const int = d === 0 ? s : s.slice(0, s.length - d);
  const frac = d === 0 ? '' : s.slice(s.length - d).replace(/0+$/, '');
  return int + (frac ? '.' + frac : '') + '%';
}

// ---- §5.10 -------------------------------------------------------------------------------------------------------
describe('§5.10 rounding and display', () => {
  test('// §5.10 test vector: mean(0.29, 0) = 0.145 → "15%" (naïve Math.round gives 14)', () => {
    expect(Math.round(((0.29 + 0) / 2) * 100)).toBe(14);
    const r = aggregate([
      { id: 'a', score: 0.29 },
      { id: 'b', score: 0 },
    ]);
    expect(r.display).toBe('15%');
    expect(formatScore(0.145, 'aggregate')).toBe('15%');
  });

  test('// §5.10 test vector: 11/12 → "91.67%"', () => {
    expect(scoreIndicator(ratioInput(11, 12), C).display).toBe('91.67%');
    expect(formatScore(11 / 12)).toBe('91.67%');
  });

  test.each<[number | null, 'aggregate' | undefined, string | null]>([
    [0.9, undefined, '90%'],
    [0.905, undefined, '90.5%'],
    [0.90049, undefined, '90.05%'],
    [0.90044, undefined, '90.04%'],
    [0.00005, undefined, '0.01%'],
    [0, undefined, '0%'],
    [1, undefined, '100%'],
    [0.855, 'aggregate', '86%'],
    [0.845, 'aggregate', '85%'],
    [0.8449999, 'aggregate', '84%'],
    [77 / 90, 'aggregate', '86%'],
    [null, undefined, null],
    [NaN, undefined, null],
  ])(
    '// §5.10 indicators: up to 2 decimals, half-up, trailing zeros dropped; aggregates: integers: %p (%s) → %p',
    (score, level, shown) => {
      expect(formatScore(score, level)).toBe(shown);
    },
  );

  test('// §5.10 binary floating point MUST NOT change a displayed value: classic artefacts', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01); // 1.00499999999999989…
    expect(roundHalfUp(0.285, 2)).toBe(0.29);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(formatPercent(0.01005, 2)).toBe('1.01%');
    expect(formatPercent(1.00499, 0)).toBe('100%');
    expect(formatPercent(0.0049999999, 0)).toBe('0%');
    expect(formatPercent(0.1 + 0.2, 0)).toBe('30%');
    expect(formatPercent(0.035, 0)).toBe('4%');
    expect(formatPercent(123456.785, 2)).toBe('12345678.5%');
  });

  test('// §5.10 property: every decimal with ≤ 15 significant digits displays as its exact half-up rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom(0, 2),
        (n, k, d) => {
          const x = Number(n) / 10 ** k; // the double nearest to n / 10^k
          expect(formatPercent(x, d)).toBe(refPercent(n, k, d));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('// §5.10 property: means of two 2-decimal scores display their exact half-up percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const r = aggregate([
          { id: 'a', score: a / 100 },
          { id: 'b', score: b / 100 },
        ]);
        // (a + b)/2 percent, exactly: half-up on integers
        expect(r.display).toBe(Math.floor((a + b + 1) / 2) + '%');
      }),
    );
  });

  test('// §5.10 scores are stored at full precision (display only rounds)', () => {
    const r = scoreIndicator(ratioInput(10, 11), C);
    expect(r.score).toBe(10 / 11);
    const a = aggregate([r, scoreIndicator(ratioInput(10, 10), C)]);
    expect(a.score).toBe((10 / 11 + 1) / 2);
  });

  test.each<[(n: number) => string, number, string]>([
    [formatEuro, 15530, '15.530 €'],
    [formatEuro, 22345, '22.345 €'],
    [formatEuro, 1800000, '1.800.000 €'],
    [formatEuro, 1012707.67, '1.012.707,67 €'],
    [formatEuro, 1234.5, '1.234,50 €'],
    [formatNumber, 77 / 90, '0.8556'],
    [formatNumber, 10 / 11, '0.9091'],
    [formatNumber, -2.5, '-2.5'],
  ])('// §5.10 locale formatting is a presentation helper: %p(%p) → %p', (format, n, shown) => {
    expect(format(n)).toBe(shown);
  });
});

/** The parameters of docs/scoring.md §5.11's table with their defaults, each a literal between backticks. */
function documentedDefaults(): Record<string, unknown> {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'scoring.md'), 'utf8');
  const table = doc.slice(doc.indexOf('### 5.11 '), doc.indexOf('### 5.12 '));
  const rows = [...table.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)];
  return Object.fromEntries(rows.map(([, name, literal]) => [name, JSON.parse(literal.replace(/'/g, '"'))]));
}

// ---- §5.11 -------------------------------------------------------------------------------------------------------
describe('§5.11 scoring profile', () => {
  const KEYS = [
    'name',
    'version',
    'status',
    'capRatio',
    'inverseMiss',
    'deadlineLate',
    'graceDays',
    'bandsMode',
    'ownShare',
    'weightSumTolerance',
    'overachievementWarnAt',
    'monthNameAs',
    'managerPeriods',
    'display',
  ].sort();

  test('// §5.11 defaults: the ones the table of docs/scoring.md states', () => {
    expect(DEFAULT_PROFILE).toEqual({
      name: 'default',
      version: 1,
      status: 'frozen',
      ...documentedDefaults(),
      // the table's "2 / 0 decimals, half-up" (§5.10)
      display: { indicatorDecimals: 2, aggregateDecimals: 0, rounding: 'half-up' },
    });
  });

  test('// §5.11 the three seed-family presets are complete profiles, version 1', () => {
    for (const [name, p] of Object.entries(PROFILE_PRESETS)) {
      expect(Object.keys(p).sort()).toEqual(KEYS);
      expect(p.name).toBe(name);
      expect(p.version).toBe(1);
      expect(validateProfile(p)).toEqual([]);
    }
    expect(PROFILE_PRESETS.bergamo).toMatchObject({ capRatio: true, bandsMode: 'step' });
    expect(PROFILE_PRESETS.sondrio).toMatchObject({ bandsMode: 'step' });
    expect(PROFILE_PRESETS.brescia).toMatchObject({ ownShare: 0.5 });
    expect(validateProfile({ ...DEFAULT_PROFILE, ownShare: 2, deadlineLate: 'linear', graceDays: 0 })).toHaveLength(2);
  });

  test('// §5.11 approving freezes the profile version: immutable thereafter', () => {
    const draft = editProfile(PROFILE_PRESETS.sondrio, { name: 'sondrio-2022' });
    const frozen = freezeProfile(draft);
    expect(frozen.status).toBe('frozen');
    expect(frozen.version).toBe(draft.version);
    expect(draft.status).toBe('draft'); // not mutated
    expect(Object.isFrozen(frozen)).toBe(true);
    expect(Object.isFrozen(frozen.display)).toBe(true);
    expect(() => {
      (frozen as { capRatio: boolean }).capRatio = false;
    }).toThrow(TypeError);
    expect(freezeProfile(frozen)).toBe(frozen);
  });

  test('// §5.11 a parameter change of a frozen profile needs a new version; the old one is unchanged', () => {
    const v1 = freezeProfile(PROFILE_PRESETS.bergamo);
    const v2 = editProfile(v1, { capRatio: false });
    expect(v2).not.toBe(v1);
    expect(v2.version).toBe(2);
    expect(v2.status).toBe('draft');
    expect(v2.capRatio).toBe(false);
    expect(v1.capRatio).toBe(true);
    expect(v1.version).toBe(1);
    expect(nextProfileVersion(v2).version).toBe(3);
    // editing a draft keeps its version
    expect(editProfile(v2, { graceDays: 5 }).version).toBe(2);
  });

  test('// §5.11 every result records the profile version that produced it; past results are reproducible', () => {
    const v1 = freezeProfile(PROFILE_PRESETS.bergamo);
    const v2 = freezeProfile(editProfile(v1, { capRatio: false }));
    const input = ratioInput(19, 11);
    const r1 = scoreIndicator(input, { ...C, profile: v1 });
    const r2 = scoreIndicator(input, { ...C, profile: v2 });
    expect(r1.explanation.profile).toBe('bergamo@1');
    expect(r2.explanation.profile).toBe('bergamo@2');
    expect(r1.score).toBe(1);
    expect(r2.score).toBe(19 / 11);
    expect(scoreIndicator(input, { ...C, profile: v1 }).score).toBe(r1.score);
    expect(aggregate([r1], { profile: v2 }).explanation.profile).toBe('bergamo@2');
    expect(scoreStrategicObjective({ id: 's', own: [r1] }, { profile: v1 }).explanation.profile).toBe('bergamo@1');
    expect(scoreIndicator(input, C).explanation.profile).toBe('default@1');
  });

  test('// §5.11 a non-frozen profile edited in place is never served from a stale label', () => {
    const p = { ...DEFAULT_PROFILE, name: 'x', version: 1 } as {
      -readonly [K in keyof ScoringProfile]: ScoringProfile[K];
    };
    expect(scoreIndicator(ratioInput(1, 2), { ...C, profile: p }).explanation.profile).toBe('x@1');
    p.version = 2;
    expect(scoreIndicator(ratioInput(1, 2), { ...C, profile: p }).explanation.profile).toBe('x@2');
  });
});

// ---- §5.12 -------------------------------------------------------------------------------------------------------
describe('§5.12 explainability', () => {
  test('// §5.12 indicator: rule and mode, inputs raw and parsed, effective target and revision, formula, warnings, errors, profile', () => {
    const input: IndicatorInput = {
      id: 'i1',
      code: '1.2',
      polarity: 'higher',
      target: { mode: 'scored', value: num(120, '120'), revision: 'revised', original: num(100, '100') },
      actual: { value: num(300, '300') },
    };
    const e = scoreIndicator(input, C).explanation;
    expect(e.rule).toBe('ratio');
    expect(e.mode).toBe('capped');
    expect(e.inputs.actual).toEqual(num(300, '300'));
    expect(e.inputs.target).toMatchObject({
      raw: '120',
      value: 120,
      kind: 'number',
      revision: 'revised',
      original: num(100, '100'),
    });
    expect(e.formula).toBe('min(300/120, 1)');
    expect(e.text).toBe('ratio: min(300/120, 1) = 100%');
    expect(e.attainment).toBe(2.5);
    expect(e.warnings).toEqual(['OVERACHIEVEMENT']);
    expect(e.errors).toEqual([]);
    expect(e.profile).toBe('default@1');
    expect(e.subject).toEqual({ type: 'indicator', id: 'i1', code: '1.2', year: 2022, checkpoint: '31/12' });
  });

  test('// §5.12 unscored statuses are explained too', () => {
    const invalid = scoreIndicator(ratioInput(3, 0), C).explanation;
    expect(invalid.status).toBe('invalid');
    expect(invalid.formula).toBeNull();
    expect(invalid.errors).toEqual(['TARGET_NOT_POSITIVE']);
    expect(invalid.text).toBe('invalid: TARGET_NOT_POSITIVE');
    const missing = scoreIndicator({ ...ratioInput(3, 4), actual: undefined }, C).explanation;
    expect(missing.text).toBe('missing: no actual');
    const neutral = scoreIndicator(
      { ...ratioInput(3, 4), actual: { neutralised: true, neutralisationReason: 'sisma' } },
      C,
    ).explanation;
    expect(neutral.text).toBe('neutralised: excluded (sisma)');
  });

  test('// §5.12 aggregates: children used (weight, score) and excluded (reason), formula with values, text', () => {
    const a = aggregate(
      [
        { id: 'x', code: '1.1', score: 0.75, weight: 20 },
        { id: 'y', code: '1.3', score: 1, weight: 30 },
        { id: 'z', code: '1.4', score: null, weight: 10, status: 'empty' },
        { id: 'w', code: '1.5', score: 0.8, weight: 40 },
      ],
      { subject: { type: 'strategic_objective', id: 'os1', code: '1' } },
    );
    expect(a.explanation).toMatchObject({
      subject: { type: 'strategic_objective', id: 'os1', code: '1' },
      rule: 'mean',
      weighting: 'weighted',
      used: [
        { id: 'x', code: '1.1', weight: 20, score: 0.75 },
        { id: 'y', code: '1.3', weight: 30, score: 1 },
        { id: 'w', code: '1.5', weight: 40, score: 0.8 },
      ],
      excluded: [{ id: 'z', code: '1.4', reason: 'no scored child' }],
      formula: '(20×0.75 + 30×1 + 40×0.8)/(20+30+40)',
      text: 'mean: (20×0.75 + 30×1 + 40×0.8)/(20+30+40) = 0.8556 → 86% [1.4 excluded: no scored child]',
      display: '86%',
      profile: 'default@1',
    });
  });

  test('// §5.12 results are plain data: JSON and toPlain (structured clone) carry the explanation', () => {
    const r = scoreIndicator(ratioInput(11, 12), C);
    const json = JSON.parse(JSON.stringify(r));
    expect(json.explanation.text).toBe('ratio: min(11/12, 1) = 91.67%');
    expect(json.display).toBe('91.67%');
    expect(Object.getPrototypeOf(toPlain(r))).toBe(Object.prototype);
    const plain = structuredClone(toPlain(r));
    expect(plain.explanation.formula).toBe('min(11/12, 1)');
    const d = scoreDashboard({ id: 'd', entries: [{ indicatorId: 'i', objectiveId: 'o' }] }, { i: r });
    const dp = structuredClone(toPlain(d));
    expect(dp.groups[0].explanation.used[0].score).toBe(11 / 12);
    expect(JSON.parse(JSON.stringify(d)).groups[0].explanation.text).toBe('mean: (0.9167)/1 = 0.9167 → 92%');
    // the explanation is computed once (memoized)
    expect(r.explanation).toBe(r.explanation);
  });
});

// ---- §5.13 -------------------------------------------------------------------------------------------------------
describe('§5.13 validation codes', () => {
  test('// §5.13 errors leave the subject unscored; warnings leave it scored', () => {
    const err = scoreIndicator(ratioInput(3, 0), C);
    expect(err.status).toBe('invalid');
    expect(err.score).toBeNull();
    const warn = scoreIndicator(ratioInput(-3, 5), C);
    expect(warn.status).toBe('scored');
    expect(warn.warnings).toEqual(['NEGATIVE_ACTUAL_CLAMPED']);
    const aggErr = aggregate([{ id: 'a', score: 1, weight: -1 }]);
    expect(aggErr.status).toBe('invalid');
    const aggWarn = aggregate([{ id: 'a', score: 1, weight: 30 }]);
    expect(aggWarn.status).toBe('scored');
    expect(aggWarn.warnings).toEqual(['WEIGHT_SUM']);
  });
});
