import {
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  ReferenceKind,
} from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

/**
 * Rows read for answering only, outside the unit of work. A managed entity costs a wrapper, a snapshot of its data
 * for change tracking, an identity-map entry and a setter call per property; for the thousands of rows of a plan
 * tree that was most of a read's time and memory (bench B2). These rows are instances of the entity's class (so
 * type-graphql and `instanceof` see the entity), with the same property values a managed entity would have (custom
 * types converted, booleans and dates mapped), and many-to-one properties as references holding only the id, as
 * an unpopulated reference does. Never persist or change them: the entity manager does not know them.
 *
 * Reads go through the entity manager's query builder, so the request's filters (the tenant filter) and its
 * transaction apply exactly as they do to `em.find`.
 */
export async function readRows<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  where: FilterQuery<E>,
  orderBy?: Record<string, 'asc' | 'desc'>,
  limit?: number,
): Promise<E[]> {
  const sql = em as SqlEntityManager;
  // like em.find: changes of this entity pending in the unit of work are written first
  await sql.tryFlush(entity, {});
  const qb = sql.createQueryBuilder(entity).select('*').where(where);
  if (orderBy) qb.orderBy(orderBy);
  if (limit !== undefined) qb.limit(limit);
  await qb.applyFilters();
  const rows = (await qb.execute('all', false)) as Record<string, unknown>[];
  const make = readerOf(em, em.getMetadata().get(entity.name));
  return rows.map(make) as E[];
}

/**
 * Rows whose `property` (a column or a many-to-one) is one of `values`: what batch loaders ask. The list goes to
 * knex as it is; MikroORM's condition processing, which visits every value of an `$in`, cost more than the
 * statement itself for the 15,000 ids of a plan's targets.
 */
export async function readRowsIn<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  property: string,
  values: readonly unknown[],
  orderBy?: Record<string, 'asc' | 'desc'>,
): Promise<E[]> {
  const read = await rowsInRead(em, entity, property, values, orderBy);
  const rows = (await (em as SqlEntityManager)
    .getConnection()
    .execute(read.sql, [...read.bindings], 'all', em.getTransactionContext())) as Record<string, unknown>[];
  return rows.map(readerOf(em, read.meta!)) as E[];
}

/** A read to send with others in one round trip (readTogether): its statement, and the entity its rows are made as */
export type TogetherRead = { sql: string; bindings: readonly unknown[]; meta: EntityMetadata | null };

/**
 * readRowsIn's statement, not run: rows of `entity` whose `property` is one of `values`, or of what the knex
 * subquery `values` selects
 */
export async function rowsInRead<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  property: string,
  values: readonly unknown[] | Knex.QueryBuilder,
  orderBy?: Record<string, 'asc' | 'desc'>,
): Promise<TogetherRead> {
  const sql = em as SqlEntityManager;
  const meta = em.getMetadata().get(entity.name);
  const prop = meta.properties[property] as EntityProperty | undefined;
  if (!prop || prop.fieldNames?.length !== 1)
    throw new Error(`${entity.name}.${property} is not a single-column property`);
  await sql.tryFlush(entity, {});
  const qb = sql.createQueryBuilder(entity, 'e').select('*');
  if (orderBy) qb.orderBy(orderBy);
  await qb.applyFilters();
  const list = Array.isArray(values) ? [...values] : values;
  const { sql: text, bindings } = qb
    .getKnexQuery()
    .whereIn(`e.${prop.fieldNames[0]}`, list as never)
    .toSQL();
  return { sql: text, bindings: bindings ?? [], meta };
}

/**
 * Several reads in one round trip on PostgreSQL: one query of their statements, which the database runs one after
 * the other, each with its own snapshot under READ COMMITTED, as if sent one by one (so a read placed after others
 * sees at least what they saw); elsewhere one after the other. Each read's rows made as readRowsIn makes them, or
 * as given (`meta` null). On a transaction's connection, or the pool's.
 */
export async function readTogether(em: EntityManager, reads: TogetherRead[]): Promise<unknown[][]> {
  const context = em.getTransactionContext<Knex.Transaction>();
  const made = (read: TogetherRead, rows: Array<Record<string, unknown>>) =>
    read.meta ? rows.map(readerOf(em, read.meta)) : rows;
  if (!(em.getDriver() instanceof PostgreSqlDriver) || reads.length < 2) {
    const out: unknown[][] = [];
    for (const read of reads) out.push(made(read, (await inOneTrip(em, [read], context))[0]));
    return out;
  }
  const results = await inOneTrip(em, reads, context);
  return reads.map((read, k) => made(read, results[k]));
}

/**
 * Statements sent as one query: on PostgreSQL one round trip, their values formatted into the text as MikroORM
 * formats its own, run by the database in order; each statement's rows, in order. The one sender of joined
 * statements: readTogether's reads, and a held sync turn's update with the plan counter's bump after it
 * (set-update.ts). On `context`'s connection (a transaction's), or the pool's.
 */
export async function inOneTrip(
  em: EntityManager,
  statements: ReadonlyArray<{ sql: string; bindings: readonly unknown[] }>,
  context: Knex.Transaction | undefined,
): Promise<Array<Array<Record<string, unknown>>>> {
  const result = (await (em as SqlEntityManager).getConnection().execute(
    statements.map((s) => s.sql).join(';\n'),
    statements.flatMap((s) => s.bindings),
    'all',
    context,
  )) as unknown as Array<Record<string, unknown>> | Array<Array<Record<string, unknown>>>;
  // one statement's rows come as they are, several statements' as a list of each one's (transformRawResult)
  return statements.length === 1
    ? [result as Array<Record<string, unknown>>]
    : (result as Array<Array<Record<string, unknown>>>);
}

/**
 * A many-to-many collection of many owners in one statement: the target rows joined with the pivot table, the
 * target's filters applied. `owner id → its targets`, in the relation's declared order (`orderBy` of its decorator),
 * as em.populate gives them.
 */
export async function readCollection<T extends object>(
  em: EntityManager,
  owner: EntityClass<object>,
  property: string,
  ownerIds: readonly string[],
): Promise<Map<string, T[]>> {
  const metadata = em.getMetadata();
  const prop = metadata.get(owner.name).properties[property] as EntityProperty;
  if (prop?.kind !== ReferenceKind.MANY_TO_MANY || !prop.owner)
    throw new Error(`${owner.name}.${property} is not an owning many-to-many property`);
  const out = new Map<string, T[]>();
  if (ownerIds.length === 0) return out;
  const target = prop.targetMeta!;
  const [from] = prop.joinColumns;
  const [to] = prop.inverseJoinColumns;
  const [key] = target.getPrimaryProps()[0].fieldNames;
  const qb = (em as SqlEntityManager).createQueryBuilder(target.class, 'e').select('*');
  await qb.applyFilters();
  const query = qb
    .getKnexQuery()
    .select(`p.${from} as ${OWNER}`)
    .join(`${prop.pivotTable} as p`, `p.${to}`, `e.${key}`)
    .whereIn(`p.${from}`, [...ownerIds]);
  // the relation's declared order, as em.populate applies it
  for (const order of [prop.orderBy ?? []].flat() as Array<Record<string, string>>) {
    for (const [name, direction] of Object.entries(order)) {
      query.orderBy(
        `e.${target.properties[name as never].fieldNames[0]}`,
        String(direction).toLowerCase().startsWith('desc') ? 'desc' : 'asc',
      );
    }
  }
  const rows = (await (em as SqlEntityManager)
    .getConnection()
    .execute(query, [], 'all', em.getTransactionContext())) as Record<string, unknown>[];
  const make = readerOf(em, target);
  for (const row of rows) {
    const ownerId = row[OWNER] as string;
    const item = make(row) as T;
    const list = out.get(ownerId);
    if (list) list.push(item);
    else out.set(ownerId, [item]);
  }
  return out;
}

const OWNER = '__owner_id';

/**
 * indicator id → ids of its responsible units, for every indicator of a plan: one statement on the link table and
 * the units' names, without loading the units (the plan state has them already), in the relation's declared order
 * (Indicator.responsibleUnits: by name, then id), as em.populate gives them.
 */
export async function readPlanUnitLinks(em: EntityManager, planId: string): Promise<Map<string, string[]>> {
  const unitsOf = new Map<string, string[]>();
  const links = (await em
    .getConnection()
    .execute(
      'select l.indicator_id, l.org_unit_id from indicator_responsible_units l join org_unit u on u.id = l.org_unit_id' +
        ' where l.indicator_id in (select id from indicator where plan_id = ?) order by u.name, u.id',
      [planId],
      'all',
      em.getTransactionContext(),
    )) as Array<{ indicator_id: string; org_unit_id: string }>;
  for (const link of links) {
    const list = unitsOf.get(link.indicator_id);
    if (list) list.push(link.org_unit_id);
    else unitsOf.set(link.indicator_id, [link.org_unit_id]);
  }
  return unitsOf;
}

/**
 * A read-only row from a row of the entity's table as the database gave it (column names): what readRows makes of
 * it. For rows a statement other than a SELECT returned whole (set-update.ts: `returning`).
 */
export function readOnlyRow<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  row: Record<string, unknown>,
): E {
  return readerOf(em, em.getMetadata().get(entity.name))(row) as E;
}

type Reader = (row: Record<string, unknown>) => object;

const readers = new WeakMap<EntityMetadata, Reader>();
const prototypes = new WeakMap<EntityMetadata, object>();

/**
 * The entity's prototype with plain data properties over MikroORM's property accessors: assigning to a read-only
 * row then stores the value, instead of waking the unit of work's propagation machinery.
 */
function plainPrototype(meta: EntityMetadata): object {
  let proto = prototypes.get(meta);
  if (!proto) {
    proto = Object.create(meta.prototype) as object;
    for (const prop of meta.props) {
      Object.defineProperty(proto, prop.name, {
        value: undefined,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
    prototypes.set(meta, proto);
  }
  return proto;
}

/**
 * A compiled constructor from a database row (column names) to a read-only row (property names), converting as
 * MikroORM's result mapper and hydrator do: custom types (JSON, double) through the type, booleans from 0/1, dates
 * parsed in the configured time zone, many-to-one columns as id-only references. Compiled, as MikroORM compiles its
 * own, so that every row of an entity gets one fixed shape in a single allocation: a plan tree makes 60,000.
 */
function readerOf(em: EntityManager, meta: EntityMetadata): Reader {
  let reader = readers.get(meta);
  if (reader) return reader;
  const platform = em.getPlatform();
  const tz = platform.getTimezone();
  const helpers: Record<string, unknown> = {};
  const lines: string[] = [];
  meta.props.forEach((prop, i) => {
    // a lazy property is not loaded with its row, as in a managed entity (PlanVersion.changeCount)
    if (!prop.fieldNames?.length || prop.lazy) return;
    if (prop.fieldNames.length > 1)
      throw new Error(`${meta.className}.${prop.name}: composite columns are not supported by readRows`);
    const to = `this[${JSON.stringify(prop.name)}]`;
    const from = `row[${JSON.stringify(prop.fieldNames[0])}]`;
    if (prop.kind === ReferenceKind.SCALAR) {
      const type = prop.customType;
      if (type && prop.runtimeType !== 'Date') {
        helpers[`convert${i}`] = (value: unknown) => type.convertToJSValue(value, platform, { mode: 'serialization' });
        lines.push(`v = ${from}; ${to} = v == null ? v : h.convert${i}(v);`);
      } else if (prop.runtimeType === 'boolean') {
        lines.push(`v = ${from}; ${to} = v == null ? v : !!v;`);
      } else if (prop.runtimeType === 'Date' && !platform.isNumericProperty(prop)) {
        lines.push(`v = ${from}; ${to} = h.date(v);`);
      } else {
        lines.push(`${to} = ${from};`);
      }
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      helpers[`Ref${i}`] = referenceOf(prop.targetMeta!);
      lines.push(`v = ${from}; ${to} = v == null ? v : new h.Ref${i}(v);`);
    }
  });
  // as MikroORM's result mapper: an instant with an offset as it is, one without in the configured zone
  helpers.date = (value: unknown) => {
    if (value == null || value instanceof Date) return value;
    if (typeof value === 'bigint') return platform.parseDate(Number(value));
    if (!tz || tz === 'local' || typeof value === 'number') return platform.parseDate(value as string);
    const text = String(value);
    return platform.parseDate(
      text.includes('+') || text.lastIndexOf('-') > 10 || text.endsWith('Z') ? text : text + tz,
    );
  };
  const Row = new Function('h', `return function ${meta.className}Row(row) {\n  let v;\n  ${lines.join('\n  ')}\n};`)(
    helpers,
  ) as { prototype: object };
  Row.prototype = plainPrototype(meta);
  reader = (row) => new (Row as unknown as new (row: Record<string, unknown>) => object)(row);
  readers.set(meta, reader);
  return reader;
}

const references = new WeakMap<EntityMetadata, new (id: unknown) => object>();

/** An unpopulated reference: the target's class, only its id. */
function referenceOf(meta: EntityMetadata): new (id: unknown) => object {
  let Ref = references.get(meta);
  if (!Ref) {
    const ctor = function (this: { id: unknown }, id: unknown) {
      this.id = id;
    } as unknown as new (id: unknown) => object;
    ctor.prototype = plainPrototype(meta);
    Ref = ctor;
    references.set(meta, Ref);
  }
  return Ref;
}
