/**
 * What a turn of several batches costs in statements (server/sync/sync-rows.ts, syncTogether): each batch's own
 * writes, its savepoint only if it writes, and nothing read again that the turn already holds. Between two batches
 * the state the first left is carried (kept-state.ts, stateLeft: the rows as their update returned them,
 * set-update.ts), not read again with the plan row; after the commit, the state kept for the next sync takes the
 * same rows and reads the plan row alone. Every statement counted here is a round trip on PostgreSQL, and the
 * turns of one plan wait for each other (bench/turn-statements.ts, B4-pg).
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { Measurement } from '../../server/entities';
import { readPlanStamp } from '../../server/services/plan-stamp';
import type { InputError } from '../../server/errors';
import { syncTogether } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan, type TurnRow } from '../helpers/turn-plan';

describe.each(databaseNames())('the statements of a turn of several batches (%s)', (dialect) => {
  const plan = turnPlan(dialect, 'TURN');
  const { versions, readVersions, actuals, lines } = plan;
  const member = (rows: TurnRow[], batchKey?: string) => plan.member(rows, { batchKey });
  const from = (all: string[], first: string) => all.slice(all.indexOf(first));

  it("writes the batches' rows with one update, reads nothing again between batches, and no row again after the commit", async () => {
    // a first turn, so that the one measured starts from the state kept after it, as in B4
    await readVersions();
    for (const a of await syncTogether([member(actuals(0, '1')), member(actuals(5, '1'))]))
      expect(a).toHaveProperty('value');
    await readVersions();
    plan.server.statements.length = 0;
    const answers = await syncTogether([member(actuals(0, '2')), member(actuals(5, '2')), member(actuals(10, '2'))]);
    for (const a of answers) expect('value' in a && a.value.applied).toBe(5);
    const turn = from(lines(), 'begin');
    const commit = turn.indexOf('commit');
    const inTurn = turn.slice(0, commit);
    const kept = turn.slice(commit + 1);
    // rows typing actuals alone write their measurements only (their indicators and targets were adopted too, never
    // written, and told to the other instances as rows to read again), and a batch whose writes are held makes those
    // from the rows the turn read (adopt-rows.ts): nothing adopted by a statement (the turn's `select measurement`),
    // then the turn's savepoint and one update of the three batches' rows, nothing read (each batch was three selects
    // of its own, then its savepoint and its update: turn-writes.ts)
    // (on PostgreSQL the savepoint is sent with the plan's lock and the stamp: plan-lock.ts)
    const first = inTurn.indexOf('savepoint');
    expect(inTurn.slice(first, first + 2)).toEqual(
      dialect === 'postgresql' ? ['savepoint', 'select scoring_profile'] : ['savepoint', 'update measurement'],
    );
    expect(inTurn.filter((l) => l === 'savepoint' || l === 'update measurement')).toHaveLength(2);
    expect(inTurn.filter((l) => l === 'release')).toEqual([]);
    // the plan row once, before the batches (not again after each); the rows a batch wrote never read again
    expect(inTurn.filter((l) => l === 'select plan_version')).toHaveLength(1);
    expect(inTurn.filter((l) => /^select (indicator|target|measurement)$/.test(l))).toEqual([]);
    expect(kept.filter((l) => /^select (indicator|target|measurement)$/.test(l))).toEqual([]);
    expect(kept.filter((l) => l === 'select plan_version')).toHaveLength(1);
  });

  it('a batch writing the rows a batch before it wrote adopts them as that one left them, and a stale one conflicts', async () => {
    await readVersions();
    const rows = plan.ids.slice(0, 5);
    const before = rows.map((rowId) => versions.get(rowId)!);
    plan.server.statements.length = 0;
    const [a, b, c] = await syncTogether([
      member(rows.map((rowId, i) => ({ rowId, rowVersion: before[i], actual: '31' }))),
      // the versions the first batch's answer gives: what the pane would send next
      member(rows.map((rowId, i) => ({ rowId, rowVersion: before[i] + 1, actual: '32' }))),
      member(rows.map((rowId, i) => ({ rowId, rowVersion: before[i], actual: '33' }))),
    ]);
    expect('value' in a && a.value.rows.map((r) => [r.status, r.rowVersion])).toEqual(
      before.map((v) => ['updated', v + 1]),
    );
    expect('value' in b && b.value.rows.map((r) => [r.status, r.rowVersion])).toEqual(
      before.map((v) => ['updated', v + 2]),
    );
    expect('value' in c && c.value.rows.map((r) => r.status)).toEqual(rows.map(() => 'conflict'));
    const turn = from(lines(), 'begin');
    const inTurn = turn.slice(0, turn.indexOf('commit'));
    // made by the first batch from the rows read, none read: the second batch's rows are held at the versions the
    // first one's update left, and the two batches' writes of the same rows are one update (each row from its version
    // before the turn to 2 on)
    expect(inTurn.filter((l) => /^select (indicator|target|measurement)$/.test(l))).toEqual([]);
    expect(inTurn.filter((l) => l === 'update measurement')).toHaveLength(1);
    await readVersions();
    expect(rows.map((rowId) => versions.get(rowId))).toEqual(before.map((v) => v + 2));
    const stored = await plan.server.orm.em.fork().find(Measurement, { indicator: { $in: rows }, year: 2022 });
    expect(stored).toHaveLength(rows.length);
    for (const m of stored) expect(JSON.stringify(m.value)).toContain('32');
  });

  it('takes no savepoint of its own for a batch among others', async () => {
    await readVersions();
    const stale = plan.ids.slice(0, 5).map((rowId) => ({ rowId, rowVersion: versions.get(rowId)! - 1, actual: '3' }));
    plan.server.statements.length = 0;
    const answers = await syncTogether([member(actuals(10, '9')), member(stale), member(actuals(15, '9'))]);
    expect(answers.map((a) => 'value' in a && a.value.rows.map((r) => r.status).join())).toEqual([
      'updated,updated,updated,updated,updated',
      'conflict,conflict,conflict,conflict,conflict',
      'updated,updated,updated,updated,updated',
    ]);
    const turn = from(lines(), 'begin');
    // the turn's one savepoint, before its one update (there were one per writing batch: 2)
    expect(turn.filter((l) => l === 'savepoint')).toHaveLength(1);
    expect(turn.filter((l) => l === 'update measurement')).toHaveLength(1);
    expect(turn.filter((l) => l === 'select plan_version')).toHaveLength(2);
  });

  it('writes batches of one row each with one update too (MikroORM updates a lone changed row by itself)', async () => {
    await readVersions();
    plan.server.statements.length = 0;
    const one = (at: number) => member(actuals(at, '8').slice(0, 1));
    const answers = await syncTogether([one(0), one(5), one(10)]);
    for (const a of answers) expect('value' in a && a.value.applied).toBe(1);
    const turn = from(lines(), 'begin');
    const inTurn = turn.slice(0, turn.indexOf('commit'));
    expect(inTurn.filter((l) => l === 'savepoint' || l === 'update measurement')).toEqual([
      'savepoint',
      'update measurement',
    ]);
  });

  it("takes one savepoint when the turn's first writing batch is not held: its own, which the turn goes back to", async () => {
    await readVersions();
    plan.server.statements.length = 0;
    // a title is no actual value: that batch updates its indicator at once, the next one's actuals are held
    const titled = member([
      { rowId: plan.ids[0], rowVersion: versions.get(plan.ids[0]), title: `Indicatore ${Date.now()}` },
    ]);
    const answers = await syncTogether([titled, member(actuals(5, '4'))]);
    expect(answers.map((a) => 'value' in a && a.value.applied)).toEqual([1, 5]);
    const turn = from(lines(), 'begin');
    const inTurn = turn.slice(0, turn.indexOf('commit'));
    // (on PostgreSQL the turn's savepoint is taken with the plan's lock, in its round trip, before the batch's own)
    expect(inTurn.filter((l) => ['savepoint', 'update indicator', 'update measurement'].includes(l))).toEqual([
      ...(dialect === 'postgresql' ? ['savepoint'] : []),
      'savepoint',
      'update indicator',
      'update measurement',
    ]);
  });

  it("stores every keyed batch's answer, and every batch's audit events, in one insert for the turn", async () => {
    await readVersions();
    const key = `finish-${Date.now()}`;
    plan.server.statements.length = 0;
    const answers = await syncTogether([0, 5, 10, 15].map((at, i) => member(actuals(at, '7'), `${key}-${i}`)));
    for (const a of answers) expect('value' in a && a.value.applied).toBe(5);
    const turn = from(lines(), 'begin');
    const inTurn = turn.slice(0, turn.indexOf('commit'));
    // one statement each, whatever the turn's batches: an await per batch held the plan's lock (B4-pg's finish)
    expect(inTurn.filter((l) => l === 'insert sync_batch')).toHaveLength(1);
    expect(inTurn.filter((l) => l === 'insert audit_event')).toHaveLength(1);
    // and the answers stored for the turn's keys read with one statement (each keyed batch read its own: 4)
    expect(inTurn.filter((l) => l === 'select sync_batch')).toHaveLength(1);
    const stored = await plan.server.orm.em
      .fork()
      .getConnection()
      .execute(`select batch_key from sync_batch where batch_key like ? order by batch_key`, [`${key}-%`]);
    expect(stored.map((r: { batch_key: string }) => r.batch_key)).toEqual([0, 1, 2, 3].map((i) => `${key}-${i}`));
  });

  it('reads the answers stored for its batch keys once, and still replays them, its own, and refuses a key reused', async () => {
    await readVersions();
    const key = `replay-${Date.now()}`;
    const [first] = await syncTogether([member(actuals(0, '5'), `${key}-stored`)]);
    expect('value' in first && first.value.applied).toBe(5);
    await readVersions();
    plan.server.statements.length = 0;
    const [stored, fresh, again, reused] = await syncTogether([
      // a retry of a batch stored by an earlier turn, with the versions it was sent with
      member(
        actuals(0, '5').map((r) => ({ ...r, rowVersion: versions.get(r.rowId!)! - 1 })),
        `${key}-stored`,
      ),
      member(actuals(5, '6'), `${key}-fresh`),
      // the same batch again in the same turn, and the stored key with other rows
      member(actuals(5, '6'), `${key}-fresh`),
      member(actuals(10, '6'), `${key}-stored`),
    ]);
    // a stored answer is its JSON (what a retry over HTTP gets either way)
    const asStored = (a: (typeof first)[]) => a.map((x) => 'value' in x && JSON.parse(JSON.stringify(x.value)));
    expect(asStored([stored])).toEqual(asStored([first]).map((v) => ({ ...v, replayed: true })));
    expect('value' in fresh && [fresh.value.applied, fresh.value.replayed]).toEqual([5, false]);
    expect(asStored([again])).toEqual(asStored([fresh]).map((v) => ({ ...v, replayed: true })));
    expect('error' in reused && (reused.error as InputError).problems.map((p) => p.code)).toEqual(['KEY_REUSED']);
    const turn = from(lines(), 'begin');
    const inTurn = turn.slice(0, turn.indexOf('commit'));
    // one read of the stored answers for the turn's two keys (one per keyed batch before: 4)
    expect(inTurn.filter((l) => l === 'select sync_batch')).toHaveLength(1);
    expect(inTurn.filter((l) => l === 'insert sync_batch')).toHaveLength(1);
  });

  it('bumps the plan counter, places its commit and reads the stamp it leaves with one statement on PostgreSQL', async () => {
    await readVersions();
    const em = plan.server.orm.em.fork();
    const before = await readPlanStamp(em, plan.planId);
    plan.server.statements.length = 0;
    for (const a of await syncTogether([member(actuals(0, '12')), member(actuals(5, '12'))]))
      expect('value' in a && a.value.applied).toBe(5);
    const turn = from(lines(), 'begin');
    const inTurn = turn.slice(0, turn.indexOf('commit'));
    const tail = inTurn
      .slice(inTurn.lastIndexOf('update measurement') + 1)
      .filter((l) => !l.startsWith('insert audit'));
    // three round trips under the plan's lock before (update plan_version, insert plan_commit, the stamp's select)
    expect(tail).toEqual(
      dialect === 'postgresql'
        ? ['with plan_version']
        : ['update plan_version', 'insert plan_commit', 'select scoring_profile'],
    );
    // one change more, its commit in the plan's order, and the scores kept under the stamp the commit left
    const after = await readPlanStamp(em, plan.planId);
    expect(after.changeCount).toBe(before.changeCount + 1);
    const commits = await em
      .getConnection()
      .execute(`select seq from plan_commit where plan_id = ? order by seq desc`, [plan.planId]);
    expect(Number(commits[0].seq)).toBe(after.changeCount);
    expect(plan.server.app.snapshots.get(after, 2022, Checkpoint.YEAR_END)).toBeDefined();
  });
});
