/**
 * Sections of docs/scoring.md (every § in this file): §5.5 aggregation, §5.6 strategic objectives, §5.7 pass mark,
 * §5.8 dashboards, §5.9 managers and incentives.
 */
import {
  aggregate,
  checkIncentive,
  DEFAULT_PROFILE,
  incentiveValue,
  nextProfileVersion,
  relevanceCoefficient,
  scoreDashboard,
  scoreIndicator,
  scoreManager,
  scoreStrategicObjective,
  withPassMark,
  type AggregateChild,
  type IndicatorResult,
} from '@core/scoring';
import type { ParsedValue } from '@core/values/types';

const num = (value: number): ParsedValue => ({ raw: String(value), kind: 'number', value, warnings: [] });
const C = { year: 2022, checkpoint: '31/12' as const };
/** a real indicator result with score a/t (ratio) */
const ratio = (id: string, a: number, t = 10): IndicatorResult =>
  scoreIndicator(
    {
      id,
      code: id,
      polarity: 'higher',
      target: { mode: 'scored', value: num(t), revision: 'original' },
      actual: { value: num(a) },
    },
    C,
  );
const child = (
  id: string,
  score: number | null,
  weight?: number | null,
  status?: AggregateChild['status'],
): AggregateChild => ({ id, code: id, score, weight, status });

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

// ---- §5.6 --------------------------------------------------------------------------------------------------------
describe('§5.6 strategic objective', () => {
  const own = [child('i1', 1, 15), child('i2', 1, 15), child('i3', 0.9, 5), child('i4', 0.5, 5), child('i5', 1, 10)];
  const ops = [child('o1', 0.8), child('o2', 1)];

  test('// §5.6 both components: s = ownShare·Own + (1 − ownShare)·Ops, ownShare from the profile (0.5) by default', () => {
    const r = scoreStrategicObjective({ id: 'so', own, contributions: ops });
    expect(r.score).toBeCloseTo(0.5 * 0.94 + 0.5 * 0.9, 15);
    expect(r.explanation.used).toEqual([
      { id: 'own', weight: 0.5, score: r.own!.score },
      { id: 'contributions', weight: 0.5, score: r.contributions!.score },
    ]);
  });

  test("// §5.6 the objective's own ownShare wins over the profile's", () => {
    expect(scoreStrategicObjective({ id: 'so', own, contributions: ops, ownShare: 0.7 }).score).toBeCloseTo(
      0.7 * 0.94 + 0.3 * 0.9,
      15,
    );
    const p = nextProfileVersion(DEFAULT_PROFILE, { ownShare: 0.6 });
    expect(scoreStrategicObjective({ id: 'so', own, contributions: ops }, { profile: p }).score).toBeCloseTo(
      0.6 * 0.94 + 0.4 * 0.9,
      15,
    );
  });

  test('// §5.6 own weights written as shares of the whole (15+15+5+5+10 = 50) are relative (= 30/30/10/10/20)', () => {
    const rel = [
      child('i1', 1, 30),
      child('i2', 1, 30),
      child('i3', 0.9, 10),
      child('i4', 0.5, 10),
      child('i5', 1, 20),
    ];
    const a = scoreStrategicObjective({ id: 'so', own, contributions: ops });
    const b = scoreStrategicObjective({ id: 'so', own: rel, contributions: ops });
    expect(a.own!.score).toBeCloseTo(b.own!.score!, 15);
    expect(a.own!.warnings).toEqual([]);
    expect(b.own!.warnings).toEqual([]);
  });

  test('// §5.6 the own sum check accepts 100 or ownShare × 100, and warns otherwise', () => {
    const seventy = [child('i1', 1, 35), child('i2', 0.5, 35)];
    expect(scoreStrategicObjective({ id: 'so', own: seventy, contributions: ops }).warnings).toEqual(['WEIGHT_SUM']);
    expect(scoreStrategicObjective({ id: 'so', own: seventy, contributions: ops, ownShare: 0.7 }).warnings).toEqual([]);
  });

  test('// §5.6 one component null → the other stands alone + COMPONENT_EMPTY', () => {
    const noOps = scoreStrategicObjective({ id: 'so', own, contributions: [child('o1', null, undefined, 'empty')] });
    expect(noOps.score).toBeCloseTo(0.94, 15);
    expect(noOps.warnings).toEqual(['COMPONENT_EMPTY']);
    const noOwn = scoreStrategicObjective({ id: 'so', own: [child('i1', null, 50, 'missing')], contributions: ops });
    expect(noOwn.score).toBeCloseTo(0.9, 15);
    expect(noOwn.warnings).toEqual(['COMPONENT_EMPTY']);
    expect(noOwn.explanation.excluded).toEqual([{ id: 'own', reason: 'no scored child' }]);
  });

  test('// §5.6 only one kind of child → that component is the score, no COMPONENT_EMPTY (Bergamo own / Sondrio ops)', () => {
    const bergamo = scoreStrategicObjective({ id: 'so', own: [child('i1', 1), child('i2', 0.5)] });
    expect(bergamo.score).toBe(0.75);
    expect(bergamo.warnings).toEqual([]);
    const sondrio = scoreStrategicObjective({ id: 'so', contributions: [child('o1', 0.6, 50), child('o2', 1, 50)] });
    expect(sondrio.score).toBeCloseTo(0.8, 15);
    expect(sondrio.warnings).toEqual([]);
  });

  test('// §5.6 both null → null (blank); a weight error inside a component makes the objective invalid', () => {
    const empty = scoreStrategicObjective({
      id: 'so',
      own: [child('i', null, 50, 'missing')],
      contributions: [child('o', null)],
    });
    expect(empty.status).toBe('empty');
    expect(empty.score).toBeNull();
    expect(empty.display).toBeNull();
    const bad = scoreStrategicObjective({ id: 'so', own: [child('i1', 1, 50), child('i2', 1)], contributions: ops });
    expect(bad.status).toBe('invalid');
    expect(bad.errors).toEqual(['WEIGHT_MISSING']);
    expect(scoreStrategicObjective({ id: 'so', own, ownShare: 1.5 }).errors).toEqual(['OWN_SHARE_OUT_OF_RANGE']);
  });
});

// ---- §5.7 --------------------------------------------------------------------------------------------------------
describe('§5.7 pass mark', () => {
  test('// §5.7 achieved = s ≥ p; null when s is null or there is no pass mark', () => {
    expect(aggregate([child('a', 0.85)], { passMark: 0.8 }).achieved).toBe(true);
    expect(aggregate([child('a', 0.75)], { passMark: 0.8 }).achieved).toBe(false);
    expect(aggregate([child('a', 0.99)], { passMark: 1 }).achieved).toBe(false);
    expect(aggregate([child('a', null, undefined, 'missing')], { passMark: 0.8 }).achieved).toBeNull();
    expect(aggregate([child('a', 0.85)]).achieved).toBeNull();
    expect(scoreStrategicObjective({ id: 'so', own: [child('a', 1)], passMark: 1 }).achieved).toBe(true);
  });

  test('// §5.7 s exactly at p counts as achieved despite binary artefacts: mean(0.4, 1, 1) = 0.7999999999999999', () => {
    const r = aggregate([child('a', 0.4), child('b', 1), child('c', 1)], { passMark: 0.8 });
    expect(r.achieved).toBe(true);
  });

  test('// §5.7 the pass mark MUST NOT rescale s', () => {
    const kids = [child('a', 0.6), child('b', 0.7)];
    const without = aggregate(kids);
    const withMark = aggregate(kids, { passMark: 0.8 });
    expect(withMark.score).toBe(without.score);
    expect(withMark.display).toBe(without.display);
    const so = scoreStrategicObjective({ id: 'so', own: kids, passMark: 0.8 });
    expect(so.score).toBe(without.score);
    expect(so.achieved).toBe(false);
    const later = withPassMark(without, 0.6);
    expect(later.score).toBe(without.score);
    expect(later.achieved).toBe(true);
    expect(later.explanation.achieved).toBe(true);
  });
});

// ---- §5.8 --------------------------------------------------------------------------------------------------------
describe('§5.8 dashboards', () => {
  const results = new Map<string, IndicatorResult>([
    ['iso', ratio('iso', 10)],
    ['tour', ratio('tour', 8)],
    ['pay', ratio('pay', 6)],
    ['other', ratio('other', 0)],
    [
      'mon',
      scoreIndicator(
        {
          id: 'mon',
          polarity: 'higher',
          target: { mode: 'monitoring', value: num(1), revision: 'original' },
          actual: { value: num(21) },
        },
        C,
      ),
    ],
  ]);

  test('// §5.8 a dashboard aggregates only the entries it lists: groups = objectives within it', () => {
    const d = scoreDashboard(
      {
        id: 'dash-service',
        entries: [
          { indicatorId: 'iso', objectiveId: 'o1', objectiveCode: '1.1' },
          { indicatorId: 'tour', objectiveId: 'o1', objectiveCode: '1.1' },
          { indicatorId: 'pay', objectiveId: 'o2', objectiveCode: '2.1' },
          { indicatorId: 'mon', objectiveId: 'o2', objectiveCode: '2.1' },
        ],
      },
      results,
    );
    expect(d.groups.map((g) => [g.id, g.code, g.score])).toEqual([
      ['o1', '1.1', 0.9],
      ['o2', '2.1', 0.6],
    ]);
    expect(d.score).toBeCloseTo(0.75, 15); // 'other' (score 0) is not listed: no effect
    expect(d.display).toBe('75%');
    expect(d.explanation.subject).toMatchObject({ type: 'dashboard', id: 'dash-service' });
    expect(d.groups[1].explanation.excluded).toEqual([{ id: 'mon', reason: 'monitoring' }]);
  });

  test('// §5.8 one indicator in several dashboards contributes the same score to each; dashboards are independent selections', () => {
    const service = scoreDashboard(
      {
        id: 'svc',
        entries: [
          { indicatorId: 'iso', objectiveId: 'o1' },
          { indicatorId: 'pay', objectiveId: 'o1' },
        ],
      },
      results,
    );
    const sg = scoreDashboard({ id: 'sg', entries: [{ indicatorId: 'iso', objectiveId: 'o9' }] }, results);
    expect(service.groups[0].explanation.used.find((u) => u.id === 'iso')!.score).toBe(1);
    expect(sg.groups[0].explanation.used.find((u) => u.id === 'iso')!.score).toBe(1);
    expect(service.score).toBeCloseTo(0.8, 15);
    expect(sg.score).toBe(1);
    // the plan tree grouping the same indicators differently gives another number: neither is derived from the other
    const tree = aggregate([results.get('iso')!, results.get('tour')!, results.get('pay')!, results.get('other')!]);
    expect(tree.score).toBeCloseTo(0.6, 15);
  });

  test('// §5.8 entry weights and group weights; an entry without a result is excluded ("no result"); a record works as lookup', () => {
    const d = scoreDashboard(
      {
        id: 'd',
        entries: [
          { indicatorId: 'iso', objectiveId: 'o1', weight: 75 },
          { indicatorId: 'pay', objectiveId: 'o1', weight: 25 },
          { indicatorId: 'ghost', objectiveId: 'o2' },
          { indicatorId: 'constructor', objectiveId: 'o2' },
        ],
        groupWeights: { o1: 60, o2: 40 },
      },
      { iso: results.get('iso')!, pay: results.get('pay')! },
    );
    expect(d.groups[0].score).toBeCloseTo(0.9, 15);
    expect(d.groups[1].status).toBe('empty');
    expect(d.groups[1].explanation.excluded.map((e) => e.reason)).toEqual(['no result', 'no result']);
    expect(d.score).toBeCloseTo(0.9, 15);
    expect(d.warnings).toEqual([]);
    // a group weight declared for one group only → WEIGHT_MISSING at the dashboard level
    const partial = scoreDashboard(
      {
        id: 'd',
        entries: [
          { indicatorId: 'iso', objectiveId: 'o1' },
          { indicatorId: 'pay', objectiveId: 'o2' },
        ],
        groupWeights: { o1: 100 },
      },
      results,
    );
    expect(partial.errors).toEqual(['WEIGHT_MISSING']);
  });
});

// ---- §5.9 --------------------------------------------------------------------------------------------------------
describe('§5.9 managers and incentive value', () => {
  test('// §5.9 manager score over scored objectives with assignment weights; unscored excluded and listed', () => {
    const r = scoreManager({
      id: 'm',
      assignments: [
        { objectiveId: 'a', code: 'A', weight: 60, score: 0.5 },
        { objectiveId: 'b', code: 'B', weight: 40, score: null, status: 'empty' },
      ],
    });
    expect(r.score).toBe(0.5);
    expect(r.explanation.excluded).toEqual([{ id: 'b', code: 'B', reason: 'not scored' }]);
    expect(r.explanation.subject.type).toBe('manager');
  });

  test('// §5.9 weight-sum check per manager (100% expected, warning otherwise); missing weight → WEIGHT_MISSING', () => {
    expect(
      scoreManager({
        id: 'm',
        assignments: [
          { objectiveId: 'a', weight: 50, score: 1 },
          { objectiveId: 'b', weight: 30, score: 1 },
          { objectiveId: 'c', weight: 50, score: 1 },
        ],
      }).warnings,
    ).toEqual(['WEIGHT_SUM']);
    expect(
      scoreManager({
        id: 'm',
        assignments: [
          { objectiveId: 'a', weight: 50, score: 1 },
          { objectiveId: 'b', score: 1 },
        ],
      }).errors,
    ).toEqual(['WEIGHT_MISSING']);
  });

  test('// §5.9 a joint assignment gives both managers the same objective score', () => {
    const shared = { objectiveId: 'joint', code: '2.3', score: 0.8 };
    const m1 = scoreManager({
      id: 'm1',
      assignments: [
        { ...shared, weight: 30 },
        { objectiveId: 'x', weight: 70, score: 1 },
      ],
    });
    const m2 = scoreManager({
      id: 'm2',
      assignments: [
        { ...shared, weight: 10 },
        { objectiveId: 'y', weight: 90, score: 0.5 },
      ],
    });
    expect(m1.explanation.used.find((u) => u.id === 'joint')!.score).toBe(0.8);
    expect(m2.explanation.used.find((u) => u.id === 'joint')!.score).toBe(0.8);
  });

  test("// §5.9 a manager evaluated through a dashboard scores that dashboard's aggregate", () => {
    const d = scoreDashboard(
      {
        id: 'sg-dash',
        entries: [
          { indicatorId: 'a', objectiveId: 'o' },
          { indicatorId: 'b', objectiveId: 'o' },
        ],
      },
      { a: ratio('a', 10), b: ratio('b', 7) },
    );
    const m = scoreManager({ id: 'sg', dashboard: d });
    expect(m.score).toBe(d.score);
    expect(m.display).toBe('85%');
    const blank = scoreManager({ id: 'sg', dashboard: { id: 'x', score: null, status: 'empty' } });
    expect(blank.score).toBeNull();
  });

  test('// §5.9 incentiveValue = relevance coefficient (HIGH 5, MEDIUM 3, LOW 1) × fund unit value', () => {
    expect(incentiveValue('HIGH', 3106)).toBe(15530);
    expect(incentiveValue('MEDIUM', 3106)).toBe(9318);
    expect(incentiveValue('LOW', 4469)).toBe(4469);
    expect(incentiveValue('ALTA', 4469)).toBe(22345);
    expect(incentiveValue(3, 100)).toBe(300);
    expect(relevanceCoefficient('bassa')).toBe(1);
    expect(relevanceCoefficient('unknown')).toBeNull();
  });

  test('// §5.9 printed values are recomputed and flagged when they differ (INCENTIVE_MISMATCH: "3.100 euro x 1")', () => {
    expect(checkIncentive(15500, 'HIGH', 3106)).toEqual({
      value: 15530,
      printed: 15500,
      warnings: ['INCENTIVE_MISMATCH'],
    });
    expect(checkIncentive(15530, 'HIGH', 3106).warnings).toEqual([]);
  });

  test('// §5.9 the incentive value is reported with the score, also for unscored objectives', () => {
    const r = scoreManager({
      id: 'm',
      funds: [{ name: 'Fondo Dirigenti', unitValue: 3106 }],
      assignments: [
        { objectiveId: 'a', weight: 50, score: 0.9, relevance: 'MEDIUM' },
        { objectiveId: 'b', weight: 50, score: null, relevance: 'LOW' },
        { objectiveId: 'c', weight: 0, score: 1 },
      ],
    });
    expect(r.objectives.map((o) => [o.objectiveId, o.display, o.coefficient, o.incentives])).toEqual([
      ['a', '90%', 3, [{ fund: 'Fondo Dirigenti', value: 9318 }]],
      ['b', null, 1, [{ fund: 'Fondo Dirigenti', value: 3106 }]],
      ['c', '100%', null, []],
    ]);
  });
});
