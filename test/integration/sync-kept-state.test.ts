/**
 * A sheet sync decides from the plan state kept under the plan's stamp, read before it takes its turn on the plan,
 * and leaves the state it committed kept for the next one (server/sync/kept-state.ts): the whole plan is not read
 * while it holds the writer's turn. Its answers, and every read after it, equal those of a server that keeps nothing,
 * on copies of one database, for batches one after the other and sent together; a writer that commits between the
 * state's read and the sync's turn makes the sync read the plan again.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { databaseNames } from '../helpers/databases';
import { counted } from '../helpers/cache-lookups';
import { expectSameReads, numericIndicators, partialSync, withKeptAndComputed } from '../helpers/seeded-copy';
import type { TestServer } from '../helpers/server';
import { edit, ok, RowVersions, SHEET_ROWS, type SheetRow, type SheetRowIn, withoutTimes } from '../helpers/sync';
import { SCORE_TREE } from '../helpers/score-tree';
import { syncDirect } from '../helpers/two-instances';
import { SHEET_STATES } from '../../server/sync/plan-state';

describe.each(databaseNames())('a sync decides from the kept plan state (%s)', (dialect) => {
  /** kept keeps plan states and scores (the default); computed (SCORE_CACHE_MB=0) reads the whole plan, the reference */
  const { kept, computed, plan } = withKeptAndComputed(dialect);
  let indicators: SheetRow[];
  /** the row versions the last answers gave, as the add-in keeps them */
  const versions = new RowVersions();
  beforeAll(() => {
    indicators = numericIndicators(plan, 12);
  });

  const syncOn = (server: TestServer, rows: SheetRowIn[]) => partialSync(server, plan.planId, rows);

  /** tree and sheet rows with scores on both servers: equal */
  const sameReads = () => expectSameReads(kept, computed, plan.planId);

  it('batches one after the other: the same answers, each from the state the one before it left', async () => {
    await sameReads(); // the kept side holds the sheet's state of the current stamp
    const batches = [
      [indicators[0]],
      [indicators[1], indicators[2]],
      [indicators[3]],
      [indicators[0]], // the first row again, from the version its first batch left
    ];
    for (const [n, rows] of batches.entries()) {
      const edits = rows.map((r, k) => versions.actual(r, String(20 + 7 * n + k)));
      const mine = await counted(kept, SHEET_STATES, () => syncOn(kept, edits));
      const reference = await syncOn(computed, edits);
      expect(ok(mine.value)).toEqual(ok(reference));
      // the state was found kept (the first from sheetRows, the others from the sync before): no plan read
      expect({ hit: mine.hit, miss: mine.miss }).toEqual({ hit: 1, miss: 0 });
      versions.note(ok(mine.value));
    }
    await sameReads();
  });

  it('batches sent together: the same answers, and every read after them equals the reference', async () => {
    await sameReads();
    const edits = indicators.slice(4, 10).map((r, k) => versions.actual(r, String(40 + 11 * k)));
    const answers = await Promise.all(edits.map((row) => syncOn(kept, [row])));
    for (const a of answers) expect(ok(a).syncRows.applied).toBe(1);
    for (const row of edits) expect(ok(await syncOn(computed, [row])).syncRows.applied).toBe(1);
    for (const a of answers) versions.note(ok(a));
    await sameReads();
  });

  it('a writer committing between the state read and the turn: the sync reads the plan again', async () => {
    await sameReads();
    const [x, y] = [indicators[10], indicators[11]];
    const batch = (actual: string) => ({
      planId: plan.planId,
      year: 2022,
      checkpoint: Checkpoint.YEAR_END,
      mode: 'partial' as const,
      rows: [versions.actual(x, actual), versions.actual(y, actual)],
    });
    const direct = (server: TestServer, actual: string, beforeTurn?: () => Promise<void>) =>
      syncDirect(server, batch(actual), beforeTurn);
    // the other writer changes y only, after this sync read the state with y's old version
    const other = [versions.actual(y, '77')];
    let came = false;
    const mine = await direct(kept, '55', async () => {
      came = true;
      expect(ok(await syncOn(kept, other)).syncRows.applied).toBe(1);
    });
    expect(came).toBe(true);
    ok(await syncOn(computed, other));
    const reference = await direct(computed, '55');
    // y is a conflict (its version moved), x is written: as a sync that read the plan in its turn decides
    expect(mine.rows.map((r) => r.status)).toEqual(['updated', 'conflict']);
    expect(withoutTimes(mine)).toEqual(withoutTimes(reference));
    await sameReads();
  });

  it('new rows: the state they leave is kept as inserted, not read again, and every answer and read after it equal', async () => {
    await sameReads();
    const perspective = plan.rows.find((r) => r.level === 'PERSPECTIVE')!;
    const operational = plan.rows.find((r) => r.level === 'OPERATIONAL')!;
    const indicator = (ref: string, code: string, parentRef: string, more = {}) => ({
      clientRef: ref,
      level: 'azione',
      code,
      title: `Azione nuova ${code}`,
      parentRef,
      weight: '10%',
      target: '20',
      thresholds: [{ score: 0.8, value: '18' }],
      futureTargets: [{ year: 2023, value: '22' }],
      actual: '17',
      ...more,
    });
    // a row under an existing operational objective, and a new branch (a new unit among the responsible ones); a new
    // row's position is its place in the batch: none equals a sibling's (1, 2…), or ids would order them
    const first = [
      indicator('B', `${operational.code}.90`, operational.rowId!),
      indicator('A', '20.1.1', 'O', { responsibleUnit: 'U.O. "Unità nuova del lotto"' }),
      ...Array.from({ length: 10 }, (_, k) => indicator(`P${k}`, `20.1.${k + 10}`, 'O')),
      { clientRef: 'S', level: 'obiettivo strategico', code: '20', title: 'Nuovo OS', parentRef: perspective.rowId },
      { clientRef: 'O', level: 'obiettivo operativo', code: '20.1', title: 'Nuovo OO', parentRef: 'S', weight: '100%' },
    ];
    // each server gives new rows ids of its own: both named by their clientRef before comparing
    const named = new Map<TestServer, Map<string, string>>([
      [kept, new Map()],
      [computed, new Map()],
    ]);
    const renamed = (server: TestServer, value: unknown) => {
      let text = JSON.stringify(value);
      for (const [id, ref] of named.get(server)!) text = text.split(id).join(`new:${ref}`);
      return withoutTimes(JSON.parse(text));
    };
    /** the batch on both servers (rows of each server's ids): equal answers, and the kept side's state lookups */
    const syncBoth = async (rowsOn: (server: TestServer) => object[], hits: { hit: number; miss: number }) => {
      const send = (server: TestServer) => syncOn(server, rowsOn(server) as ReturnType<typeof edit>[]);
      const mine = await counted(kept, SHEET_STATES, () => send(kept));
      const answers = [
        [kept, ok(mine.value)],
        [computed, ok(await send(computed))],
      ] as const;
      for (const [server, answer] of answers) {
        for (const r of answer.syncRows.rows) if (r.clientRef) named.get(server)!.set(r.rowId, r.clientRef);
      }
      expect(renamed(kept, answers[0][1])).toEqual(renamed(computed, answers[1][1]));
      expect({ hit: mine.hit, miss: mine.miss }).toEqual(hits);
      return answers[0][1].syncRows;
    };
    const answer = await syncBoth(() => first, { hit: 1, miss: 0 });
    expect(new Set(answer.rows.map((r: { status: string }) => r.status))).toEqual(new Set(['CREATED']));
    // the next batch decides from the state the new rows left (kept, no plan read): a new row under the new
    // objective, and a new row's actual changed from the version its answer gave
    const a = answer.rows.find((r: { clientRef: string }) => r.clientRef === 'A');
    const aOn = (server: TestServer) => [...named.get(server)!].find(([, ref]) => ref === 'A')![0];
    const oOn = (server: TestServer) => [...named.get(server)!].find(([, ref]) => ref === 'O')![0];
    const second = (server: TestServer) => [
      indicator('C', '20.1.2', oOn(server)),
      { rowId: aOn(server), rowVersion: a.rowVersion, actual: '19' },
    ];
    const next = await syncBoth(second, { hit: 1, miss: 0 });
    expect(next.rows.map((r: { status: string }) => r.status)).toEqual(['CREATED', 'UPDATED']);
    // tree and sheet rows, read from what the batches left kept, equal the reference's read from its database
    const vars = { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null };
    const readBoth = await counted(kept, SHEET_STATES, () => kept.gql(SHEET_ROWS, vars));
    expect({ hit: readBoth.hit, miss: readBoth.miss }).toEqual({ hit: 1, miss: 0 });
    expect(renamed(kept, ok(readBoth.value))).toEqual(renamed(computed, ok(await computed.gql(SHEET_ROWS, vars))));
    expect(renamed(kept, ok(await kept.gql(SCORE_TREE, { id: plan.planId })))).toEqual(
      renamed(computed, ok(await computed.gql(SCORE_TREE, { id: plan.planId }))),
    );
  });
});
