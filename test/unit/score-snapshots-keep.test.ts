/**
 * ScoreSnapshots.keep (server/services/score-snapshots.ts): readers of one plan's stamp that ask at once share one
 * build (bench B4: after a sync every pane asked the new rows at the same moment, and each read the whole plan).
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { ScoreSnapshots } from '../../server/services/score-snapshots';
import type { PlanStamp } from '../../server/services/plan-stamp';

const stamp = (value: string): PlanStamp => ({ planId: 'p1', orgId: 'o1', value, changeCount: 0 });

describe('ScoreSnapshots.keep', () => {
  it('builds once for readers of the same stamp asking at once, again for a new stamp', async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 20 });
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((resolve) => setImmediate(resolve));
      return { n: builds };
    };
    const keep = (s: PlanStamp) => snapshots.keep('rows', s, 2022, Checkpoint.YEAR_END, build, () => 1);
    const [a, b, c] = await Promise.all([keep(stamp('1')), keep(stamp('1')), keep(stamp('1'))]);
    expect(builds).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await keep(stamp('1'))).toBe(a);
    const [d, e] = await Promise.all([keep(stamp('2')), keep(stamp('2'))]);
    expect(builds).toBe(2);
    expect(e).toBe(d);
    expect(d).not.toBe(a);
  });

  it('a failed build is not kept: the next reader builds', async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 20 });
    let builds = 0;
    const build = async () => {
      builds++;
      if (builds === 1) throw new Error('down');
      return { ok: true };
    };
    const keep = () => snapshots.keep('rows', stamp('1'), 2022, Checkpoint.YEAR_END, build, () => 1);
    await expect(keep()).rejects.toThrow('down');
    expect(await keep()).toEqual({ ok: true });
    expect(builds).toBe(2);
  });
});
