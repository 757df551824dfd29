/**
 * Plan-tree answers kept per caller and plan stamp (server/graphql/kept-answers.ts; issue 15, item 3, bench B2/B6):
 * an unchanged plan read again runs no resolver and reads none of its rows; a write between two reads, on this
 * instance or another one on the same database, is always seen; a caller of another organisation never gets a
 * kept answer; what reaches outside the plan is never kept. Compared with a server that keeps nothing, on copies
 * of one database. And the sheet's plan state behind sheetRows, kept the same way (ScoreSnapshots.keep).
 */
import { databaseNames } from '../helpers/databases';
import { withKeptAndComputed } from '../helpers/seeded-copy';
import type { TestServer } from '../helpers/server';
import { ok, SHEET_ROWS } from '../helpers/sync';
import { buildTenant } from '../helpers/tenant';
import { SCORED_PLAN_TREE } from '../helpers/tree-queries';
import { counted as countedIn } from '../helpers/cache-lookups';
import { PLAN_ANSWERS } from '../../server/graphql/kept-answers';
import { SHEET_STATES } from '../../server/sync/plan-state';

/** `read` with the plan-answers lookups it made */
const counted = <T>(server: TestServer, read: () => Promise<T>) => countedIn(server, PLAN_ANSWERS, read);

function scoreOf(tree: any, code: string): number | null {
  for (const p of tree.planVersion.perspectives)
    for (const s of p.strategicObjectives)
      for (const o of s.operationalObjectives)
        for (const i of o.indicators) if (i.code === code) return i.realization.score;
  throw new Error(`no indicator ${code}`);
}

describe.each(databaseNames())('plan-tree answers kept until the plan changes (%s)', (dialect) => {
  const { kept, computed, other, plan } = withKeptAndComputed(dialect, { other: true });

  const tree = (server: TestServer) => server.gql(SCORED_PLAN_TREE, { id: plan.planId });

  /** an actual of 2022 for one indicator, sent by `server` (and the same on the reference) */
  async function syncActual(server: TestServer, code: string, actual: string): Promise<void> {
    for (const target of [server, computed]) {
      const { rows } = ok(
        await target.gql(SHEET_ROWS, { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null }),
      ).sheetRows;
      const row = rows.find((r: { code: string | null; level: string }) => r.level === 'INDICATOR' && r.code === code);
      const { syncRows } = ok(
        await target.gql(`mutation($input: SyncBatchInput!) { syncRows(input: $input) { rows { status } } }`, {
          input: { planId: plan.planId, year: 2022, rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, actual }] },
        }),
      );
      expect(syncRows.rows[0].status).toBe('UPDATED');
    }
  }

  it('an unchanged plan read again is the kept answer: the same data, a hit, none of its rows read', async () => {
    expect(kept.app.answers.enabled).toBe(true);
    expect(computed.app.answers.enabled).toBe(false);
    const first = await counted(kept, () => tree(kept));
    expect(first).toMatchObject({ hit: 0, miss: 1 });
    expect(ok(first.value)).toEqual(ok(await tree(computed)));

    kept.statements.length = 0;
    const second = await counted(kept, () => tree(kept));
    expect(second).toMatchObject({ hit: 1, miss: 0 });
    expect(second.value).toEqual(first.value);
    // the token, the price (one count) and the stamp: no row of the tree, no target, no actual
    expect(kept.statements.filter((s) => /perspective|objective|measurement|target/i.test(s))).toEqual([]);
    expect(kept.statements.length).toBeLessThanOrEqual(6);
  });

  it('a write between two reads is always seen, from this instance or another one that tells it nothing', async () => {
    const before = ok(await tree(kept));
    await syncActual(kept, '2.1.1', '1');
    const afterOwn = await counted(kept, () => tree(kept));
    expect(afterOwn.hit).toBe(0);
    expect(ok(afterOwn.value)).toEqual(ok(await tree(computed)));
    expect(scoreOf(ok(afterOwn.value), '2.1.1')).not.toBe(scoreOf(before, '2.1.1'));

    // the other instance writes; no Redis between them: the stamp alone says the kept answer is stale
    await counted(kept, () => tree(kept));
    await syncActual(other, '2.1.1', '1000');
    const afterOther = await counted(kept, () => tree(kept));
    expect(afterOther).toMatchObject({ hit: 0, miss: 1 });
    expect(ok(afterOther.value)).toEqual(ok(await tree(computed)));
    expect(scoreOf(ok(afterOther.value), '2.1.1')).not.toBe(scoreOf(ok(afterOwn.value), '2.1.1'));
  });

  it('another organisation never gets a kept answer; another user of the plan gets one of their own', async () => {
    const answer = ok(await tree(kept));
    const tenant = await buildTenant(kept.gql, 'KEPTB');
    const outsider = await kept.as('admin', tenant.org);
    const theirs = await counted(kept, () => outsider.gql(SCORED_PLAN_TREE, { id: plan.planId }));
    expect(theirs.hit).toBe(0);
    expect(theirs.value.data?.planVersion ?? null).toBeNull();
    expect(JSON.stringify(theirs.value)).not.toContain(answer.planVersion.label);

    const viewer = await kept.as('viewer', plan.orgId);
    const first = await counted(kept, () => viewer.gql(SCORED_PLAN_TREE, { id: plan.planId }));
    expect(first).toMatchObject({ hit: 0, miss: 1 });
    expect(ok(first.value)).toEqual(answer);
    expect(await counted(kept, () => viewer.gql(SCORED_PLAN_TREE, { id: plan.planId }))).toMatchObject({
      hit: 1,
      miss: 0,
    });
  });

  it('sheetRows of an unchanged plan reads none of its rows again; a write between two delta reads is in the second', async () => {
    const rows = (server: TestServer, since: string | null) =>
      server.gql(SHEET_ROWS, { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', since });
    const states = (read: () => Promise<any>) => countedIn(kept, SHEET_STATES, read);
    const first = ok(await rows(kept, null)).sheetRows;
    kept.statements.length = 0;
    const again = await states(() => rows(kept, null));
    expect(again).toMatchObject({ hit: 1, miss: 0 });
    expect(ok(again.value).sheetRows.rows).toEqual(first.rows);
    expect(kept.statements.filter((s) => /perspective|objective|measurement|target/i.test(s))).toEqual([]);

    // a delta with nothing changed, then a write on the other instance: the next delta has the row as it now is
    const quiet = await states(() => rows(kept, first.serverTime));
    expect(quiet.hit).toBe(1);
    expect(ok(quiet.value).sheetRows.rows).toEqual([]);
    await syncActual(other, '2.1.2', '7');
    const delta = await states(() => rows(kept, first.serverTime));
    expect(delta).toMatchObject({ hit: 0, miss: 1 });
    const changed = ok(delta.value).sheetRows.rows;
    expect(changed.map((r: { code: string }) => r.code)).toEqual(['2.1.2']);
    const reference = ok(await rows(computed, null)).sheetRows.rows.find((r: { code: string }) => r.code === '2.1.2');
    expect(changed[0].actual).toEqual(reference.actual);
    expect(changed[0].rowVersion).toBe(reference.rowVersion);
  });

  it.each([
    ['the cycle', 'cycle { id }'],
    ['another plan', 'previousVersion { id }'],
    ['the organisation', 'organisation { name }'],
    ['a person and their assignments', 'approvedBy { fullName }'],
    [
      'a unit in a plan of its own',
      'perspectives { strategicObjectives { operationalObjectives { responsibleUnits { realization(planId: $id, year: 2022) { score } } } } }',
    ],
  ])('an answer that reaches %s is not kept', async (_what, selection) => {
    const query = `query Outside($id: ID!) { planVersion(id: $id) { id ${selection} } }`;
    ok(await kept.gql(query, { id: plan.planId }));
    const again = await counted(kept, () => kept.gql(query, { id: plan.planId }));
    expect(again).toMatchObject({ hit: 0, miss: 0 });
    ok(again.value);
  });
});
