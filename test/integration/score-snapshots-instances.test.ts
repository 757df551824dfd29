/**
 * Scored plans kept by several instances over one PostgreSQL (issue 15, item 3; server/services/score-snapshots.ts):
 * a write on instance A drops the entries B keeps, through Redis, and B's next read shows the new score. Instance C
 * is on the same database without Redis, so it never hears of the write: its next read is fresh all the same,
 * because a kept entry is served only while the plan's change stamp is unchanged (a missed message cannot serve
 * stale scores).
 */
import { describeInstances, withInstances } from '../helpers/instances';
import { until } from '../helpers/live';
import { SCORE_TREE } from '../helpers/score-tree';
import type { TestServer } from '../helpers/server';
import { ok } from '../helpers/sync';

const describeIfReady = describeInstances('two-instance cache tests');

/** the whole scored tree: what a reader of either instance sees */
const TREE = SCORE_TREE;

function indicatorIn(tree: any, code: string): { score: number | null; text: string } {
  for (const p of tree.planVersion.perspectives)
    for (const s of p.strategicObjectives)
      for (const o of s.operationalObjectives) for (const i of o.indicators) if (i.code === code) return i.realization;
  throw new Error(`no indicator ${code}`);
}

/** The plan-scores misses this process counted so far (one registry per process). */
async function misses(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('cruscotto_cache_lookups_total{cache="plan-scores",result="miss"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

describeIfReady('scored plans across instances (PostgreSQL + Redis)', () => {
  const { a, b, c, plan } = withInstances('score-snapshots', { c: true });

  it('a write on A makes the next read on B and on C fresh, told or not', async () => {
    expect(b.app.coordination).not.toBeNull();
    expect(c.app.coordination).toBeNull();
    const before = ok(await b.gql(TREE, { id: plan.planId }));
    expect(ok(await c.gql(TREE, { id: plan.planId }))).toEqual(before);
    expect(b.app.snapshots.size).toBe(1);
    expect(c.app.snapshots.size).toBe(1);

    const indicator = plan.indicator('2.1.1');
    const synced = ok(
      await a.gql(
        `mutation($input: SyncBatchInput!) { syncRows(input: $input) { rows { status realization { score text } } } }`,
        {
          input: {
            planId: plan.planId,
            year: 2022,
            rows: [{ rowId: indicator.rowId, rowVersion: indicator.rowVersion, actual: '1' }],
          },
        },
      ),
    ).syncRows;
    expect(synced.rows[0].status).toBe('UPDATED');
    expect(synced.rows[0].realization).not.toEqual(indicatorIn(before, '2.1.1'));

    // B hears the drop through Redis; C, without Redis, keeps its entry
    await until(() => b.app.snapshots.size === 0);
    expect(c.app.snapshots.size).toBe(1);

    const onB = ok(await b.gql(TREE, { id: plan.planId }));
    expect(indicatorIn(onB, '2.1.1')).toMatchObject(synced.rows[0].realization);
    const missesBefore = await misses(c);
    const onC = ok(await c.gql(TREE, { id: plan.planId }));
    // C's kept entry was not served: its stamp is not the plan's any more
    expect((await misses(c)) - missesBefore).toBe(1);
    expect(onC).toEqual(onB);
    expect(ok(await a.gql(TREE, { id: plan.planId }))).toEqual(onB);
  });
});
