/**
 * A sheet sync scores only what it changed (issue 15; server/sync/rescore.ts): with the plan's scores kept from
 * before the batch, the indicators it wrote are scored again with the aggregates above them, and every other score
 * is the kept one. Its answers, and every read after it, equal those of a server that keeps nothing and scores the
 * whole plan, on copies of one database, for batches one after the other and for batches sent together; a batch of
 * new rows scores them and what is above them, the rest kept.
 */
import { databaseNames } from '../helpers/databases';
import { counted } from '../helpers/cache-lookups';
import { expectSameReads, numericIndicators, partialSync, withKeptAndComputed } from '../helpers/seeded-copy';
import type { TestServer } from '../helpers/server';
import { Checkpoint } from '@core/vocabulary/enums';
import { edit, newAction, ok, type SheetRow, type SheetRowIn } from '../helpers/sync';
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

  it('a batch of new rows: the same answers, and the rows it left alone keep their kept scores', async () => {
    await sameReads();
    /** the plan's scores the kept side holds under its current stamp */
    const keptScores = async () => {
      const stamp = await kept.app.snapshots.stamp(kept.orm.em.fork(), plan.planId);
      return kept.app.snapshots.get(stamp, 2022, Checkpoint.YEAR_END)?.scores;
    };
    const before = await keptScores();
    expect(before).toBeDefined();
    const operational = plan.rows.find((r) => r.level === 'OPERATIONAL')!;
    // an objective without indicators of its own: a new row's position is its place in the batch, and one equal to a
    // sibling's (1, 2…) would be ordered by ids, which each server draws for itself
    const strategic = plan.rows.find(
      (r) => r.level === 'STRATEGIC' && !plan.rows.some((i) => i.level === 'INDICATOR' && i.parentId === r.rowId),
    )!;
    const rows = [
      { ...newAction('N1', operational.rowId!, `${operational.code}.91`, '20'), actual: '15' },
      { ...newAction('N2', strategic.rowId!, `${strategic.code}.92`, '10'), responsibleUnit: 'U.O. "Nuova"' },
    ];
    // each server gives the new rows ids of its own: named by their clientRef, wherever they appear, before comparing
    const named = (answer: { syncRows: { rows: Array<{ rowId: string; clientRef: string | null }> } }) => {
      let text = JSON.stringify(answer.syncRows.rows);
      for (const r of answer.syncRows.rows) if (r.clientRef) text = text.split(r.rowId).join(`new:${r.clientRef}`);
      return JSON.parse(text) as unknown;
    };
    const mine = ok(await syncOn(kept, rows as ReturnType<typeof edit>[]));
    const reference = ok(await syncOn(computed, rows as ReturnType<typeof edit>[]));
    expect(mine.syncRows.applied).toBe(2);
    expect(named(mine)).toEqual(named(reference));
    expect(mine.syncRows.affected).toEqual(reference.syncRows.affected);
    // rescored from the kept scores: an indicator elsewhere in the plan keeps the very result kept before the batch
    const after = (await keptScores())!;
    const elsewhere = indicators.find((r) => r.parentId !== operational.rowId && r.parentId !== strategic.rowId)!;
    expect(after.indicators.get(elsewhere.rowId!)).toBe(before!.indicators.get(elsewhere.rowId!));
    expect(after.indicators.size).toBe(before!.indicators.size + 2);
  });
});
