import {
  type EntityClass,
  type EntityManager,
  type FilterQuery,
  IsolationLevel,
  type QueryOrderMap,
} from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { readPlanUnitLinks, readRows } from '../speed/read-rows';
import { readChildrenInSlices, readRowsInSlices, SLICE_ROWS } from '../speed/read-slices';
import { nextTurn } from '../speed/next-turn';
import {
  Activity,
  Dashboard,
  DashboardEntry,
  FundParameter,
  Indicator,
  ManagerAssignment,
  Measurement,
  OperationalObjective,
  Perspective,
  PlanVersion,
  Project,
  ScoringProfile,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../entities';
import type { Checkpoint } from '@core/vocabulary/enums';
import { NotFoundError } from '../errors';
import { readPlanStamp } from './plan-stamp';

/** The rows of a plan's tree that the sheet shows and a sheet batch writes, by kind. */
export type TreeRows = {
  perspectives: Perspective[];
  strategicObjectives: StrategicObjective[];
  operationalObjectives: OperationalObjective[];
  indicators: Indicator[];
  targets: Target[];
  revisions: TargetRevision[];
  measurements: Measurement[];
};

/** The entity of each kind of TreeRows, from the perspectives down: the tables a sheet row is made of. */
export const TREE_ENTITIES: { readonly [K in keyof TreeRows]: EntityClass<TreeRows[K][number]> } = {
  perspectives: Perspective,
  strategicObjectives: StrategicObjective,
  operationalObjectives: OperationalObjective,
  indicators: Indicator,
  targets: Target,
  revisions: TargetRevision,
  measurements: Measurement,
};

/** The kinds of TreeRows, from the perspectives down: what a replaced row of the plan's tree may be. */
export const TREE_KINDS = Object.keys(TREE_ENTITIES) as ReadonlyArray<keyof TreeRows>;

/** No rows of any kind of TreeRows, each kind a new empty list: what a batch has written before it writes. */
export const noTreeRows = (): TreeRows =>
  Object.fromEntries(TREE_KINDS.map((kind) => [kind, []])) as Record<keyof TreeRows, never[]>;

/**
 * Everything scoring needs of one plan version, read with a fixed number of statements whatever the plan's size:
 * one per kind of row, filtered by the plan (sliced reads: one per kind and SLICE_ROWS rows).
 */
export type PlanSnapshot = TreeRows & {
  plan: PlanVersion;
  projects: Project[];
  activities: Activity[];
  dashboards: Dashboard[];
  entries: DashboardEntry[];
  assignments: ManagerAssignment[];
  funds: FundParameter[];
  /** indicator id → ids of its responsible units */
  unitsOf: Map<string, string[]>;
};

/**
 * The snapshot with some of its rows replaced by other objects of the same rows (by id): the managed rows a batch
 * changes (server/sync/adopt-rows.ts) or the rows re-read after its commit (server/sync/kept-state.ts).
 */
export function withRowsOf(
  s: PlanSnapshot,
  byId: ReadonlyMap<string, { id: string }>,
  kinds: ReadonlyArray<keyof TreeRows | 'entries' | 'assignments'>,
): PlanSnapshot {
  const out = { ...s } as Record<string, unknown>;
  // a kind none of whose rows is replaced keeps its list: a sync replaces a few rows of two or three kinds, and
  // mapping every list of a 5,000-indicator plan was most of adopt-rows' time (bench B7)
  const classes = new Set<unknown>();
  for (const row of byId.values()) classes.add(row.constructor);
  for (const kind of kinds) {
    const rows = s[kind] as Array<{ id: string }>;
    if (rows.length === 0 || !classes.has(rows[0].constructor)) continue;
    out[kind] = withReplaced(rows, byId);
  }
  return out as PlanSnapshot;
}

/** where each row of a list stands, by id: shared by the lists made from it by withReplaced (the same places) */
const positions = new WeakMap<readonly object[], Map<string, number>>();
/** a list made by withReplaced: the list it was made from, and the rows it replaced (old → new) */
const madeFrom = new WeakMap<readonly object[], { from: readonly object[]; swaps: ReadonlyMap<object, object> }>();

/**
 * `rows.map((row) => byId.get(row.id) ?? row)`, finding the replaced rows by their places instead of looking up
 * every row: a sync replaces some 40 rows in lists of 5,000 indicators and 15,000 targets, twice (adopt-rows.ts,
 * kept-state.ts), and mapping them whole was 6% of B4's event loop. Lists are never changed in place, so the places
 * of a list are known for good, and those of the list made from it are the same.
 */
function withReplaced<T extends { id: string }>(rows: T[], byId: ReadonlyMap<string, { id: string }>): T[] {
  let at = positions.get(rows);
  if (!at) {
    at = new Map();
    for (let k = 0; k < rows.length; k++) at.set(rows[k].id, k);
    positions.set(rows, at);
  }
  const out = rows.slice();
  const swaps = new Map<object, object>();
  for (const [id, row] of byId) {
    const k = at.get(id);
    if (k === undefined || out[k] === row) continue;
    swaps.set(rows[k], row);
    out[k] = row as T;
  }
  positions.set(out, at);
  madeFrom.set(out, { from: rows, swaps });
  return out;
}

/**
 * The places where `now` holds another row than `was`, in order, when `now` was made from `was` by withRowsOf, once
 * or a few times over (the batches of a turn: adopted, then read again after each batch); undefined when it was not
 * (the caller compares the lists itself). Only the places some step replaced are compared: comparing every place of
 * the indicators' and targets' lists was 2 % of a B4 sync (server/sync/kept-state.ts).
 */
export function placesReplaced(was: readonly object[], now: readonly object[]): number[] | undefined {
  const at = positions.get(was);
  if (!at || positions.get(now) !== at) return undefined;
  const places = new Set<number>();
  let list = now;
  for (let steps = 0; list !== was; steps++) {
    const made = madeFrom.get(list);
    if (!made || steps > 64) return undefined;
    for (const old of made.swaps.keys()) places.add(at.get((old as { id: string }).id)!);
    list = made.from;
  }
  return [...places].filter((k) => now[k] !== was[k]).sort((a, b) => a - b);
}

/** a sort both readers take: an order on E for em.find, a plain record for read-rows */
type Order<E> = QueryOrderMap<E> & Record<string, 'asc' | 'desc'>;
type Finder = <E extends object>(entity: EntityClass<E>, where: FilterQuery<E>, orderBy?: Order<E>) => Promise<E[]>;

/** The plan with its scoring profile, read-only. */
export async function readOnlyPlan(em: EntityManager, planId: string): Promise<PlanVersion | null> {
  const [plan] = await readRows(em, PlanVersion, { id: planId });
  if (!plan) return null;
  if (plan.scoringProfile) [plan.scoringProfile] = await readRows(em, ScoringProfile, { id: plan.scoringProfile.id });
  return plan;
}

/** indicator id → ids of its responsible units, through the unit of work (the indicators' collections). */
async function unitsOfManaged(em: EntityManager, indicators: Indicator[]): Promise<Map<string, string[]>> {
  await em.populate(indicators, ['responsibleUnits']);
  const unitsOf = new Map<string, string[]>();
  for (const indicator of indicators) {
    const ids = indicator.responsibleUnits.getItems().map((unit) => unit.id);
    if (ids.length > 0) unitsOf.set(indicator.id, ids);
  }
  return unitsOf;
}

/**
 * Runs every read of a record and keeps the names: at once on the pool's connections, or one after the other inside
 * a transaction. A transaction is one connection, and pg's client queues a second query given while one runs (a
 * DeprecationWarning, and an error from pg 9 on): the sync's read of the plan did so on PostgreSQL.
 */
async function allOf<T extends Record<string, () => Promise<unknown>>>(
  reads: T,
  oneAtATime: boolean,
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: Record<string, unknown> = {};
  if (oneAtATime) for (const [key, read] of Object.entries(reads)) out[key] = await read();
  else {
    const values = await Promise.all(Object.values(reads).map((read) => read()));
    Object.keys(reads).forEach((key, i) => (out[key] = values[i]));
  }
  return out as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/** A period narrows targets and measurements to one (year, checkpoint); without one, every period is read. */
export type Period = { year: number; checkpoint: Checkpoint };

/**
 * `readOnly` reads rows outside the unit of work (server/speed/read-rows.ts): for scores and reports, which only read,
 * at a fraction of the cost of managed entities. Whoever changes rows (the sync) loads them managed.
 * `sliced` (read-only reads outside a transaction: the plan-wide reads of a request) reads SLICE_ROWS rows per
 * statement, each on a turn of the event loop of its own (server/speed/read-slices.ts): a 5,000-indicator plan's
 * read no longer holds the event loop for its whole length (issue 13, item 5). Its slices see one state of the plan
 * (readInOneState: one REPEATABLE READ transaction on PostgreSQL, a checked read on SQLite). Inside a caller's
 * transaction the reads stay whole: on SQLite the connection is shared, and a turn given away there would run
 * others' statements inside it. `stop` ends a sliced read between two slices (score-snapshots.ts, keep).
 */
export async function loadPlanSnapshot(
  em: EntityManager,
  planId: string,
  period: Period | null,
  options: { readOnly?: boolean; sliced?: boolean; stop?: AbortSignal } = {},
): Promise<PlanSnapshot> {
  if (options.readOnly && options.sliced && !em.isInTransaction())
    return readInOneState(em, planId, (tx, sliced) =>
      readSnapshot(tx, planId, period, sliced ? 'sliced' : 'readOnly', options.stop),
    );
  return readSnapshot(em, planId, period, options.readOnly ? 'readOnly' : 'managed');
}

async function readSnapshot(
  em: EntityManager,
  planId: string,
  period: Period | null,
  how: 'managed' | 'readOnly' | 'sliced',
  stop?: AbortSignal,
): Promise<PlanSnapshot> {
  const find: Finder =
    how === 'sliced'
      ? (entity, where, orderBy) =>
          readRowsInSlices(
            em,
            entity as EntityClass<{ id: string }>,
            where as never,
            orderBy,
            SLICE_ROWS,
            stop,
          ) as never
      : how === 'readOnly'
        ? (entity, where, orderBy) => readRows(em, entity, where, orderBy)
        : (entity, where, orderBy) => em.find(entity, where, orderBy ? { orderBy } : {});
  const plan =
    how === 'managed'
      ? await em.findOne(PlanVersion, { id: planId }, { populate: ['scoringProfile'] })
      : await readOnlyPlan(em, planId);
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  const byPlan = { plan: planId };
  const position = { position: 'asc', id: 'asc' } as const;
  const rows = await allOf(
    {
      perspectives: () => find(Perspective, byPlan, position),
      strategicObjectives: () => find(StrategicObjective, byPlan, position),
      operationalObjectives: () => find(OperationalObjective, byPlan, position),
      indicators: () => find(Indicator, byPlan, position),
      targetRows: () => targetsWithRevisions(em, find, planId, period, how === 'sliced', stop),
      measurements: () => find(Measurement, { plan: planId, ...period }),
      projects: () => find(Project, byPlan, position),
      activities: () => find(Activity, { project: { plan: planId } }, position),
      dashboards: () => find(Dashboard, byPlan, position),
      entries: () => find(DashboardEntry, byPlan, position),
      assignments: () => find(ManagerAssignment, byPlan, { createdAt: 'asc', id: 'asc' }),
      funds: () => find(FundParameter, { cycle: plan.cycle.id }),
    },
    em.isInTransaction(),
  );
  if (how === 'sliced') await nextTurn();
  const unitsOf = how === 'managed' ? await unitsOfManaged(em, rows.indicators) : await readPlanUnitLinks(em, planId);
  const { targetRows, ...others } = rows;
  return { plan, ...others, ...targetRows, unitsOf };
}

/** The targets of the plan (or of a period), and their revisions: in a sliced read, by the targets just read. */
async function targetsWithRevisions(
  em: EntityManager,
  find: Finder,
  planId: string,
  period: Period | null,
  sliced: boolean,
  stop?: AbortSignal,
): Promise<{ targets: Target[]; revisions: TargetRevision[] }> {
  const targets = await find(Target, { plan: planId, ...period }, { year: 'asc', checkpoint: 'asc', id: 'asc' });
  const revisions = sliced
    ? await readChildrenInSlices(
        em,
        TargetRevision,
        'target',
        targets.map((t) => t.id),
        { seq: 'asc' },
        SLICE_ROWS,
        stop,
      )
    : await find(TargetRevision, { target: { plan: planId, ...period } }, { seq: 'asc' });
  return { targets, revisions };
}

/** Tries of a checked read on SQLite before its last, whole one. */
const CHECKED_TRIES = 2;

/**
 * Runs a request's sliced read of a plan so that all its slices see one state of the plan, never a batch committed
 * between two of them (issue 13, item 5). `read` gets the entity manager to read with and whether it may slice.
 * - PostgreSQL: one read-only REPEATABLE READ transaction, on a connection of its own: every statement sees the
 *   snapshot its first one took. The reads in it go one after the other (one connection runs one query at a time).
 * - SQLite: every request shares one connection, so a transaction held across turns would take in the statements of
 *   the others. The read is checked instead: the plan's change stamp (plan-stamp.ts, bumped by every transaction that
 *   changes what a snapshot reads) before and after it; if a write committed in between, it is read again, in
 *   slices twice and then whole, without giving the event loop away between statements.
 */
export async function readInOneState<T>(
  em: EntityManager,
  planId: string,
  read: (em: EntityManager, sliced: boolean) => Promise<T>,
): Promise<T> {
  if (em.getDriver() instanceof PostgreSqlDriver)
    return em.transactional((tx) => read(tx, true), {
      isolationLevel: IsolationLevel.REPEATABLE_READ,
      readOnly: true,
    });
  for (let attempt = 0; ; attempt++) {
    const sliced = attempt < CHECKED_TRIES;
    const before = await readPlanStamp(em, planId);
    const answer = await read(em, sliced);
    if (!sliced || (await readPlanStamp(em, planId)).value === before.value) return answer;
  }
}

/** The snapshot narrowed to one period's targets and actuals: what the scores of (year, checkpoint) read. */
export function forPeriod(s: PlanSnapshot, year: number, checkpoint: Checkpoint): PlanSnapshot {
  const targets = s.targets.filter((t) => t.year === year && t.checkpoint === checkpoint);
  const ids = new Set(targets.map((t) => t.id));
  return {
    ...s,
    targets,
    revisions: s.revisions.filter((r) => ids.has(r.target.id)),
    measurements: s.measurements.filter((m) => m.year === year && m.checkpoint === checkpoint),
  };
}
