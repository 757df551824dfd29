import {
  aggregate,
  DEFAULT_PROFILE,
  formatScore,
  nextProfileVersion,
  type ActivityInput,
  type IndicatorInput,
  type ScoringProfile,
} from '@core/scoring';
import type { ParsedValue } from '@core/values/types';
import {
  banded,
  bool,
  date,
  month,
  num,
  pct,
  ph,
  score,
  tgt,
  Y2022,
  namedIndicator as ind,
} from '../helpers/scoring-inputs';

/**
 * Worked examples of docs/scoring.md §6.1 – 6.7 (one per rule), with the exact numbers and displays given there;
 * §6.8 – 6.11 (aggregation, contribution, manager score, explanation) are in scoring-examples-aggregation.test.ts.
 */

const qualitative = ph('qualitative', 'qualitativa');

const LINEAR: ScoringProfile = nextProfileVersion(DEFAULT_PROFILE, { bandsMode: 'linear' });

// ---- 6.1 ratio ---------------------------------------------------------------------------------------------------
describe('§6.1 ratio', () => {
  const tourism = (a: number) => ind('tourism', 'higher', tgt(num(11)), num(a));

  test('// §5.3 ratio: actual 10 vs target 11 → min(10/11, 1) = 90.91%', () => {
    const r = score(tourism(10));
    expect(r.status).toBe('scored');
    expect(r.rule).toBe('ratio');
    expect(r.score).toBe(10 / 11);
    expect(r.display).toBe('90.91%');
    expect(r.explanation.text).toBe('ratio: min(10/11, 1) = 90.91%');
  });

  test('// §5.3 actual 19 → attainment 172.73%, score 100%, no OVERACHIEVEMENT below 2', () => {
    const r = score(tourism(19));
    expect(r.attainment).toBe(19 / 11);
    expect(formatScore(r.attainment)).toBe('172.73%');
    expect(r.score).toBe(1);
    expect(r.display).toBe('100%');
    expect(r.warnings).not.toContain('OVERACHIEVEMENT');
  });

  test('// §5.13 actual 23 → attainment 209.09%, score 100% + OVERACHIEVEMENT', () => {
    const r = score(tourism(23));
    expect(formatScore(r.attainment)).toBe('209.09%');
    expect(r.display).toBe('100%');
    expect(r.warnings).toContain('OVERACHIEVEMENT');
  });

  test('// §5.3 percent units cancel: Sondrio 1.3.2 target 35%, actual 31,5% → 90%', () => {
    const r = score(ind('1.3.2', 'higher', tgt(pct(35)), pct(31.5)));
    expect(r.score).toBeCloseTo(0.9, 15);
    expect(r.display).toBe('90%');
  });

  test('// §5.2.3 Sondrio 5.1.1 in 2023: indicator-level bands but no thresholds that year → ratio; −10% → 0% + NEGATIVE_ACTUAL_CLAMPED', () => {
    const r = score(ind('5.1.1', 'higher', tgt(pct(15)), pct(-10, '-10%'), { rule: 'bands' }), {
      year: 2023,
      checkpoint: '31/12',
    });
    expect(r.rule).toBe('ratio');
    expect(r.status).toBe('scored');
    expect(r.score).toBe(0);
    expect(r.display).toBe('0%');
    expect(r.warnings).toContain('NEGATIVE_ACTUAL_CLAMPED');
  });

  test('// §5.3 target 0 → invalid TARGET_NOT_POSITIVE, excluded upward', () => {
    const bad = score(ind('zero', 'higher', tgt(num(0)), num(5)));
    expect(bad.status).toBe('invalid');
    expect(bad.score).toBeNull();
    expect(bad.errors).toEqual(['TARGET_NOT_POSITIVE']);
    const good = score(tourism(10));
    const parent = aggregate([bad, good], { subject: { id: 'obj' } });
    expect(parent.score).toBe(10 / 11);
    expect(parent.warnings).toContain('CHILD_INVALID');
    expect(parent.explanation.excluded).toEqual([{ id: 'zero', code: 'zero', reason: 'invalid: TARGET_NOT_POSITIVE' }]);
  });
});

// ---- 6.2 inverse -------------------------------------------------------------------------------------------------
describe('§6.2 inverse', () => {
  const days = (a: number) =>
    ind(
      'payment-days',
      'lower',
      tgt({ raw: '≤ 30', kind: 'number', value: 30, comparator: '<=', warnings: [] }),
      num(a),
    );

  test('// §5.3 inverse: actual 18 ≤ 30 → 100%', () => {
    const r = score(days(18));
    expect(r.rule).toBe('inverse');
    expect(r.score).toBe(1);
    expect(r.display).toBe('100%');
  });

  test('// §5.3 inverse target/actual: actual 36 → 30/36 = 83.33%', () => {
    const r = score(days(36));
    expect(r.mode).toBe('target/actual');
    expect(r.score).toBe(30 / 36);
    expect(r.display).toBe('83.33%');
    expect(r.explanation.text).toBe('inverse: 30/36 = 83.33%');
  });

  test('// §5.11 inverseMiss zero: actual 36 → 0%', () => {
    const r = score(days(36), { ...Y2022, profile: nextProfileVersion(DEFAULT_PROFILE, { inverseMiss: 'zero' }) });
    expect(r.mode).toBe('zero');
    expect(r.score).toBe(0);
    expect(r.display).toBe('0%');
  });
});

// ---- 6.3 deadline ------------------------------------------------------------------------------------------------
describe('§6.3 deadline', () => {
  const iso = (done: ParsedValue) => ind('iso9001', 'deadline', tgt(date('2020-03-31', '31.3.2020')), done);
  const grace30 = nextProfileVersion(DEFAULT_PROFILE, { deadlineLate: 'linear', graceDays: 30 });

  test('// §5.3 deadline: done 25/03/2020 before 31.3.2020 → 100%', () => {
    const r = score(iso(date('2020-03-25', '25/03/2020')), { year: 2020, checkpoint: '31/12' });
    expect(r.rule).toBe('deadline');
    expect(r.display).toBe('100%');
  });

  test('// §5.3 deadline: done 03/04/2020 (L = 3) → 0% by default, 1 − 3/30 = 90% linear with 30 grace days', () => {
    const done = date('2020-04-03', '03/04/2020');
    expect(score(iso(done), { year: 2020, checkpoint: '31/12' }).display).toBe('0%');
    const r = score(iso(done), { year: 2020, checkpoint: '31/12', profile: grace30 });
    expect(r.mode).toBe('linear');
    expect(r.score).toBeCloseTo(0.9, 15);
    expect(r.display).toBe('90%');
    expect(r.explanation.formula).toBe('max(0, 1 − 3/30)');
  });

  test('// §5.3 real one-day miss: deadline 31.7.2019, done 1.8.2019 → 0% by default, 96.67% with 30 grace days', () => {
    const i = ind('1379', 'deadline', tgt(date('2019-07-31', '31.7.2019')), date('2019-08-01', '1.8.2019'));
    expect(score(i, { year: 2019, checkpoint: '31/12' }).display).toBe('0%');
    expect(score(i, { year: 2019, checkpoint: '31/12', profile: grace30 }).display).toBe('96.67%');
  });
});

// ---- 6.4 boolean -------------------------------------------------------------------------------------------------
describe('§6.4 boolean', () => {
  const mediation = (a: ParsedValue) => ind('mediation', 'boolean', tgt(bool(true, 'SI/NO')), a);
  test('// §5.3 boolean: "SI" → 100%, "NO" → 0%', () => {
    const yes = score(mediation(bool(true, 'SI')));
    expect(yes.rule).toBe('boolean');
    expect(yes.display).toBe('100%');
    expect(score(mediation(bool(false, 'NO'))).display).toBe('0%');
  });
});

// ---- 6.5 bands ---------------------------------------------------------------------------------------------------
describe('§6.5 bands (Sondrio 2022 targets and thresholds)', () => {
  const cases: Array<[string, IndicatorInput, string, string, number?]> = [
    ['1.1.2 events (higher)', banded('1.1.2', 'higher', num(12), num(10), num(8), num(11)), '80%', '90%', 0.9],
    [
      '1.1.3 participants (higher)',
      banded('1.1.3', 'higher', num(100), num(75), num(60), num(70)),
      '60%',
      '73.33%',
      11 / 15,
    ],
    ['3.1.1 payment days (lower)', banded('3.1.1', 'lower', num(20), num(25), num(29), num(27)), '60%', '70%', 0.7],
    ['3.2.2 % files in error (lower)', banded('3.2.2', 'lower', pct(28), pct(30), pct(32), pct(33)), '0%', '0%', 0],
    [
      '1.1.4 new service (deadline, month names)',
      banded(
        '1.1.4',
        'deadline',
        month('2022-07-31', 'luglio'),
        month('2022-09-30', 'settembre'),
        month('2022-10-31', 'ottobre'),
        date('2022-08-15', '15/08/2022'),
      ),
      '80%',
      '95.08%',
      0.8 + (0.2 * 46) / 61,
    ],
  ];

  test.each(cases.map(([name, input, step, linear, linearScore]) => ({ name, input, step, linear, linearScore })))(
    '// §5.4 $name: step $step, linear $linear',
    ({ input, step, linear, linearScore }) => {
      const s = score(input);
      expect(s.rule).toBe('bands');
      expect(s.mode).toBe('step');
      expect(s.display).toBe(step);
      const l = score(input, { ...Y2022, profile: LINEAR });
      expect(l.mode).toBe('linear');
      expect(l.display).toBe(linear);
      expect(l.score).toBeCloseTo(linearScore as number, 14);
    },
  );

  test('// §5.12 linear formulas with values substituted', () => {
    expect(score(cases[0][1], { ...Y2022, profile: LINEAR }).explanation.text).toBe(
      'bands/linear: 0.8 + 0.2 × (11 − 10)/(12 − 10) = 90%',
    );
    expect(score(cases[1][1], { ...Y2022, profile: LINEAR }).explanation.text).toBe(
      'bands/linear: 0.6 + 0.2 × (70 − 60)/(75 − 60) = 73.33%',
    );
    expect(score(cases[2][1], { ...Y2022, profile: LINEAR }).explanation.formula).toBe(
      '0.6 + 0.2 × (27 − 29)/(25 − 29)',
    );
    // 46 days to 30/09; 61 days from 31/07 to 30/09
    expect(score(cases[4][1], { ...Y2022, profile: LINEAR }).explanation.formula).toBe('0.8 + 0.2 × 46/61');
    expect(score(cases[3][1]).explanation.formula).toBe('33 > 32 → 0');
  });

  test('// §5.4 boundaries: 1.1.2 with 12 or 13 → 100% in both modes; with 7 → 0% in both modes', () => {
    for (const a of [12, 13]) {
      const i = banded('1.1.2', 'higher', num(12), num(10), num(8), num(a));
      expect(score(i).display).toBe('100%');
      expect(score(i, { ...Y2022, profile: LINEAR }).display).toBe('100%');
    }
    const low = banded('1.1.2', 'higher', num(12), num(10), num(8), num(7));
    expect(score(low).display).toBe('0%');
    expect(score(low, { ...Y2022, profile: LINEAR }).display).toBe('0%');
  });
});

// ---- 6.6 manual --------------------------------------------------------------------------------------------------
describe('§6.6 manual', () => {
  test('// §5.3 manual: Sondrio 4.3.1 "qualitativa", 75% with a note → 75%', () => {
    const r = score({
      id: '4.3.1',
      polarity: 'higher',
      target: tgt(qualitative),
      actual: {
        manualScore: 0.75,
        justification: '4 of 5 planned actions done',
        author: 'u1',
        at: '2023-01-15T10:00:00Z',
      },
    });
    expect(r.rule).toBe('manual');
    expect(r.score).toBe(0.75);
    expect(r.display).toBe('75%');
    expect(r.explanation.inputs.manual).toEqual({
      score: 0.75,
      justification: '4 of 5 planned actions done',
      author: 'u1',
      at: '2023-01-15T10:00:00Z',
    });
  });

  test('// §5.3 manual without a note → invalid MANUAL_JUSTIFICATION_MISSING', () => {
    const r = score({ id: '4.3.1', polarity: 'higher', target: tgt(qualitative), actual: { manualScore: 0.75 } });
    expect(r.status).toBe('invalid');
    expect(r.score).toBeNull();
    expect(r.errors).toEqual(['MANUAL_JUSTIFICATION_MISSING']);
  });
});

// ---- 6.7 project -------------------------------------------------------------------------------------------------
describe('§6.7 project', () => {
  test('// §5.3 project "Progetto: PID": activities 50/30/20, A1 = 1.0, A2 = 5/10, A3 without actual → 81.25%', () => {
    const acts: ActivityInput[] = [
      {
        id: 'A1',
        code: 'A1',
        weight: 50,
        polarity: 'boolean',
        target: tgt(bool(true, 'SI/NO')),
        actual: { value: bool(true) },
      },
      { id: 'A2', code: 'A2', weight: 30, polarity: 'higher', target: tgt(num(10)), actual: { value: num(5) } },
      { id: 'A3', code: 'A3', weight: 20, polarity: 'deadline', target: tgt(date('2020-10-31')) },
    ];
    const r = score({
      id: 'pid',
      code: 'PID',
      polarity: 'higher',
      rule: 'project',
      target: tgt(pct(100)),
      activities: acts,
    });
    expect(r.status).toBe('scored');
    expect(r.rule).toBe('project');
    expect(r.mode).toBe('activities');
    expect(r.score).toBe(0.8125);
    expect(r.display).toBe('81.25%');
    expect(r.activities!.map((a) => a.status)).toEqual(['scored', 'scored', 'missing']);
    expect(r.explanation.text).toBe('project: (50×1 + 30×0.5)/(50+30) = 0.8125 → 81.25% [A3 excluded: missing]');
    expect(r.explanation.used).toEqual([
      { id: 'A1', code: 'A1', weight: 50, score: 1 },
      { id: 'A2', code: 'A2', weight: 30, score: 0.5 },
    ]);
  });
});

// ---- 6.8 aggregation ---------------------------------------------------------------------------------------------
