/**
 * A sheet sync scores only what it changed (issue 15; server/sync/rescore.ts): with the plan's scores kept from
 * before the batch, the indicators it wrote are scored again with the aggregates above them, and every other score
 * is the kept one. Its answers, and every read after it, equal those of a server that keeps nothing and scores the
 * whole plan, on copies of one database, for batches one after the other and for batches sent together.
 */
import { databaseNames } from '../helpers/databases';
import { counted } from '../helpers/cache-lookups';
import { expectSameReads, numericIndicators, partialSync, withKeptAndComputed } from '../helpers/seeded-copy';
import type { TestServer } from '../helpers/server';
import { edit, ok, type SheetRow, type SheetRowIn } from '../helpers/sync';
import { PLAN_SCORES } from '../../server/services/score-snapshots';

describe.each(databaseNames())('a sync rescores only what it changed (%s)', (dialect) => {
  const { kept, computed, plan } = withKeptAndComputed(dialect);
  let indicators: SheetRow[];
  beforeAll(() => {
    // rows with a numeric target: their actual moves their score
    indicators = numericIndicators(plan, 10);
  });

  const syncOn = (server: TestServer, rows: SheetRowIn[]) => partialSync(server, plan.planId, rows);

  /** tree and sheet rows with scores on both servers: equal */
  const sameReads = () => expectSameReads(kept, computed, plan.planId);

  it('batches one after the other: the same answers, each rescored from the kept scores', async () => {
    await sameReads(); // both read the plan: the kept side holds its scores
    const batches = [
      [edit(indicators[0], { actual: '7' })],
      [edit(indicators[1], { actual: '0' }), edit(indicators[2], { actual: '123' })],
      [edit(indicators[3], { actual: 'n.d.' })],
      // the first row again, from the version its first batch left
      [edit(indicators[0], { actual: '9' })],
    ];
    const versions = new Map<string, number>();
    for (const rows of batches) {
      const sent = rows.map((r) => ({ ...r, rowVersion: versions.get(r.rowId!) ?? r.rowVersion }));
      const mine = await counted(kept, PLAN_SCORES, () => syncOn(kept, sent));
      const reference = await syncOn(computed, sent);
      expect(ok(mine.value)).toEqual(ok(reference));
      // the kept scores of the plan before the batch were found, and nothing was computed to look up
      expect({ hit: mine.hit, miss: mine.miss }).toEqual({ hit: 1, miss: 0 });
      for (const [k, r] of ok(mine.value).syncRows.rows.entries()) versions.set(sent[k].rowId!, r.rowVersion);
    }
    await sameReads();
  });

  it('batches sent together: every read after them equals the reference', async () => {
    await sameReads();
    const rows = indicators.slice(4, 10).map((r, k) => edit(r, { actual: String(10 + 13 * k) }));
    const answers = await Promise.all(rows.map((row) => syncOn(kept, [row])));
    for (const a of answers) expect(ok(a).syncRows.applied).toBe(1);
    for (const row of rows) ok(await syncOn(computed, [row]));
    await sameReads();
  });
});
