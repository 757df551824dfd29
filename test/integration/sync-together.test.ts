/**
 * Batches of one plan taken into one turn (server/sync/sync-rows.ts, syncTogether; plan-queue.ts gathers those
 * waiting): one transaction, one lock, one commit, and for every caller the answer, the stored values and the audit
 * events it would have had in a turn of its own. Two servers on copies of one database: the same batches sent
 * together to one, one after the other to the other, then answers, rows and audit trails compared.
 */
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { AuditEvent } from '../../server/entities';
import { PlanCommit } from '../../server/entities/plan-commit';
import { syncRows, syncTogether, type SyncMember } from '../../server/sync/sync-rows';
import { databaseFor, databaseNames } from '../helpers/databases';
import { seededWithCopy } from '../helpers/seeded-copy';
import { startServer, type TestServer } from '../helpers/server';
import { edit, readRows, type SheetRow, type SheetRowIn, sondrioPlan, withoutTimes } from '../helpers/sync';
import { answerJson } from '../../server/sync/answer-bytes';

describe.each(databaseNames())('batches of one plan synced in one turn (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  /** takes the batches together */
  let together: TestServer;
  /** the reference: the same batches, one turn each */
  let inTurn: TestServer;
  let planId: string;
  let indicators: SheetRow[];

  beforeAll(async () => {
    const { source, copy } = await seededWithCopy(databases);
    together = await startServer(dialect, { databaseUrl: source });
    inTurn = await startServer(dialect, { databaseUrl: copy });
    const plan = await sondrioPlan(together);
    planId = plan.planId;
    indicators = plan.rows.filter((r) => r.level === 'INDICATOR' && r.target?.kind === 'NUMBER');
    expect(indicators.length).toBeGreaterThanOrEqual(8);
  });
  afterAll(async () => {
    await together?.close();
    await inTurn?.close();
    await databases.dropAll();
  });

  type Batch = { actor: string; rows: SheetRowIn[]; atomic?: boolean; batchKey?: string; year?: number; crash?: true };
  const member = (server: TestServer, batch: Batch): SyncMember => ({
    ctx: {
      em: server.orm.em.fork(),
      actor: batch.actor,
      source: ChangeSource.ADDIN,
      sourceDetail: null,
      fastPaths: true,
      snapshots: server.app.snapshots,
    },
    input: {
      planId,
      year: batch.year ?? 2022,
      checkpoint: Checkpoint.YEAR_END,
      mode: batch.atomic ? 'atomic' : 'partial',
      batchKey: batch.batchKey,
      rows: batch.rows,
    },
    // written, then failed before the commit: its own rows must go, the others' stay
    hooks: batch.crash
      ? {
          afterWrite: () => {
            throw new Error('crash after the write');
          },
        }
      : {},
  });
  const answerOf = (settled: { value: unknown } | { error: unknown }) =>
    'error' in settled ? { error: String(settled.error) } : withoutTimes(settled.value);
  const trail = async (server: TestServer) =>
    (await server.orm.em.fork().find(AuditEvent, { actor: { $like: 'pane %' } }))
      // a created row's id is new on each server: the event says which row by what it holds (its indicator)
      .map((e) => `${e.actor} ${e.action} ${e.entityType} ${e.batchKey ?? '-'} ${JSON.stringify(rowOf(e.after))}`)
      .sort();
  const rowOf = (snapshot: Record<string, unknown> | null | undefined) =>
    snapshot &&
    withoutTimes({ ...snapshot, id: undefined, createdAt: undefined, updatedAt: undefined, recordedAt: undefined });
  /** the answers stored for a retry of their batch key (sync_batch), as a replay would return them */
  const answersStored = async (server: TestServer) =>
    (
      (await server.orm.em
        .fork()
        .getConnection()
        .execute(`select batch_key, request_hash, answer from sync_batch where plan_id = ? order by batch_key`, [
          planId,
        ])) as Array<{ batch_key: string; request_hash: string; answer: Buffer }>
    ).map((r) => ({
      key: r.batch_key,
      hash: r.request_hash,
      answer: withoutTimes(JSON.parse(answerJson(Buffer.from(r.answer)))),
    }));
  const commits = (server: TestServer) => server.orm.em.fork().count(PlanCommit, { plan: planId });
  const stored = async (server: TestServer) =>
    withoutTimes((await readRows(server, planId, { year: 2022 })).rows.filter((r) => r.level === 'INDICATOR'));

  it('gives each batch the answer, stored values and audit events of a turn of its own', async () => {
    const [r0, r1, r2, r3, r4, r5, r6, r7] = indicators;
    const actual = (row: SheetRow, value: string, version = row.rowVersion) =>
      edit({ rowId: row.rowId, rowVersion: version }, { actual: value });
    const batches: Batch[] = [
      { actor: 'pane 1', batchKey: 'k-1', rows: [actual(r0, '11'), actual(r1, '12')] },
      // r1 at the version pane 1 wrote over: a conflict; r2 lands
      { actor: 'pane 2', rows: [actual(r1, '21'), actual(r2, '22')] },
      // one bad cell: the atomic batch writes nothing
      { actor: 'pane 3', atomic: true, rows: [actual(r3, '31'), actual(r4, 'non è un numero')] },
      { actor: 'pane 4', batchKey: 'k-4', rows: [actual(r5, '41')] },
      // the retry of pane 4's batch: a replay; the same key for other rows: refused
      { actor: 'pane 4', batchKey: 'k-4', rows: [actual(r5, '41')] },
      { actor: 'pane 5', batchKey: 'k-4', rows: [actual(r5, '51')] },
      { actor: 'pane 6', year: 1999, rows: [actual(r6, '61')] },
      // written and failed: none of its rows stay, so the next batch finds r6 as it was
      // keyed: the answer of a batch undone is not stored, so its retry is decided again, never replayed
      { actor: 'pane 7', batchKey: 'k-7', crash: true, rows: [actual(r6, '71'), actual(r7, '72')] },
      { actor: 'pane 8', batchKey: 'k-8', rows: [actual(r6, '81')] },
      // r0 at the version pane 1's batch left: decided on the state the batches before it left
      { actor: 'pane 9', rows: [actual(r0, '91', r0.rowVersion + 1)] },
    ];
    const commitsBefore = [await commits(together), await commits(inTurn)];
    const members = batches.map((b) => member(together, b));
    // the last six arrive while the turn waits for the plan's lock, and join it (plan-queue.ts)
    let joined = 0;
    together.statements.length = 0;
    const grouped = await syncTogether(members.slice(0, 4), () => (joined++ === 0 ? members.slice(4) : []));
    const auditInserts = (server: TestServer) =>
      server.statements.filter((sql) => /insert\s+into\s+\W?audit_event\W/i.test(sql)).length;
    expect(joined).toBe(1);
    // the audit events of every batch that wrote, one insert statement for the turn (on SQLite run as each is recorded)
    expect(auditInserts(together)).toBe(1);
    inTurn.statements.length = 0;
    const reference: Array<{ value: unknown } | { error: unknown }> = [];
    for (const b of batches) {
      const m = member(inTurn, b);
      reference.push(
        await syncRows(m.ctx, m.input, m.hooks).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
      );
    }
    expect(grouped.map(answerOf)).toEqual(reference.map(answerOf));
    // what makes the comparison worth something: every kind of answer is among them
    const statuses = grouped.map((s) =>
      'error' in s ? 'error' : s.value.replayed ? 'replayed' : s.value.rows.map((r) => r.status).join(','),
    );
    expect(statuses).toEqual([
      'updated,updated',
      'conflict,updated',
      'rejected,rejected',
      'updated',
      'replayed',
      'error',
      'error',
      'error',
      'updated',
      'updated',
    ]);
    expect(auditInserts(inTurn)).toBeGreaterThan(1);
    expect(await stored(together)).toEqual(await stored(inTurn));
    expect(await trail(together)).toEqual(await trail(inTurn));
    // one commit for the whole turn, where the reference committed once per batch that wrote
    expect((await commits(together)) - commitsBefore[0]).toBe(1);
    expect((await commits(inTurn)) - commitsBefore[1]).toBeGreaterThan(1);
    // the stored answers, all in one insert: those of a turn of their own, and none for the batch undone
    const insertsOf = (server: TestServer) =>
      server.statements.filter((sql) => /insert\s+into\s+\W?sync_batch\W/i.test(sql)).length;
    expect(insertsOf(together)).toBe(1);
    expect(await answersStored(together)).toEqual(await answersStored(inTurn));
    expect((await answersStored(together)).map((a) => a.key)).toEqual(['k-1', 'k-4', 'k-8']);
    // each key sent again answers as the first time, replayed; k-7's retry (no crash now) is decided, not replayed
    const retried = batches.filter((b) => b.batchKey && b.actor !== 'pane 5').map((b) => ({ ...b, crash: undefined }));
    const again = await syncTogether(retried.map((b) => member(together, b)));
    const first = (actor: string) => answerOf(grouped[batches.findIndex((b) => b.actor === actor)]);
    expect(again.map(answerOf)).toEqual([
      { ...first('pane 1'), replayed: true },
      { ...first('pane 4'), replayed: true },
      { ...first('pane 4'), replayed: true },
      expect.objectContaining({ replayed: false }),
      { ...first('pane 8'), replayed: true },
    ]);
  });
});
