/**
 * The sync reads the plan read-only and adopts into the unit of work only the rows a batch writes (bench B4): the
 * adopted rows replace their read-only twins, nothing else becomes managed, and a row changed or deleted between
 * the read and the adoption fails the batch instead of being overwritten. Of an updated indicator's targets (one a
 * year), a sync adopts those it may write: the year synced and the years of the future targets the row gives.
 */
import { wrap } from '@mikro-orm/core';
import { Checkpoint } from '@core/vocabulary/enums';
import { Indicator, Measurement, Target, TargetRevision } from '../../server/entities';
import { ConflictError, NotFoundError } from '../../server/errors';
import { adoptRows } from '../../server/sync/adopt-rows';
import { loadPlanState } from '../../server/sync/plan-state';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { buildPlan } from '../helpers/synthetic-plan';
import { ok, SHEET_ROWS, SYNC_ROWS, type SheetRow } from '../helpers/sync';

describe.each(databaseNames())('sheet sync: adopting the rows a batch writes (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    ({ planId } = await buildPlan(server.orm.em, `ADOPT-${dialect}`, {
      perspectives: 1,
      strategic: 2,
      operational: 2,
      indicators: 3,
    }));
  });
  afterAll(() => server.close());

  const readState = async () => {
    const em = server.orm.em.fork();
    return { em, state: await loadPlanState(em, planId, 2022, Checkpoint.YEAR_END, { readOnly: true }) };
  };
  const managedIds = (em: ReturnType<TestServer['orm']['em']['fork']>) =>
    [...em.getUnitOfWork().getIdentityMap().values()]
      .filter((e) => wrap(e, true).isInitialized())
      .map((e) => (e as { id: string }).id)
      .sort();

  it('makes managed only the rows named, in place of their read-only twins, and flushes their change', async () => {
    const { em, state } = await readState();
    expect(state.snapshot.indicators).toHaveLength(12);
    expect(managedIds(em)).toEqual([]);
    const [indicator, other] = state.snapshot.indicators as Indicator[];
    const measurement = state.measurementOf.get(indicator.id)!;

    const { state: adopted } = await adoptRows(em, state, [indicator, measurement]);
    expect(managedIds(em)).toEqual([indicator.id, measurement.id].sort());
    const node = adopted.nodes.get(indicator.id) as Indicator;
    expect(node).toBe(em.getUnitOfWork().getById(Indicator.name, indicator.id));
    expect(node).not.toBe(indicator);
    expect(adopted.measurementOf.get(indicator.id)).toBe(em.getUnitOfWork().getById(Measurement.name, measurement.id));
    expect(adopted.nodes.get(other.id)).toBe(other);
    expect(adopted.rowVersion(node)).toBe(state.rowVersion(indicator));

    node.title = 'Azione adottata';
    await em.flush();
    const stored = await server.orm.em.fork().findOneOrFail(Indicator, { id: indicator.id });
    expect([stored.title, stored.version]).toEqual(['Azione adottata', indicator.version + 1]);
    expect(node.version).toBe(indicator.version + 1);
  });

  /** the ids a statement's `in (…)` binds: how many rows of that table the sync brought into the unit of work */
  const adoptedTargets = () =>
    server.statements
      .filter((sql) => /from [`"]target[`"] as [`"]t0[`"] where [`"]t0[`"]\.[`"]id[`"] in/.test(sql))
      .map((sql) => (sql.match(/in \(([^)]*)\)/)?.[1].split(',').length ?? 0) as number);
  const sheet = async () =>
    ok<{ sheetRows: { rows: SheetRow[] } }>(
      await server.gql(SHEET_ROWS, { planId, year: 2022, checkpoint: 'YEAR_END', since: null, after: null }),
    ).sheetRows.rows.filter((r) => r.level === 'INDICATOR');
  const sync = async (rows: Array<Record<string, unknown>>) =>
    ok<{ syncRows: { applied: number } }>(
      await server.gql(SYNC_ROWS, { input: { planId, year: 2022, mode: 'PARTIAL', rows } }),
    ).syncRows;

  it("adopts an updated indicator's targets of the years it writes, and writes them (none for an actual)", async () => {
    const [actualOnly, withFuture] = (await sheet()).slice(6, 8);
    server.statements.length = 0;
    const only = { rowId: actualOnly.rowId, rowVersion: actualOnly.rowVersion, actual: '9' };
    expect((await sync([only])).applied).toBe(1);
    // an actual typed alone writes its measurement only: none of its three targets (2022, 2023, 2024)
    expect(adoptedTargets()).toEqual([]);

    server.statements.length = 0;
    const future = {
      rowId: withFuture.rowId,
      rowVersion: withFuture.rowVersion,
      thresholds: [{ score: 0.5, value: '7' }],
      futureTargets: [{ year: 2023, value: '15' }],
    };
    expect((await sync([future])).applied).toBe(1);
    expect(adoptedTargets()).toEqual([2]);
    // as stored, not as a kept state holds it (a change to a row left out of the unit of work would show there only)
    const db = server.orm.em.fork();
    const stored = await db.find(Target, { indicator: withFuture.rowId! }, { orderBy: { year: 'asc' } });
    const revisions = await db.find(TargetRevision, { target: stored }, { orderBy: { seq: 'asc' } });
    expect(stored.map((t) => [t.year, t.thresholds.map((h) => [h.score, h.value.raw])])).toEqual([
      [2022, [[0.5, '7']]],
      [2023, []],
      [2024, []],
    ]);
    const valuesOf = (t: Target) => revisions.filter((r) => r.target.id === t.id).map((r) => r.value.raw);
    expect(stored.map(valuesOf)).toEqual([['12'], ['12', '15'], ['12']]);
  });

  it('fails when a row it would write changed since the plan was read', async () => {
    const { em, state } = await readState();
    const indicator = state.snapshot.indicators[2] as Indicator;
    const other = server.orm.em.fork();
    (await other.findOneOrFail(Indicator, { id: indicator.id })).title = 'Cambiata da un collega';
    await other.flush();

    const failure = await adoptRows(em, state, [indicator]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure).toMatchObject({
      id: indicator.id,
      expectedVersion: indicator.version,
      currentVersion: indicator.version + 1,
    });
  });

  it('fails when a row it would write was deleted since the plan was read', async () => {
    const { em, state } = await readState();
    const measurement = state.measurementOf.get(state.snapshot.indicators[3].id)!;
    const other = server.orm.em.fork();
    other.remove(await other.findOneOrFail(Measurement, { id: measurement.id }));
    await other.flush();

    const failure = await adoptRows(em, state, [measurement]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect(failure).toMatchObject({ entity: 'Measurement', id: measurement.id });
  });
});
