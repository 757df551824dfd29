import type { PlanSnapshot } from '../../server/services/plan-snapshot';
import type { PlanScores } from '../../server/services/realization';
import { planReport } from '../../server/services/report';

/**
 * The Relazione table lists each level in code order under its parent ("1.2" before "1.10"), whatever order the rows
 * were stored in; rows of equal codes keep their stored order. planReport sorts each parent's children on their own
 * (issue 13, item 5: fewer collations than sorting a whole level of a big plan): the order must be the one of the whole
 * level sorted, then grouped.
 */
describe('planReport order', () => {
  const perspective = (id: string) => ({ id, name: id, code: null });
  const so = (id: string, code: string, p: string) => ({ id, code, title: id, perspective: { id: p } });
  const oo = (id: string, code: string, s: string) => ({ id, code, title: id, strategicObjective: { id: s } });
  const indicator = (id: string, code: string | null, parent: { oo?: string; so?: string }) => ({
    id,
    code,
    title: id,
    formula: null,
    weight: null,
    operationalObjective: parent.oo ? { id: parent.oo } : null,
    strategicObjective: parent.so ? { id: parent.so } : null,
  });
  const snapshot = {
    plan: { id: 'plan', label: 'Piano' },
    perspectives: [perspective('P1'), perspective('P2')],
    strategicObjectives: [so('S10', '1.10', 'P1'), so('S2', '2.1', 'P2'), so('S1', '1.2', 'P1')],
    operationalObjectives: [oo('O3', '1.2.10', 'S1'), oo('O1', '1.2.2', 'S1'), oo('O2', '1.10.1', 'S10')],
    indicators: [
      indicator('I4', '1.2.10.1', { oo: 'O3' }),
      indicator('I3', '1.2.2.10', { oo: 'O1' }),
      indicator('I1', '1.2.2.2', { oo: 'O1' }),
      indicator('I2b', '1.2.2.2', { oo: 'O1' }), // same code: stays after I1
      indicator('I0', null, { oo: 'O1' }), // no code: last
      indicator('I5', '1.2.b', { so: 'S1' }),
      indicator('I6', '1.2.a', { so: 'S1' }),
      indicator('I7', '1.10.1.1', { oo: 'O2' }),
    ],
    measurements: [],
  } as unknown as PlanSnapshot;
  const empty = new Map();
  const scores = {
    perspectives: empty,
    strategicObjectives: empty,
    operationalObjectives: empty,
    indicators: empty,
    plan: undefined,
  } as unknown as PlanScores;

  it('lists every level in code order under its parent', () => {
    expect(planReport(snapshot, scores).rows.map((r) => r.id)).toEqual([
      'P1',
      'S1',
      'I6',
      'I5',
      'O1',
      'I1',
      'I2b',
      'I3',
      'I0',
      'O3',
      'I4',
      'S10',
      'O2',
      'I7',
      'P2',
      'S2',
    ]);
  });
});
