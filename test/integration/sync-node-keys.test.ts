/**
 * A sync finds the plan's nodes by code and name (a cruscotto row's key, a code used twice in a level) in an index
 * kept on the plan state (PlanState.nodeKeys, server/sync/node-keys.ts): built once per plan read, and handed on by
 * the states a sync patches while their nodes keep their codes and titles, not built again over every node per sync.
 * Its answers equal those of a server that keeps nothing, for values, a code changed and a code taken.
 */
import { buildNodeKeys } from '../../server/sync/node-keys';
import { expectSameReads, numericIndicators, partialSync, withKeptAndComputed } from '../helpers/seeded-copy';
import { edit, ok, RowVersions, type SheetRow, type SheetRowIn, withoutTimes } from '../helpers/sync';
import { databaseNames } from '../helpers/databases';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { syncTogether, type SyncMember } from '../../server/sync/sync-rows';

jest.mock('../../server/sync/node-keys', () => {
  const actual = jest.requireActual<typeof import('../../server/sync/node-keys')>('../../server/sync/node-keys');
  return { ...actual, buildNodeKeys: jest.fn(actual.buildNodeKeys) };
});

describe.each(databaseNames())('a sync keeps the plan state’s index of codes (%s)', (dialect) => {
  const { kept, computed, plan } = withKeptAndComputed(dialect);
  let indicators: SheetRow[];
  const versions = new RowVersions();
  /** the plan indexed whole: a pass over every node */
  const indexed = buildNodeKeys as jest.MockedFunction<typeof buildNodeKeys>;
  beforeAll(() => {
    indicators = numericIndicators(plan, 6);
  });
  /** the same batch on both servers: the same answer; with the plan indexes the kept side built for it */
  async function both(rows: SheetRowIn[]) {
    indexed.mockClear();
    const mine = await partialSync(kept, plan.planId, rows);
    const builds = indexed.mock.calls.length;
    expect(withoutTimes(ok(mine))).toEqual(withoutTimes(ok(await partialSync(computed, plan.planId, rows))));
    versions.note(ok(mine));
    const answer = ok(mine).syncRows as { applied: number; rows: Array<{ status: string }> };
    return { ...answer, builds };
  }

  it('batches of values one after the other: the plan is indexed once, not per sync', async () => {
    await expectSameReads(kept, computed, plan.planId);
    const batches = [[indicators[0]], [indicators[1], indicators[2]], [indicators[3]], [indicators[0]]];
    const builds: number[] = [];
    for (const [n, rows] of batches.entries()) {
      const answer = await both(rows.map((r, k) => versions.actual(r, String(30 + 7 * n + k))));
      expect(answer.applied).toBe(rows.length);
      builds.push(answer.builds);
    }
    // the first sync indexes the state the sheet's read kept; the others find it on the state the one before left
    expect(builds).toEqual([1, 0, 0, 0]);
    await expectSameReads(kept, computed, plan.planId);
  });

  it('a code changed, then taken by another row, then taken twice: the same answers', async () => {
    const [a, b] = [indicators[4], indicators[5]];
    const row = (r: SheetRow, code: string) =>
      edit({ rowId: r.rowId, rowVersion: versions.get(r.rowId!) ?? r.rowVersion }, { code });
    expect((await both([row(a, 'NK-1')])).applied).toBe(1);
    // a's old code is free again, its new one is not
    expect((await both([row(b, a.code!)])).applied).toBe(1);
    const taken = await both([row(b, 'NK-1')]);
    expect(taken.rows[0].status).toBe('REJECTED');
    // two rows of one batch asking the same new code: the second is refused
    const twice = await both([row(a, 'NK-2'), row(b, 'NK-2')]);
    expect(twice.rows.map((r) => r.status)).toEqual(['UPDATED', 'REJECTED']);
    await expectSameReads(kept, computed, plan.planId);
  });

  it('a code changed and asked by another row in batches of one turn: the second refused', async () => {
    const [a, b] = [indicators[4], indicators[5]];
    const row = (r: SheetRow, code: string) =>
      edit({ rowId: r.rowId, rowVersion: versions.get(r.rowId!) ?? r.rowVersion }, { code });
    const member = (rows: SheetRowIn[]): SyncMember => ({
      ctx: {
        em: kept.orm.em.fork(),
        actor: 'pane nk',
        source: ChangeSource.ADDIN,
        sourceDetail: null,
        fastPaths: true,
        snapshots: kept.app.snapshots,
      },
      input: { planId: plan.planId, year: 2022, checkpoint: Checkpoint.YEAR_END, mode: 'partial', rows },
    });
    // the second batch is decided from the state the first left: a's row renamed in place, not read again
    const settled = await syncTogether([member([row(a, 'NK-3')]), member([row(b, 'NK-3')])]);
    const rows = settled.map((s) => ('value' in s ? s.value.rows[0] : s));
    expect(rows.map((r) => ('status' in r ? r.status : r))).toEqual(['updated', 'rejected']);
    expect((rows[1] as { errors: Array<{ code: string }> }).errors.map((e) => e.code)).toEqual(['DUPLICATE_CODE']);
  });
});
