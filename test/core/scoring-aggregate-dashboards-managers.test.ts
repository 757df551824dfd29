/**
 * Sections of docs/scoring.md (every § in this file): §5.8 dashboards, §5.9 managers and incentives.
 */
import {
  aggregate,
  checkIncentive,
  incentiveValue,
  relevanceCoefficient,
  scoreDashboard,
  scoreIndicator,
  scoreManager,
  type IndicatorResult,
} from '@core/scoring';
import { C, num, ratio } from '../helpers/aggregate-inputs';

/** A dashboard's entries: these indicators, listed under one objective, without weights. */
const under = (objectiveId: string, ...indicatorIds: string[]) =>
  indicatorIds.map((indicatorId) => ({ indicatorId, objectiveId }));

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
    const service = scoreDashboard({ id: 'svc', entries: under('o1', 'iso', 'pay') }, results);
    const sg = scoreDashboard({ id: 'sg', entries: under('o9', 'iso') }, results);
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
        entries: [...under('o1', 'iso'), ...under('o2', 'pay')],
        groupWeights: { o1: 100 },
      },
      results,
    );
    expect(partial.errors).toEqual(['WEIGHT_MISSING']);
  });

  test('// §5.8 any ReadonlyMap is a lookup, not only a Map; a record with an indicator id "get" stays a record', () => {
    const listed = new Map([
      ['iso', results.get('iso')!],
      ['get', results.get('pay')!],
    ]);
    // what the server's rescore gives: another class of map (server/speed/layered-map.ts)
    const view: ReadonlyMap<string, IndicatorResult> = {
      size: listed.size,
      get: (id) => listed.get(id),
      has: (id) => listed.has(id),
      entries: () => listed.entries(),
      keys: () => listed.keys(),
      values: () => listed.values(),
      forEach: (callback) => listed.forEach((value, key) => callback(value, key, view)),
      [Symbol.iterator]: () => listed.entries(),
    };
    const entries = under('o1', 'iso', 'get');
    const scores = [listed, view, Object.fromEntries(listed)].map((r) => scoreDashboard({ id: 'd', entries }, r).score);
    expect(scores[0]).toBeCloseTo(0.8, 15);
    expect(scores).toEqual([scores[0], scores[0], scores[0]]);
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
    const d = scoreDashboard({ id: 'sg-dash', entries: under('o', 'a', 'b') }, { a: ratio('a', 10), b: ratio('b', 7) });
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
