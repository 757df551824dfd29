/**
 * Syncs of one plan on two instances (server processes on one PostgreSQL, meeting through Redis), each instance
 * taking the syncs waiting on it into one turn (server/sync/plan-queue.ts): panes on both instances write their own
 * rows and two rows they all contest, round after round, at once. No write is lost: a row's every UPDATED answer
 * gives a version of its own (two batches never both write over one version), and the value stored is the one of
 * the answer with the highest version. With the plan lock (plan-lock.ts) taken out it stayed green in one run (b4pg
 * session): what it guards is the grouping across instances, not the lock itself.
 */
import { indicatorRows } from '../../bench/load-addin';
import { type Instances, startInstances } from '../../bench/instances';
import { SYNC_ROWS } from '../helpers/sync';
import { describeInstances } from '../helpers/instances';

const PANES = 8;
const ROUNDS = 4;
const OWN = 2;

describeInstances('tests of syncs taken together on two instances')('syncs of one plan on two instances', () => {
  let inst: Instances;
  beforeAll(async () => {
    inst = await startInstances('postgresql', 2, { perspectives: 1, strategic: 2, operational: 2, indicators: 5 });
  });
  afterAll(async () => {
    await inst?.close();
  });

  const post = async (url: string, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${inst.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: any; errors?: unknown };
    expect(json.errors).toBeUndefined();
    return json.data;
  };
  const read = async (url: string) =>
    (
      await post(
        url,
        `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion actual { raw } } } }`,
        { p: inst.planId },
      )
    ).sheetRows.rows as Array<{ rowId: string; rowVersion: number; actual: { raw: string } | null }>;

  it('loses no write: one UPDATED per row version, and the last one is stored', async () => {
    const rows = await indicatorRows(inst.urls[0], inst.token, inst.planId);
    const contested = rows.slice(0, 2);
    /** every UPDATED answer: row → version it gave → value sent */
    const updated = new Map<string, Map<number, string[]>>();
    let conflicts = 0;
    const pane = async (p: number) => {
      const url = inst.urls[p % 2];
      const mine = [...contested, ...rows.slice(2 + p * OWN, 2 + (p + 1) * OWN)];
      let versions = new Map((await read(url)).map((r) => [r.rowId, r.rowVersion]));
      for (let round = 0; round < ROUNDS; round++) {
        const sent = mine.map((rowId) => ({
          rowId,
          rowVersion: versions.get(rowId),
          actual: String(1000 + p * 10 + round),
        }));
        const input = { planId: inst.planId, year: 2022, checkpoint: 'YEAR_END', mode: 'PARTIAL', rows: sent };
        const answer = (await post(url, SYNC_ROWS, { input })).syncRows;
        for (const row of answer.rows as Array<{ rowId: string; status: string; rowVersion: number }>) {
          if (row.status === 'CONFLICT') conflicts++;
          if (row.status !== 'UPDATED') continue;
          const byVersion = updated.get(row.rowId) ?? new Map<number, string[]>();
          byVersion.set(row.rowVersion, [
            ...(byVersion.get(row.rowVersion) ?? []),
            sent.find((s) => s.rowId === row.rowId)!.actual,
          ]);
          updated.set(row.rowId, byVersion);
        }
        versions = new Map((await read(url)).map((r) => [r.rowId, r.rowVersion]));
      }
    };
    await Promise.all(Array.from({ length: PANES }, (_, p) => pane(p)));
    const stored = new Map((await read(inst.urls[0])).map((r) => [r.rowId, r.actual?.raw ?? null]));
    const twice: string[] = [];
    const lost: string[] = [];
    for (const [rowId, byVersion] of updated) {
      for (const [version, values] of byVersion) if (values.length > 1) twice.push(`${rowId} v${version}: ${values}`);
      const last = Math.max(...byVersion.keys());
      if (stored.get(rowId) !== byVersion.get(last)![0]) lost.push(`${rowId}: ${stored.get(rowId)} stored`);
    }
    expect({ twice, lost }).toEqual({ twice: [], lost: [] });
    // every pane's own rows landed every round, and the contested rows were contested
    for (const rowId of rows.slice(2, 2 + PANES * OWN)) expect(updated.get(rowId)?.size).toBe(ROUNDS);
    expect(conflicts).toBeGreaterThan(0);
  });
});
