/**
 * ScoreTrail (server/sync/score-trail.ts): the scores given out per plan period, a bounded number of periods, the
 * least recently given dropped first, and per period the newest KEPT_PER_PERIOD.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import type { PlanScores } from '../../server/services/realization';
import { KEPT_PER_PERIOD, PERIODS, ScoreTrail } from '../../server/sync/score-trail';

/** distinct score objects, held here so that the trail's weak references stay alive */
const scoresMade: PlanScores[] = [];
const newScores = () => {
  const scores = {} as PlanScores;
  scoresMade.push(scores);
  return scores;
};

describe('ScoreTrail', () => {
  it('keeps the scores of PERIODS plan periods, the least recently given dropped first', () => {
    const trail = new ScoreTrail();
    const first = newScores();
    const firstToken = trail.give('plan-0', 2022, Checkpoint.YEAR_END, first);
    const secondToken = trail.give('plan-1', 2022, Checkpoint.YEAR_END, newScores());
    for (let i = 2; i < PERIODS; i++) trail.give(`plan-${i}`, 2022, Checkpoint.YEAR_END, newScores());
    // plan-0 given again: plan-1 is now the least recently given
    expect(trail.give('plan-0', 2022, Checkpoint.YEAR_END, first)).toBe(firstToken);
    trail.give('plan-new', 2022, Checkpoint.YEAR_END, newScores());
    expect(trail.given('plan-0', 2022, Checkpoint.YEAR_END, firstToken)).toBe(first);
    expect(trail.given('plan-1', 2022, Checkpoint.YEAR_END, secondToken)).toBeUndefined();
    expect(trail.given('plan-2', 2022, Checkpoint.YEAR_END, 'unknown')).toBeUndefined();
  });

  it('keeps the newest KEPT_PER_PERIOD scores of a period, each period apart', () => {
    const trail = new ScoreTrail();
    const given = Array.from({ length: KEPT_PER_PERIOD + 1 }, () => {
      const scores = newScores();
      return { scores, token: trail.give('plan', 2022, Checkpoint.MID_YEAR, scores) };
    });
    expect(trail.given('plan', 2022, Checkpoint.MID_YEAR, given[0].token)).toBeUndefined();
    expect(trail.given('plan', 2022, Checkpoint.MID_YEAR, given[1].token)).toBe(given[1].scores);
    expect(trail.given('plan', 2022, Checkpoint.YEAR_END, given[1].token)).toBeUndefined();
  });
});
