import { randomUUID } from 'node:crypto';
import { Collection, type EntityClass, type EntityManager, ReferenceKind } from '@mikro-orm/core';
import { insertBound, writeTuples } from './bound-insert';

/**
 * Set-based inserts of rows a batch creates: plain column values written with multi-row INSERTs, never entities
 * tracked by the unit of work (which would diff every created row, and every row loaded with the plan, at flush).
 * The statements per table are bounded by the batch's row limit, not by its rows: a chunk carries as many rows as
 * fit in PARAMS_PER_STATEMENT bound values (PostgreSQL allows 65,535 per statement; SQLite's default is 32,766).
 */
const PARAMS_PER_STATEMENT = 30_000;

/** An entity's stored properties by kind: scalar columns, and references (kept as the referenced row's id) */
export type Columns = { scalars: string[]; references: string[] };
const columnsByEntity = new Map<string, Columns>();

export function columnsOf(em: EntityManager, entityName: string): Columns {
  let columns = columnsByEntity.get(entityName);
  if (!columns) {
    const meta = em.getMetadata().get(entityName);
    const stored = meta.props.filter((p) => p.persist !== false);
    columns = {
      scalars: stored
        .filter((p) => p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.EMBEDDED)
        .map((p) => p.name),
      references: stored
        .filter((p) => p.kind === ReferenceKind.MANY_TO_ONE || p.kind === ReferenceKind.ONE_TO_ONE)
        .map((p) => p.name),
    };
    columnsByEntity.set(entityName, columns);
  }
  return columns;
}

/** Inserts new, untracked instances of one entity class in as few statements as the parameter limit allows. */
export async function insertEntities(em: EntityManager, entities: object[]): Promise<void> {
  if (entities.length === 0) return;
  await insertBound(em, entities[0].constructor.name, entities as Array<Record<string, unknown>>, PARAMS_PER_STATEMENT);
}

/** New rows of one entity (id, version and timestamps given here), chunked under the bound-value limit. */
export async function insertNewRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const now = new Date();
  const full = rows.map((values) => ({ id: randomUUID(), version: 1, createdAt: now, updatedAt: now, ...values }));
  await insertBound(em, entity.name, full, PARAMS_PER_STATEMENT);
}

/** Plain rows (column values by property, references as ids, every column given), chunked under the bound-value limit. */
export async function insertPlainRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  await insertBound(em, entity.name, rows, PARAMS_PER_STATEMENT);
}

/** Inserts rows of a link table (no entity class of its own), chunked like entities. */
export async function insertLinks(
  em: EntityManager,
  table: string,
  columns: [string, string],
  pairs: Array<[string, string]>,
): Promise<void> {
  await writeTuples(em, table, columns, pairs, PARAMS_PER_STATEMENT);
}

const templates = new Map<new () => object, Record<string, unknown>>();

/** What newRow gives every row before its defaults */
const OWN_ALREADY = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/**
 * The defaults a class's constructor gives a new row (its field initialisers), read once per class, and every other
 * property the ORM watches through a setter on the prototype, as undefined (what the row reads for it anyway). The
 * ORM defines such a setter for each tracked property without an initialiser (weight, unit, a measurement's author
 * or note…); the first assignment to one of them on a row that does not own it runs the setter, which gives the row
 * its own ORM state (a WrappedEntity and an accessor pair per property): for an untracked new row, more than the
 * rest of its creation. An own property shadows the setter, so an assignment stays a plain write.
 */
function defaultsOf(Type: new () => object): Record<string, unknown> {
  let template = templates.get(Type);
  if (!template) {
    const sample = new Type() as Record<string, unknown>;
    template = {};
    for (const key of Object.keys(sample)) {
      const value = sample[key];
      if (key === 'id' || key === 'createdAt' || key === 'updatedAt' || value instanceof Collection) continue;
      template[key] = value;
    }
    const prototype = Type.prototype as object;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
      if (descriptor.set && !descriptor.get && !(key in template) && !OWN_ALREADY.has(key)) template[key] = undefined;
    }
    // the setters exist once the ORM has discovered the entities (always before a sync): not cached before then
    if ('__meta' in prototype) templates.set(Type, template);
  }
  return template;
}

/** newRow's row of a class before its own values: every key in newRow's order, and the keys whose default is copied */
type Shape = { row: Record<string, unknown>; copied: string[] };
const shapes = new Map<new () => object, Shape>();

/**
 * The row every new row of a class copies. Made with Object.fromEntries, it has V8's fast properties, and so does
 * each copy (`{ ...row }`), with the same hidden class: a row built key by key (`row[key] = …`) past a dozen
 * properties became a dictionary (indicators and actuals, ~25 properties each: 20,000 of them in bench B1), slower
 * to build, to read (its audit text, its insert's values, its scoring) and larger for the collector.
 */
function shapeOf(Type: new () => object): Shape {
  let shape = shapes.get(Type);
  if (!shape) {
    const defaults = defaultsOf(Type);
    // the order newRow always gave its keys: id, version and the timestamps, then the defaults (a default version
    // replaces the 1 in place, as the assignment after it did)
    const row = Object.fromEntries([
      ['id', undefined],
      ['version', 1],
      ['createdAt', undefined],
      ['updatedAt', undefined],
      ...Object.entries(defaults),
    ]);
    const copied = Object.keys(defaults).filter((key) => defaults[key] !== null && typeof defaults[key] === 'object');
    shape = { row, copied };
    // cached with the defaults it was made from (defaultsOf: not before the ORM has discovered the entities)
    if (templates.has(Type)) shapes.set(Type, shape);
  }
  return shape;
}

/**
 * A new row as an untracked instance of its entity class (so `instanceof` and the services read it like a loaded
 * row), with the constructor's defaults and version 1 as the database gives it. Built as plain own properties
 * rather than with `new`: the ORM's per-property accessors cost more than the rest of a create, per row. A default
 * array or object is the row's own copy.
 */
export function newRow<T extends object>(Type: new () => T, values: Partial<T>): T {
  const { row: shape, copied } = shapeOf(Type);
  const now = new Date();
  const row: Record<string, unknown> = { ...shape };
  row.id = randomUUID();
  row.createdAt = now;
  row.updatedAt = now;
  for (const key of copied) {
    const value = row[key];
    row[key] = Array.isArray(value) ? value.slice() : { ...(value as object) };
  }
  Object.assign(row, values);
  return Object.setPrototypeOf(row, Type.prototype) as T;
}
