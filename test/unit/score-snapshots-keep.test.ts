/**
 * ScoreSnapshots.keep (server/services/score-snapshots.ts): readers of one plan's stamp that ask at once share one
 * build (bench B4: after a sync every pane asked the new rows at the same moment, and each read the whole plan).
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { ScoreSnapshots } from '../../server/services/score-snapshots';
import type { PlanStamp } from '../../server/services/plan-stamp';
import { SCORE_MAPS } from '../helpers/score-maps';

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

  it("readers of a stamp being built take its writer's value kept meanwhile, and the build is told to stop", async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 20 });
    let release!: (value: object) => void;
    let stop: AbortSignal | undefined;
    let builds = 0;
    const build = (signal: AbortSignal) => {
      builds++;
      stop = signal;
      return new Promise<object>((resolve) => (release = resolve));
    };
    const keep = (s: PlanStamp) => snapshots.keep('rows', s, 2022, Checkpoint.YEAR_END, build, () => 1);
    const settled: object[] = [];
    const first = keep(stamp('1')).then((v) => settled.push(v));
    const second = keep(stamp('1')).then((v) => settled.push(v));
    await new Promise((resolve) => setImmediate(resolve));
    // another stamp's value is not theirs
    snapshots.putKept('rows', stamp('0'), 2022, Checkpoint.YEAR_END, { n: 0 }, 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual([]);
    const told = { n: 'told' };
    expect(snapshots.putKept('rows', stamp('1'), 2022, Checkpoint.YEAR_END, told, 1)).toBe('kept while built');
    await Promise.race([Promise.all([first, second]), new Promise((resolve) => setTimeout(resolve, 1000))]);
    expect(settled).toEqual([told, told]);
    expect(stop?.aborted).toBe(true);
    // the build ending later changes nothing: the stamp keeps the told value, and nobody builds again
    release({ n: 'built' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await keep(stamp('1'))).toBe(told);
    expect(builds).toBe(1);
  });

  it('a build that stops on its signal fails none of its readers once the value is kept', async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 20 });
    const build = (signal: AbortSignal) =>
      new Promise<object>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const reader = snapshots.keep('rows', stamp('1'), 2022, Checkpoint.YEAR_END, build, () => 1);
    await new Promise((resolve) => setImmediate(resolve));
    const told = { n: 'told' };
    snapshots.putKept('rows', stamp('1'), 2022, Checkpoint.YEAR_END, told, 1);
    expect(await reader).toBe(told);
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

/**
 * One entry per stamp (bench B4): while syncs commit one after another, a read that began at one stamp ends after the
 * next sync kept its scores and rows; it must still find its own stamp's, and never be given the newer ones.
 */
describe('ScoreSnapshots keeps several stamps of one period', () => {
  const empty = () => new Map();
  const scored = (n: number) => ({
    scores: {
      n,
      ...Object.fromEntries(SCORE_MAPS.map((k) => [k, empty()])),
    } as never,
    snapshot: null,
  });

  it('serves a read of the older stamp after the newer one was kept, each stamp its own scores', () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 30 });
    snapshots.put(stamp('1'), 2022, Checkpoint.YEAR_END, scored(1));
    snapshots.put(stamp('2'), 2022, Checkpoint.YEAR_END, scored(2));
    expect(snapshots.get(stamp('1'), 2022, Checkpoint.YEAR_END)?.scores).toMatchObject({ n: 1 });
    expect(snapshots.get(stamp('2'), 2022, Checkpoint.YEAR_END)?.scores).toMatchObject({ n: 2 });
    expect(snapshots.get(stamp('3'), 2022, Checkpoint.YEAR_END)).toBeUndefined();
    // another period of the same stamp is not these
    expect(snapshots.get(stamp('1'), 2022, Checkpoint.MID_YEAR)).toBeUndefined();
    // a drop of the plan frees every stamp
    snapshots.drop('plan:p1');
    expect(snapshots.get(stamp('1'), 2022, Checkpoint.YEAR_END)).toBeUndefined();
    expect(snapshots.get(stamp('2'), 2022, Checkpoint.YEAR_END)).toBeUndefined();
  });

  it('keeps the rows of the older stamp beside the newer, without building them again', async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 30 });
    snapshots.putKept('rows', stamp('1'), 2022, Checkpoint.YEAR_END, { n: 1 }, 1);
    snapshots.putKept('rows', stamp('2'), 2022, Checkpoint.YEAR_END, { n: 2 }, 1);
    const build = jest.fn(async () => ({ n: 0 }));
    expect(await snapshots.keep('rows', stamp('1'), 2022, Checkpoint.YEAR_END, build, () => 1)).toEqual({ n: 1 });
    expect(await snapshots.keep('rows', stamp('2'), 2022, Checkpoint.YEAR_END, build, () => 1)).toEqual({ n: 2 });
    expect(build).not.toHaveBeenCalled();
  });
});
