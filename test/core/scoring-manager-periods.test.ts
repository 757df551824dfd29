/**
 * docs/scoring.md §5.9, managers by assignment period: the weights in force at the checkpoint, a change of manager
 * mid-year as two periods with their own weights, pro rata by days when the profile says so, never summed.
 */
import { DEFAULT_PROFILE, assignmentPeriods, editProfile, scoreManagerByPeriod } from '@core/scoring';

// docs/scoring.md §5.9: original 10/20/50/20 until 30/6, redefined 10/10/40/20/20 from 1/7; 1.3 not scored
const brescia = [
  { objectiveId: 'os1', code: '1', weight: 10, score: 0.92 },
  { objectiveId: 'oo11', code: '1.1', weight: 20, score: 1, validTo: '2020-06-30' },
  { objectiveId: 'oo11', code: '1.1', weight: 10, score: 1, validFrom: '2020-07-01' },
  { objectiveId: 'oo12', code: '1.2', weight: 50, score: 0.85, validTo: '2020-06-30' },
  { objectiveId: 'oo12', code: '1.2', weight: 40, score: 0.85, validFrom: '2020-07-01' },
  { objectiveId: 'oo13', code: '1.3', weight: 20, score: null },
  { objectiveId: 'oo14', code: '1.4', weight: 20, score: 0.7, validFrom: '2020-07-01' },
];

describe('§5.9 managers by assignment period', () => {
  it('the worked example: 31/12 on 10/10/40/20/20 → 84%, 1.3 excluded; two periods, none summed', () => {
    const r = scoreManagerByPeriod({ id: 'vairano', assignments: brescia }, { year: 2020, checkpoint: '31/12' });
    expect(r.display).toBe('84%');
    expect(r.score).toBeCloseTo(67.2 / 80, 12);
    expect(r.objectives.map((o) => [o.code, o.weight])).toEqual([
      ['1', 10],
      ['1.1', 10],
      ['1.2', 40],
      ['1.3', 20],
      ['1.4', 20],
    ]);
    expect(r.periods!.map((p) => [p.from, p.to, p.days, p.inForce, p.weightSum])).toEqual([
      ['2020-01-01', '2020-06-30', 182, false, 100],
      ['2020-07-01', '2020-12-31', 184, true, 100],
    ]);
  });

  it('at 30/6 only the original weights hold: one period, 1.4 (from 1/7) absent', () => {
    const r = scoreManagerByPeriod({ id: 'vairano', assignments: brescia }, { year: 2020, checkpoint: '30/6' });
    expect(r.objectives.map((o) => o.code)).toEqual(['1', '1.1', '1.2', '1.3']);
    expect(r.weightSum).toBe(100);
    expect(r.score).toBeCloseTo((10 * 0.92 + 20 * 1 + 50 * 0.85) / 80, 12);
    expect(r.periods).toHaveLength(1);
  });

  it('pro rata: each period weighs by its days', () => {
    const profile = editProfile(DEFAULT_PROFILE, { managerPeriods: 'pro-rata' });
    const r = scoreManagerByPeriod(
      { id: 'vairano', assignments: brescia },
      { year: 2020, checkpoint: '31/12', profile },
    );
    const [first, second] = r.periods!;
    expect(r.score).toBeCloseTo((182 * first.score! + 184 * second.score!) / 366, 12);
    expect(r.warnings).not.toContain('WEIGHT_SUM');
  });

  it('a manager who left on 30/6 keeps their own period at 31/12; the successor has theirs', () => {
    const leaver = [{ objectiveId: 'a', code: '2.1', weight: 100, score: 0.6, validTo: '2020-06-30' }];
    const successor = [{ objectiveId: 'a', code: '2.1', weight: 100, score: 0.6, validFrom: '2020-07-01' }];
    const a = scoreManagerByPeriod({ id: 'a', assignments: leaver }, { year: 2020, checkpoint: '31/12' });
    expect(a.periods!.map((p) => [p.from, p.to, p.inForce])).toEqual([['2020-01-01', '2020-06-30', false]]);
    expect(a.display).toBe('60%');
    const b = scoreManagerByPeriod({ id: 'b', assignments: successor }, { year: 2020, checkpoint: '30/6' });
    expect(b.periods).toEqual([]);
    expect(b.score).toBeNull();
    expect(assignmentPeriods(successor, 2020, '31/12').map((p) => [p.from, p.to])).toEqual([
      ['2020-07-01', '2020-12-31'],
    ]);
  });

  it('without validity dates the portfolio is scored as before', () => {
    const r = scoreManagerByPeriod(
      { id: 'x', assignments: [{ objectiveId: 'a', code: '1', weight: 100, score: 0.5 }] },
      { year: 2020, checkpoint: '31/12' },
    );
    expect(r.display).toBe('50%');
    expect(r.periods).toBeUndefined();
  });
});
