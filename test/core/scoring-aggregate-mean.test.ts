/**
 * Section of docs/scoring.md (every test in this file): §5.5 aggregation, the weighted mean of scored children.
 */
import { aggregate, DEFAULT_PROFILE, nextProfileVersion, scoreIndicator } from '@core/scoring';
import { C, child, num, ratio } from '../helpers/aggregate-inputs';

// ---- §5.5 --------------------------------------------------------------------------------------------------------
describe('§5.5 aggregation', () => {
  test('// §5.5 weighted arithmetic mean of the scored children', () => {
    const r = aggregate([child('a', 0.5, 30), child('b', 1, 70)]);
    expect(r.status).toBe('scored');
    expect(r.score).toBeCloseTo(0.85, 15);
    expect(r.explanation.used).toEqual([
      { id: 'a', code: 'a', weight: 30, score: 0.5 },
      { id: 'b', code: 'b', weight: 70, score: 1 },
    ]);
  });

  test('// §5.5 monitoring, neutralised, missing, not-applicable, invalid children and null aggregates leave numerator and denominator', () => {
    const kids = [
      child('s1', 0.6, 20),
      child('s2', 0.9, 40),
      child('mon', null, 10, 'monitoring'),
      child('neu', null, 10, 'neutralised'),
      child('mis', null, 10, 'missing'),
      child('na', null, 5, 'not_applicable'),
      child('inv', null, 5, 'invalid'),
      child('agg', null, 0, 'empty'),
    ];
    const r = aggregate(kids);
    expect(r.score).toBeCloseTo((20 * 0.6 + 40 * 0.9) / 60, 15);
    expect(r.explanation.excluded.map((e) => e.reason)).toEqual([
      'monitoring',
      'neutralised',
      'missing',
      'not applicable',
      'invalid',
      'no scored child',
    ]);
    expect(r.warnings).toEqual(['CHILD_INVALID']);
    // the status decides, even if a caller left a number in `score`
    const stray = aggregate([
      child('s1', 0.6),
      { id: 'mon', score: 0, status: 'monitoring' },
      { id: 'neu', score: 0, status: 'neutralised' },
    ]);
    expect(stray.score).toBe(0.6);
  });

  test('// §5.5 no child weighted → equal weights (Bergamo simple mean)', () => {
    const r = aggregate([ratio('a', 10), ratio('b', 5), ratio('c', 6)]);
    expect(r.score).toBeCloseTo(0.7, 15);
    expect(r.explanation.weighting).toBe('equal');
    expect(r.explanation.formula).toBe('(1 + 0.5 + 0.6)/3');
    expect(r.warnings).toEqual([]);
  });

  test('// §5.5 some siblings weighted, others not → invalid WEIGHT_MISSING (never guessed), even if the unweighted one is not scored', () => {
    expect(aggregate([child('a', 1, 50), child('b', 0.5)]).errors).toEqual(['WEIGHT_MISSING']);
    expect(aggregate([child('a', 1, 50), child('b', null, undefined, 'missing')]).errors).toEqual(['WEIGHT_MISSING']);
    expect(aggregate([child('a', 1, 50), child('b', 0.5, NaN)]).errors).toEqual(['WEIGHT_MISSING']);
    // monitoring indicators "are not weighted"
    const m = aggregate([child('a', 1, 50), child('b', 0.5, 50), child('mon', null, undefined, 'monitoring')]);
    expect(m.errors).toEqual([]);
    expect(m.score).toBe(0.75);
  });

  test('// §5.5 declared weights not summing to 100 → renormalise and warn WEIGHT_SUM; tolerance 0.1 (3 × 33,33 passes)', () => {
    expect(aggregate([child('a', 1, 33.33), child('b', 0.5, 33.33), child('c', 0, 33.33)]).warnings).toEqual([]);
    expect(aggregate([child('a', 1, 50), child('b', 0.5, 50.1)]).warnings).toEqual([]);
    expect(aggregate([child('a', 1, 50), child('b', 0.5, 50.2)]).warnings).toEqual(['WEIGHT_SUM']);
    expect(aggregate([child('a', 1, 40), child('b', 0.5, 40)]).warnings).toEqual(['WEIGHT_SUM']);
    // the sum is over all declared weights, scored or not
    const r = aggregate([child('a', 1, 60), child('b', null, 40, 'missing')]);
    expect(r.warnings).toEqual([]);
    expect(r.weightSum).toBe(100);
    expect(r.score).toBe(1);
    expect(aggregate([child('a', 1, 60), child('b', 0.5, 20)]).warnings).toEqual(['WEIGHT_SUM']);
    // a profile may widen the tolerance
    expect(
      aggregate([child('a', 1, 50), child('b', 0.5, 50.4)], {
        profile: nextProfileVersion(DEFAULT_PROFILE, { weightSumTolerance: 0.5 }),
      }).warnings,
    ).toEqual([]);
  });

  test('// §5.5 weight 0 is allowed: shown, no effect', () => {
    const r = aggregate([child('a', 1, 100), child('z', 0, 0)]);
    expect(r.score).toBe(1);
    expect(r.explanation.used.map((u) => u.weight)).toEqual([100, 0]);
  });

  test('// §5.5 a negative weight → WEIGHT_NEGATIVE (invalid)', () => {
    const r = aggregate([child('a', 1, 120), child('b', 0.5, -20)]);
    expect(r.status).toBe('invalid');
    expect(r.score).toBeNull();
    expect(r.errors).toEqual(['WEIGHT_NEGATIVE']);
  });

  test('// §5.5 all scored children weigh 0 → null + WEIGHT_SUM_ZERO', () => {
    const r = aggregate([child('a', 1, 0), child('b', 0.5, 0), child('c', null, 100, 'missing')]);
    expect(r.status).toBe('invalid');
    expect(r.score).toBeNull();
    expect(r.errors).toEqual(['WEIGHT_SUM_ZERO']);
  });

  test('// §5.5 no scored child → null, shown blank: never 0, never 100%', () => {
    for (const kids of [
      [],
      [child('m', null, undefined, 'missing')],
      [child('n', null, undefined, 'neutralised'), child('e', null)],
    ]) {
      const r = aggregate(kids);
      expect(r.status).toBe('empty');
      expect(r.score).toBeNull();
      expect(r.display).toBeNull();
      expect(r.errors).toEqual([]);
    }
  });

  test('// §5.5 invalid children do not block the parent: computed over scored children + CHILD_INVALID', () => {
    const bad = scoreIndicator(
      {
        id: 'bad',
        polarity: 'higher',
        target: { mode: 'scored', value: num(0), revision: 'original' },
        actual: { value: num(3) },
      },
      C,
    );
    const r = aggregate([bad, ratio('ok', 8)]);
    expect(r.status).toBe('scored');
    expect(r.score).toBe(0.8);
    expect(r.warnings).toEqual(['CHILD_INVALID']);
    expect(r.explanation.excluded).toEqual([{ id: 'bad', code: undefined, reason: 'invalid: TARGET_NOT_POSITIVE' }]);
  });

  test('// §5.5 levels nest: perspective → strategic objectives, plan → perspectives; null aggregates are excluded', () => {
    const so1 = aggregate([ratio('a', 10), ratio('b', 8)], {
      subject: { type: 'strategic_objective', id: 'so1', code: '1.1' },
    });
    const so2 = aggregate([child('m', null, undefined, 'missing')], {
      subject: { type: 'strategic_objective', id: 'so2', code: '1.2' },
    });
    const persp = aggregate([so1, so2], { subject: { type: 'perspective', id: 'p1' } });
    expect(persp.score).toBeCloseTo(0.9, 15);
    expect(persp.explanation.excluded).toEqual([{ id: 'so2', code: '1.2', reason: 'no scored child' }]);
    const plan = aggregate([persp], { subject: { type: 'plan', id: 'plan' } });
    expect(plan.score).toBeCloseTo(0.9, 15);
  });

  test('// §5.10 aggregates MUST use unrounded child scores', () => {
    // each child displays "0.5%", but the mean of the unrounded scores is 0.4951% → "0%"
    const kids = [child('a', 0.004951), child('b', 0.004951)];
    const r = aggregate(kids);
    expect(r.score).toBe(0.004951);
    expect(r.display).toBe('0%');
  });

  test('// §5.5 weights may come as a parallel list (options.weights overrides child.weight)', () => {
    const r = aggregate([ratio('a', 10), ratio('b', 5)], { weights: [25, 75] });
    expect(r.score).toBeCloseTo(0.625, 15);
  });

  test('// §5.12 large aggregates keep a summarised formula and a bounded text', () => {
    const kids = Array.from({ length: 40 }, (_, i) => child('c' + i, i % 2 ? 1 : 0.5, 2.5));
    kids.push(...Array.from({ length: 15 }, (_, i) => child('x' + i, null, 0, 'missing')));
    const r = aggregate(kids);
    expect(r.explanation.formula).toBe('Σ(w×s)/Σw = 75/100');
    expect(r.explanation.text).toContain('… 5 more excluded]');
    expect(r.explanation.used).toHaveLength(40);
    expect(r.explanation.excluded).toHaveLength(15);
  });
});
