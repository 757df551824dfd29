import { compareLevels, type Levels } from '../../bench/scoring';

/**
 * B3's honesty check: the hand-written loop it times the engine against must compute the engine's numbers at every
 * level, not only the plan score (two wrong means can still average to the right plan score).
 */
describe('B3 compares every level of the baseline with the engine', () => {
  const levels = (): Levels => [[0.5, 1, 0.8], [0.7666666666666667], [0.7666666666666667], [0.7666666666666667]];

  it('counts the scores when they agree (means within 1e-12)', () => {
    const engine = levels();
    engine[1][0] += 1e-13;
    expect(compareLevels(engine, levels())).toBe(6);
  });

  it('refuses an indicator score that differs at all', () => {
    const baseline = levels();
    baseline[0][2] = 0.8000000000000002;
    expect(() => compareLevels(levels(), baseline)).toThrow('indicator 2: the engine scores 0.8, the baseline');
  });

  it('refuses a mean that differs, and a level with scores missing', () => {
    const baseline = levels();
    baseline[1][0] = 0.76;
    expect(() => compareLevels(levels(), baseline)).toThrow('operational objective 0');
    const short = levels();
    short[0].pop();
    expect(() => compareLevels(levels(), short)).toThrow('3 indicator scores from the engine, 2 from the baseline');
  });

  // two compensating errors leave the plan score right: the check still finds them
  it('finds compensating errors below an equal plan score', () => {
    const baseline = levels();
    baseline[0][0] = 0.6;
    baseline[0][1] = 0.9;
    expect(() => compareLevels(levels(), baseline)).toThrow('indicator 0');
  });
});
