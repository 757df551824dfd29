/**
 * ScoreSnapshots.shared (server/services/score-snapshots.ts): every reader of a plan's scores at one stamp, whatever it
 * builds, waits for the build another reader has in flight instead of reading the plan again. The tree's scores
 * (`read`) and the Relazione table (reportOf) of one request each found nothing kept and both read the plan (issue
 * 16: the statement count of statement-count.test.ts depended on which finished first). Each build here is held open
 * until the test lets it go, so the second reader provably asks while the first's build is in flight; the turns
 * (setImmediate) only let the readers reach their checks, and decide nothing by time.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import type { PlanCompute } from '../../server/compute/pool';
import type { Context } from '../../server/graphql/context';
import { reportOf } from '../../server/graphql/report-of';
import { emptyTreeRows, type PlanSnapshot } from '../../server/services/plan-snapshot';
import type { PlanStamp } from '../../server/services/plan-stamp';
import type { PlanScores } from '../../server/services/realization';
import { ScoreSnapshots, type ScoredPlan } from '../../server/services/score-snapshots';
import { SCORE_MAPS } from '../helpers/score-maps';

const rowsRead = jest.fn();
jest.mock('../../server/graphql/realization.resolver', () => ({
  periodSnapshot: async () => {
    rowsRead();
    return snapshot;
  },
}));

const stamp = (value: string): PlanStamp => ({ planId: 'p1', orgId: 'o1', value, changeCount: 0 });
const YEAR_END = Checkpoint.YEAR_END;
const turn = () => new Promise((resolve) => setImmediate(resolve));

const snapshot = {
  ...emptyTreeRows(),
  plan: { id: 'p1', label: 'Piano' },
  perspectives: [{ id: 'P1', name: 'Prospettiva', code: null }],
  entries: [],
} as unknown as PlanSnapshot;

const scores = {
  ...Object.fromEntries(SCORE_MAPS.map((level) => [level, new Map()])),
  plan: undefined,
  profile: { name: 'Standard', version: 1 },
} as unknown as PlanScores;

/** A build that stays in flight until `release`, counting how many were started. */
function held<T>(value: T) {
  const build = {
    started: 0,
    release: () => undefined as void,
    run: () => {
      build.started++;
      return new Promise<T>((resolve) => (build.release = () => resolve(value)));
    },
  };
  return build;
}

/** snapshots whose stamp is read without a database: the plan is at stamp 1 */
function snapshotsAtStamp(): ScoreSnapshots {
  const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 30 });
  jest.spyOn(snapshots, 'stamp').mockResolvedValue(stamp('1'));
  return snapshots;
}

const em = {} as never;

describe('ScoreSnapshots.shared', () => {
  beforeEach(() => rowsRead.mockClear());

  it('a read of the stamp while another read builds it waits for that build', async () => {
    const snapshots = snapshotsAtStamp();
    const first = held<ScoredPlan & { shareable: boolean }>({ scores, snapshot, shareable: true });
    const second = held<ScoredPlan & { shareable: boolean }>({ scores, snapshot, shareable: true });
    const a = snapshots.read(em, 'p1', 2022, YEAR_END, first.run);
    await turn();
    const b = snapshots.read(em, 'p1', 2022, YEAR_END, second.run);
    await turn();
    first.release();
    second.release();
    expect((await a).scores).toBe(scores);
    expect((await b).scores).toBe(scores);
    expect([first.started, second.started]).toEqual([1, 0]);
  });

  it("the sheet's scores (scoredOnce) and the tree's (read) of one stamp are built once, whichever asks first", async () => {
    const snapshots = snapshotsAtStamp();
    const byRead = held<ScoredPlan & { shareable: boolean }>({ scores, snapshot, shareable: true });
    const bySheet = held<ScoredPlan>({ scores, snapshot });
    const tree = snapshots.read(em, 'p1', 2022, YEAR_END, byRead.run);
    await turn();
    const sheet = snapshots.scoredOnce(stamp('1'), 2022, YEAR_END, bySheet.run);
    await turn();
    byRead.release();
    bySheet.release();
    expect(await sheet).toBe(await tree.then((t) => t.scores));
    expect([byRead.started, bySheet.started]).toEqual([1, 0]);

    const other = snapshotsAtStamp();
    const sheetFirst = held<ScoredPlan>({ scores, snapshot });
    const treeSecond = held<ScoredPlan & { shareable: boolean }>({ scores, snapshot, shareable: true });
    const sheet2 = other.scoredOnce(stamp('1'), 2022, YEAR_END, sheetFirst.run);
    await turn();
    const tree2 = other.read(em, 'p1', 2022, YEAR_END, treeSecond.run);
    await turn();
    sheetFirst.release();
    treeSecond.release();
    expect((await tree2).scores).toBe(await sheet2);
    expect([sheetFirst.started, treeSecond.started]).toEqual([1, 0]);
  });

  it('a failed build fails the readers that waited for it and is not kept: the next reader builds', async () => {
    const snapshots = snapshotsAtStamp();
    let fail!: (error: Error) => void;
    let builds = 0;
    const failing = () => {
      builds++;
      return new Promise<ScoredPlan>((_, reject) => (fail = reject));
    };
    const a = snapshots.scoredOnce(stamp('1'), 2022, YEAR_END, failing);
    await turn();
    const b = snapshots.scoredOnce(stamp('1'), 2022, YEAR_END, failing);
    await turn();
    fail(new Error('giù'));
    await expect(a).rejects.toThrow('giù');
    await expect(b).rejects.toThrow('giù');
    expect(await snapshots.scoredOnce(stamp('1'), 2022, YEAR_END, async () => ({ scores, snapshot }))).toBe(scores);
    expect(builds).toBe(1);
  });

  it('with the cache off every reader builds its own', async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 0 });
    const build = jest.fn(async () => ({ scores, snapshot, shareable: true }));
    await Promise.all([
      snapshots.read(em, 'p1', 2022, YEAR_END, build),
      snapshots.read(em, 'p1', 2022, YEAR_END, build),
    ]);
    expect(build).toHaveBeenCalledTimes(2);
  });
});

describe('reportOf shares the read of the plan with the scores of the same stamp', () => {
  beforeEach(() => rowsRead.mockClear());

  /** a request's context with a compute that holds each report until the test lets it go */
  function request(snapshots: ScoreSnapshots) {
    const report = held({ report: { title: 'Piano', rows: [], total: null }, profile: 'Standard@1', scores });
    const compute = { run: jest.fn(() => report.run()) } as unknown as PlanCompute & { run: jest.Mock };
    const ctx = { em, fastPaths: true, snapshots, compute } as unknown as Context;
    return { ctx, compute, report };
  }

  it("lays out the table from the tree's scores being built, without reading or scoring the plan again", async () => {
    const snapshots = snapshotsAtStamp();
    const { ctx, compute, report: ownTable } = request(snapshots);
    const tree = held<ScoredPlan & { shareable: boolean }>({ scores, snapshot, shareable: true });
    const scored = snapshots.read(em, 'p1', 2022, YEAR_END, tree.run);
    await turn();
    const table = reportOf(ctx, 'p1', 2022, YEAR_END, null);
    await turn();
    tree.release();
    // a report that did not wait computes its own: let it go, for the assertions below to say so
    await turn();
    ownTable.release();
    await scored;
    const { report, profile } = await table;
    expect(report.rows.map((row) => row.id)).toEqual(['P1']);
    expect(profile).toBe('Standard@1');
    expect(compute.run).not.toHaveBeenCalled();
    expect(rowsRead).not.toHaveBeenCalled();
  });

  it("gives the tree the scores of the table being built, and keeps them with the table's rows", async () => {
    const snapshots = snapshotsAtStamp();
    const { ctx, compute, report } = request(snapshots);
    const table = reportOf(ctx, 'p1', 2022, YEAR_END, null);
    await turn();
    const tree = held<ScoredPlan & { shareable: boolean }>({ scores, snapshot, shareable: true });
    const scored = snapshots.read(em, 'p1', 2022, YEAR_END, tree.run);
    await turn();
    report.release();
    tree.release();
    expect((await scored).scores).toBe(scores);
    expect((await table).profile).toBe('Standard@1');
    expect(tree.started).toBe(0);
    expect(compute.run).toHaveBeenCalledTimes(1);
    expect(rowsRead).toHaveBeenCalledTimes(1);
    expect(snapshots.peek('p1', 2022, YEAR_END, '1')).toEqual({ scores, snapshot, stamp: '1', orgId: 'o1' });
  });
});
