import {
  type ActivityInput,
  type ActualInput,
  type IndicatorInput,
  type TargetInput,
  type ThresholdInput,
} from '@core/scoring';
import type { ParsedValue, Polarity } from '@core/values/types';
import {
  bool,
  dash,
  date,
  days,
  eur,
  month,
  num,
  pct,
  ph,
  score,
  text,
  tgt,
  th,
  Y2022,
  ind,
  withProfile,
} from '../helpers/scoring-inputs';

/** §5.3 / §5.4: each rule (ratio, inverse, deadline, boolean, bands, manual, project) and its edge cases; §5.13 codes. */

const LINEAR = withProfile({ bandsMode: 'linear' });

// ---- §5.3 ratio --------------------------------------------------------------------------------------------------
describe('§5.3 ratio', () => {
  test('// §5.3 exactly on target → 100%; above → capped; zero actual → 0% (a value, not missing)', () => {
    expect(score(ind('higher', tgt(num(12)), num(12))).display).toBe('100%');
    expect(score(ind('higher', tgt(num(12)), num(13))).score).toBe(1);
    const zero = score(ind('higher', tgt(num(12)), num(0)));
    expect(zero.status).toBe('scored');
    expect(zero.score).toBe(0);
    expect(zero.display).toBe('0%');
  });
  test('// §5.3 11/12 → ratio: min(11/12, 1) = 91.67%', () => {
    expect(score(ind('higher', tgt(num(12)), num(11))).explanation.text).toBe('ratio: min(11/12, 1) = 91.67%');
  });
  test('// §5.3 capRatio false drops the min', () => {
    const r = score(ind('higher', tgt(num(11)), num(19)), withProfile({ capRatio: false }));
    expect(r.mode).toBe('uncapped');
    expect(r.score).toBe(19 / 11);
    expect(r.display).toBe('172.73%');
    expect(r.explanation.formula).toBe('19/11');
  });
  test('// §5.3 negative actual → 0 + NEGATIVE_ACTUAL_CLAMPED; attainment stays uncapped', () => {
    const r = score(ind('higher', tgt(num(15)), num(-10)));
    expect(r.score).toBe(0);
    expect(r.attainment).toBe(-10 / 15);
    expect(r.warnings).toEqual(['NEGATIVE_ACTUAL_CLAMPED']);
    expect(r.explanation.formula).toBe('max(-10/15, 0)');
  });
  test('// §5.3 t ≤ 0 → TARGET_NOT_POSITIVE (negative "% reduction" targets need bands)', () => {
    expect(score(ind('higher', tgt(num(0)), num(3))).errors).toEqual(['TARGET_NOT_POSITIVE']);
    expect(score(ind('higher', tgt(pct(-2, '-2,00%')), pct(-3))).errors).toEqual(['TARGET_NOT_POSITIVE']);
  });
  test('// §5.3 TYPE_MISMATCH: unconfirmed text, date actual for a numeric target, percent vs euro', () => {
    expect(
      score(ind('higher', tgt(text('1.000 posizioni', { value: 1000, unit: 'posizioni' })), num(900))).errors,
    ).toEqual(['TYPE_MISMATCH']);
    expect(score(ind('higher', tgt(num(300)), text('almeno 300', { value: 300, comparator: '>=' }))).errors).toEqual([
      'TYPE_MISMATCH',
    ]);
    expect(score(ind('higher', tgt(num(10)), date('2022-01-01'))).errors).toEqual(['TYPE_MISMATCH']);
    expect(score(ind('higher', tgt(pct(10)), eur(10))).errors).toEqual(['TYPE_MISMATCH']);
    expect(score(ind('higher', tgt(ph('qualitative', 'qualitativa'), { rule: 'ratio' }), num(1))).errors).toEqual([
      'TYPE_MISMATCH',
    ]);
    // a bare number is read in the indicator's unit
    expect(score(ind('higher', tgt(pct(70)), num(35))).score).toBe(0.5);
  });
  test('// §5.13 OVERACHIEVEMENT at attainment ≥ overachievementWarnAt (2 by default, configurable)', () => {
    expect(score(ind('higher', tgt(num(10)), num(20))).warnings).toEqual(['OVERACHIEVEMENT']);
    expect(score(ind('higher', tgt(num(10)), num(19.9))).warnings).toEqual([]);
    expect(score(ind('higher', tgt(num(10)), num(15)), withProfile({ overachievementWarnAt: 1.5 })).warnings).toEqual([
      'OVERACHIEVEMENT',
    ]);
  });
  test('// §5.13 parsed-value warnings are carried (AMBIGUOUS_DECIMAL_POINT, SCALE_SUSPECT)', () => {
    const t: ParsedValue = { raw: '2.33', kind: 'number', value: 2.33, warnings: ['AMBIGUOUS_DECIMAL_POINT'] };
    const a: ParsedValue = { raw: '0,9', kind: 'percent', value: 0.9, warnings: ['SCALE_SUSPECT'] };
    expect(score(ind('higher', tgt(t), a)).warnings).toEqual(['AMBIGUOUS_DECIMAL_POINT', 'SCALE_SUSPECT']);
  });
});

// ---- §5.3 inverse ------------------------------------------------------------------------------------------------
describe('§5.3 inverse', () => {
  test('// §5.3 on target → 1; better → 1 with attainment t/a; zero actual → 1', () => {
    expect(score(ind('lower', tgt(days(30)), days(30))).score).toBe(1);
    const better = score(ind('lower', tgt(days(30)), days(18)));
    expect(better.score).toBe(1);
    expect(better.attainment).toBe(30 / 18);
    const zero = score(ind('lower', tgt(days(30)), days(0)));
    expect(zero.score).toBe(1);
    expect(zero.attainment).toBeNull();
  });
  test('// §5.3 t = 0 is allowed (t ≥ 0): a = 0 → 1, a > 0 → t/a = 0', () => {
    expect(score(ind('lower', tgt(num(0)), num(0))).score).toBe(1);
    expect(score(ind('lower', tgt(num(0)), num(4))).score).toBe(0);
  });
  test('// §5.3 t < 0 → TARGET_NOT_POSITIVE', () => {
    expect(score(ind('lower', tgt(num(-5)), num(4))).errors).toEqual(['TARGET_NOT_POSITIVE']);
  });
  test('// §5.3 inverseMiss zero → 0 when worse; target/actual otherwise', () => {
    expect(score(ind('lower', tgt(num(28)), num(32)), withProfile({ inverseMiss: 'zero' })).score).toBe(0);
    expect(score(ind('lower', tgt(num(28)), num(28)), withProfile({ inverseMiss: 'zero' })).score).toBe(1);
    expect(score(ind('lower', tgt(num(28)), num(32))).score).toBe(28 / 32);
  });
});

// ---- §5.3 deadline -----------------------------------------------------------------------------------------------
describe('§5.3 deadline', () => {
  const d = (t: ParsedValue, a: ParsedValue | ActualInput) => ind('deadline', tgt(t), a);
  const grace = (g: number) => withProfile({ deadlineLate: 'linear', graceDays: g });
  test('// §5.3 a date equal to the deadline → 100%', () => {
    const r = score(d(date('2020-03-31'), date('2020-03-31')));
    expect(r.score).toBe(1);
    expect(r.explanation.formula).toBe('2020-03-31 ≤ 2020-03-31 → 1');
  });
  test('// §5.3 one day late → 0 (zero) or 1 − 1/G (linear); beyond the grace → 0', () => {
    expect(score(d(date('2020-03-31'), date('2020-04-01'))).score).toBe(0);
    expect(score(d(date('2020-03-31'), date('2020-04-01')), grace(10)).score).toBeCloseTo(0.9, 15);
    expect(score(d(date('2020-03-31'), date('2020-04-10')), grace(10)).score).toBe(0);
    expect(score(d(date('2020-03-31'), date('2020-06-10')), grace(10)).score).toBe(0);
  });
  test('// §5.3 linear with graceDays 0 behaves as zero (G > 0 required)', () => {
    const r = score(d(date('2020-03-31'), date('2020-04-01')), grace(0));
    expect(r.mode).toBe('zero');
    expect(r.score).toBe(0);
  });
  test('// §5.3 calendar days by UTC day counts: leap day and DST change', () => {
    expect(score(d(date('2024-02-28'), date('2024-03-01')), grace(10)).score).toBeCloseTo(0.8, 15); // 29 Feb exists
    expect(score(d(date('2023-02-28'), date('2023-03-01')), grace(10)).score).toBeCloseTo(0.9, 15);
    expect(score(d(date('2022-03-26'), date('2022-03-28')), grace(2)).score).toBe(0); // across the DST change
  });
  test('// §5.3 "not completed" → 0', () => {
    const r = score(d(date('2020-03-31'), { notCompleted: true }));
    expect(r.status).toBe('scored');
    expect(r.score).toBe(0);
    expect(r.explanation.inputs.notCompleted).toBe(true);
  });
  test('// §8.12 month names: "luglio" = 31 July of the target year', () => {
    const luglio = month('2022-07-31', 'luglio');
    expect(score(d(luglio, date('2022-07-31'))).score).toBe(1);
    expect(score(d(luglio, date('2022-08-01'))).score).toBe(0);
    expect(score(d(luglio, month('2022-06-30', 'giugno'))).score).toBe(1);
  });
  test('// §5.13 INVALID_DATE and TYPE_MISMATCH', () => {
    expect(score(d(text('31.2.2022', undefined, ['INVALID_DATE']), date('2022-01-01'))).errors).toEqual([
      'INVALID_DATE',
    ]);
    expect(
      score(d({ raw: '30.2.2022', kind: 'date', value: '2022-02-30', warnings: [] }, date('2022-01-01'))).errors,
    ).toEqual(['INVALID_DATE']);
    expect(score(d(date('2022-06-30'), num(5))).errors).toEqual(['TYPE_MISMATCH']);
    expect(score(d(num(5), date('2022-06-30'))).errors).toEqual(['TYPE_MISMATCH']);
  });
});

// ---- §5.3 boolean ------------------------------------------------------------------------------------------------
describe('§5.3 boolean', () => {
  const b = (a: ParsedValue | ActualInput, t: ParsedValue = bool(true, 'SI/NO')) => ind('boolean', tgt(t), a);
  test('// §5.3 SI / Sì / true → 1, NO → 0', () => {
    expect(score(b(bool(true, 'SI'))).score).toBe(1);
    expect(score(b(bool(true, 'Sì'))).score).toBe(1);
    expect(score(b(bool(false, 'NO'))).score).toBe(0);
    expect(score(b(bool(true, 'SI'))).explanation.formula).toBe('SI → 1');
  });
  test('// §5.3 a non-boolean actual or target → TYPE_MISMATCH; not completed → 0', () => {
    expect(score(b(num(1))).errors).toEqual(['TYPE_MISMATCH']);
    expect(score(b(bool(true), num(1))).errors).toEqual(['TYPE_MISMATCH']);
    expect(score(b({ notCompleted: true })).score).toBe(0);
  });
});

// ---- §5.4 bands --------------------------------------------------------------------------------------------------
describe('§5.4 bands', () => {
  const hb = (
    a: number,
    pts: Array<[number, number]> = [
      [10, 0.8],
      [8, 0.6],
    ],
    t = 12,
  ) => ind('higher', tgt(num(t), { thresholds: pts.map(([v, s]) => th(num(v), s)) }), num(a));
  test('// §5.4 any number of points, given in any order (sorted by decreasing score)', () => {
    const pts: Array<[number, number]> = [
      [6, 0.4],
      [10, 0.8],
      [4, 0.2],
      [8, 0.6],
    ];
    expect(score(hb(9, pts)).score).toBe(0.6);
    expect(score(hb(5, pts)).score).toBe(0.2);
    expect(score(hb(3, pts)).score).toBe(0);
    expect(score(hb(9, pts), LINEAR).score).toBeCloseTo(0.7, 15);
    expect(score(hb(5, pts), LINEAR).score).toBeCloseTo(0.3, 15);
    expect(score(hb(9, pts), LINEAR).explanation.inputs.bands).toEqual([
      [12, 1],
      [10, 0.8],
      [8, 0.6],
      [6, 0.4],
      [4, 0.2],
    ]);
  });
  test('// §5.4 exactly on a point → its score in both modes', () => {
    for (const ctx of [Y2022, LINEAR]) {
      expect(score(hb(10), ctx).score).toBe(0.8);
      expect(score(hb(8), ctx).score).toBe(0.6);
      expect(score(hb(12), ctx).score).toBe(1);
    }
  });
  test('// §5.4 a single threshold', () => {
    expect(score(hb(11, [[10, 0.5]]), LINEAR).score).toBeCloseTo(0.75, 15);
  });
  test('// §5.4 BANDS_NOT_MONOTONE: values not strictly worse as the score decreases', () => {
    const refused: Array<[Polarity, ParsedValue, ThresholdInput[], ParsedValue]> = [
      ['higher', num(12), [th(num(14), 0.8)], num(13)],
      ['higher', num(12), [th(num(12), 0.8)], num(13)],
      ['higher', num(12), [th(num(10), 0.8), th(num(11), 0.6)], num(13)],
      ['higher', num(12), [th(num(10), 0.8), th(num(8), 0.8)], num(13)],
      ['higher', num(12), [th(num(10), 1)], num(13)],
      ['lower', num(20), [th(num(18), 0.8)], num(19)],
      ['deadline', date('2022-07-31'), [th(date('2022-06-30'), 0.8)], date('2022-07-01')],
    ];
    for (const [polarity, t, thresholds, a] of refused) {
      expect(score(ind(polarity, tgt(t, { thresholds }), a)).errors).toEqual(['BANDS_NOT_MONOTONE']);
    }
  });
  test('// §5.4 negative values (a "% reduction" target −5% with −3% / −1% thresholds, lower is better)', () => {
    const red = (a: number) =>
      ind('lower', tgt(pct(-5, '-5,00%'), { thresholds: [th(pct(-3), 0.8), th(pct(-1), 0.6)] }), pct(a));
    expect(score(red(-6)).score).toBe(1);
    expect(score(red(-4)).score).toBe(0.8);
    expect(score(red(-4), LINEAR).score).toBeCloseTo(0.9, 15);
    expect(score(red(0)).score).toBe(0);
  });
  test('// §5.4 deadline bands: not completed → 0; boolean polarity or non-numeric points → TYPE_MISMATCH', () => {
    const db = (a: ParsedValue | ActualInput) =>
      ind('deadline', tgt(date('2022-07-31'), { thresholds: [th(date('2022-09-30'), 0.8)] }), a);
    expect(score(db({ notCompleted: true })).score).toBe(0);
    expect(score(db(num(3))).errors).toEqual(['TYPE_MISMATCH']);
    expect(score(ind('boolean', tgt(bool(true), { thresholds: [th(bool(false), 0.5)] }), bool(true))).errors).toEqual([
      'TYPE_MISMATCH',
    ]);
    expect(score(ind('higher', tgt(num(12), { thresholds: [th(text('dieci'), 0.8)] }), num(11))).errors).toEqual([
      'TYPE_MISMATCH',
    ]);
  });
});

// ---- §5.3 manual -------------------------------------------------------------------------------------------------
describe('§5.3 manual', () => {
  const m = (actual: ActualInput, target: TargetInput | undefined = tgt(ph('qualitative', 'qualitativa'))) =>
    ind('higher', target, actual, { rule: 'manual' });
  test('// §5.3 a score in [0, 100]% with a non-empty justification; no target needed', () => {
    expect(score(m({ manualScore: 0, justification: 'nothing done' })).score).toBe(0);
    expect(score(m({ manualScore: 1, justification: 'all done' })).score).toBe(1);
    const noTarget = score(ind('higher', undefined, { manualScore: 0.6, justification: 'partly' }, { rule: 'manual' }));
    expect(noTarget.status).toBe('scored');
    expect(noTarget.score).toBe(0.6);
  });
  test('// §5.3 MANUAL_SCORE_OUT_OF_RANGE, MANUAL_JUSTIFICATION_MISSING (both when both)', () => {
    for (const s of [1.2, -0.1, NaN, 75]) {
      expect(score(m({ manualScore: s, justification: 'x' })).errors).toEqual(['MANUAL_SCORE_OUT_OF_RANGE']);
    }
    expect(score(m({ manualScore: 0.5, justification: '  ' })).errors).toEqual(['MANUAL_JUSTIFICATION_MISSING']);
    expect(score(m({ manualScore: 2 })).errors).toEqual(['MANUAL_SCORE_OUT_OF_RANGE', 'MANUAL_JUSTIFICATION_MISSING']);
  });
  test('// §5.2.2 manual: no entered score → missing (target present) or not_applicable (no target)', () => {
    expect(score(m({ justification: 'x' })).status).toBe('missing');
    expect(score(ind('higher', undefined, {}, { rule: 'manual' })).status).toBe('not_applicable');
    expect(score(ind('higher', tgt(dash()), { justification: 'x' }, { rule: 'manual' })).status).toBe('not_applicable');
  });
});

// ---- §5.3 project ------------------------------------------------------------------------------------------------
describe('§5.3 project', () => {
  const act = (
    id: string,
    weight: number | undefined,
    t: ParsedValue | undefined,
    a: ParsedValue | undefined,
    polarity: Polarity = 'higher',
  ): ActivityInput => ({
    id,
    code: id,
    weight,
    polarity,
    target: t ? tgt(t) : undefined,
    actual: a ? { value: a } : undefined,
  });
  const project = (activities: ActivityInput[] | undefined, t?: ParsedValue, a?: ParsedValue): IndicatorInput => ({
    id: 'p',
    polarity: 'higher',
    rule: 'project',
    target: t ? tgt(t) : undefined,
    actual: a ? { value: a } : undefined,
    activities,
  });
  test('// §5.3 a project without activities uses ratio against the completion target (e.g. 30%)', () => {
    const r = score(project(undefined, pct(30), pct(15)));
    expect(r.rule).toBe('project');
    expect(r.mode).toBe('completion');
    expect(r.score).toBe(0.5);
    expect(score(project([], pct(30), pct(30))).score).toBe(1);
  });
  test('// §5.3 each activity has its own rule; equal weights when none is declared', () => {
    const r = score(
      project([
        act('a1', undefined, date('2022-06-30'), date('2022-07-30'), 'deadline'),
        act('a2', undefined, bool(true), bool(true), 'boolean'),
        act('a3', undefined, num(10), num(4), 'lower'),
      ]),
    );
    expect(r.activities!.map((a) => a.rule)).toEqual(['deadline', 'boolean', 'inverse']);
    expect(r.score).toBeCloseTo(2 / 3, 15);
    expect(r.explanation.formula).toBe('(0 + 1 + 1)/3');
  });
  test('// §5.5 in projects: some activities weighted, others not → invalid WEIGHT_MISSING', () => {
    const r = score(project([act('a1', 50, num(10), num(10)), act('a2', undefined, num(10), num(5))]));
    expect(r.status).toBe('invalid');
    expect(r.errors).toEqual(['WEIGHT_MISSING']);
  });
  test('// §5.3 no scored activity → null: missing / not_applicable / invalid; invalid activities → CHILD_INVALID', () => {
    expect(score(project([act('a1', 50, num(10), undefined), act('a2', 50, num(0), num(3))])).status).toBe('missing');
    expect(score(project([act('a1', 50, undefined, undefined)])).status).toBe('not_applicable');
    const inv = score(project([act('a1', 50, num(0), num(3))]));
    expect(inv.status).toBe('invalid');
    expect(inv.errors).toEqual(['TARGET_NOT_POSITIVE']);
    const partly = score(project([act('a1', 50, num(0), num(3)), act('a2', 50, num(10), num(8))]));
    expect(partly.score).toBe(0.8);
    expect(partly.warnings).toContain('CHILD_INVALID');
  });
  test('// §5.2.2 a project is monitoring or neutralised before its activities are looked at', () => {
    const acts = [act('a1', 50, num(10), num(10))];
    expect(score({ ...project(acts), target: tgt(num(1), { mode: 'monitoring' }) }).status).toBe('monitoring');
    expect(
      score({ ...project(acts), actual: { neutralised: true, neutralisationReason: 'project cancelled by law' } })
        .status,
    ).toBe('neutralised');
  });
});
