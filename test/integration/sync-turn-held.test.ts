/**
 * A turn's batches of actual values are decided one after the other and written together, one update per table
 * (server/sync/turn-writes.ts); when that combined write fails, or a batch whose writes it held fails, the turn goes
 * back to its savepoint and runs again one batch at a time, each with its savepoint: the bad batch fails alone, the
 * others keep their rows, as each did in a turn of its own.
 */
import { Measurement } from '../../server/entities';
import { type Settled, syncTogether, type SyncHooks, type SyncOutcome } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

describe.each(databaseNames())('a failing batch among the held ones of a turn (%s)', (dialect) => {
  const plan = turnPlan(dialect, 'HELD');
  const { readVersions, lines, versions } = plan;
  const member = (from: number, value: string, hooks?: SyncHooks, actor?: string) =>
    plan.member(plan.actuals(from, value), { hooks, actor });
  /** the first and third batch applied and stored, the second failed and its values stored nowhere */
  async function aloneFailed([a, b, c]: Array<Settled<SyncOutcome>>, values: [string, string, string]) {
    expect('value' in a && a.value.applied).toBe(5);
    expect('error' in b).toBe(true);
    expect('value' in c && c.value.applied).toBe(5);
    for (const value of await stored(0)) expect(value).toContain(values[0]);
    for (const value of await stored(5)) expect(value).not.toContain(values[1]);
    for (const value of await stored(10)) expect(value).toContain(values[2]);
  }
  /** the stored actual of each row, as text */
  const stored = async (from: number) => {
    const rows = await plan.server.orm.em
      .fork()
      .find(Measurement, { indicator: { $in: plan.ids.slice(from, from + 5) }, year: 2022 });
    return rows.map((m) => JSON.stringify(m.value));
  };

  it('a batch failing after its writes were held fails alone: the turn runs again one batch at a time', async () => {
    await readVersions();
    plan.server.statements.length = 0;
    const failing: SyncHooks = {
      afterWrite: () => {
        throw new Error('crash after the writes');
      },
    };
    const [a, b, c] = await syncTogether([member(0, '41'), member(5, '42', failing), member(10, '43')]);
    expect('value' in a && a.value.applied).toBe(5);
    expect('error' in b && (b.error as Error).message).toBe('crash after the writes');
    expect('value' in c && c.value.applied).toBe(5);
    for (const value of await stored(0)) expect(value).toContain('41');
    for (const value of await stored(5)) expect(value).not.toContain('42');
    for (const value of await stored(10)) expect(value).toContain('43');
    const turn = lines();
    // back to the turn's savepoint, then the failing batch's own savepoint undone in the second run
    expect(turn.filter((l) => l === 'rollback')).toHaveLength(2);
    await readVersions();
  });

  if (dialect !== 'postgresql') return;

  it('a row changed under the turn fails the combined update: its batch fails alone, the others keep their rows', async () => {
    await readVersions();
    plan.server.statements.length = 0;
    const row = plan.ids[7];
    // a writer outside the plan's lock changes a row of the second batch once the first batch has been applied, and
    // bumps the plan's counter as every writer does (plan-change-counter.ts): else the state kept after this turn
    // would hold the row's old version, and the next test's second batch would fail on it, not on what it tests
    const outside: SyncHooks = {
      afterWrite: async () => {
        const connection = plan.server.orm.em.fork().getConnection();
        await connection.execute(
          `update measurement set version = version + 1 where indicator_id = ? and year = 2022`,
          [row],
        );
        await connection.execute(`update plan_version set change_count = change_count + 1 where id = ?`, [plan.planId]);
      },
    };
    const [a, b, c] = await syncTogether([member(0, '51', outside), member(5, '52'), member(10, '53')]);
    await aloneFailed([a, b, c], ['51', '52', '53']);
    // the outside writer's update (in each run of the first batch), the combined update (which found the changed row
    // at another version), back to the turn's savepoint, then the first and third batch alone (the second one's
    // adoption finds the changed row: its savepoint undone)
    expect(lines().filter((l) => l === 'update measurement')).toHaveLength(5);
    expect(lines().filter((l) => l === 'rollback')).toHaveLength(2);
  });

  it('a value the database refuses fails its batch alone, not the batches held with it', async () => {
    await readVersions();
    plan.server.statements.length = 0;
    // measurement.author is varchar(200): PostgreSQL refuses the combined update, then the batch's own
    const [a, b, c] = await syncTogether([
      member(0, '61'),
      member(5, '62', undefined, 'x'.repeat(300)),
      member(10, '63'),
    ]);
    await aloneFailed([a, b, c], ['61', '62', '63']);
    // refused for its value, not for a version the state kept behind the database
    expect('error' in b && String(b.error)).toContain('value too long');
    // the combined update (refused), then each batch's own: the first, the second (refused), the third
    expect(lines().filter((l) => l === 'update measurement')).toHaveLength(4);
    expect(lines().filter((l) => l === 'rollback')).toHaveLength(2);
    // the rows of the good batches answered with the versions they now have
    await readVersions();
    const answered = 'value' in a ? a.value.rows.map((r) => r.rowVersion) : [];
    expect(answered).toEqual(plan.ids.slice(0, 5).map((id) => versions.get(id)));
  });
});
