import { randomUUID } from 'node:crypto';
import { type EntityManager, wrap } from '@mikro-orm/core';
import { AuditAction } from '@core/vocabulary/enums';
import { AuditEvent } from '../entities/audit-event';
import type { Organisation } from '../entities/organisation';
import { JsonText } from '../speed/bound-insert';
import { columnsOf, insertPlainRows } from '../speed/bulk-write';
import { noteAuditRows } from './committed-changes';
import type { ServiceContext } from './service-context';

/** A row as plain data for the audit trail: scalars as stored, references as ids, collections left out. */
export function snapshot(em: EntityManager, entity: object): Record<string, unknown> {
  const { scalars, references } = columnsOf(em, entity.constructor.name);
  const row = entity as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of scalars) {
    const value = row[name];
    out[name] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  for (const name of references) {
    const value = row[name] as { id?: string } | null | undefined;
    out[name] = value ? (value.id ?? wrap(value, true).getPrimaryKey()) : null;
  }
  return out;
}

/** How snapshotText writes an entity's rows: its stored properties in snapshot's order, each with its `"name":` */
type TextWriter = { names: string[]; keys: string[]; scalars: number };
const textWriters = new Map<string, TextWriter>();

/**
 * `JSON.stringify(snapshot(em, entity))`, the same text, written from the row's properties without the object in
 * between (a property JSON leaves out, an id of undefined, is left out alike): the audit column stores this text. A
 * sheet sync snapshots every row it writes, four per new indicator row; the object each snapshot made and dropped and
 * its serialisation were a tenth of bench B1's event loop besides the inserts. test/unit/audit-snapshot-text.test.ts
 * compares the two for every entity.
 */
export function snapshotText(em: EntityManager, entity: object): JsonText {
  const name = entity.constructor.name;
  let writer = textWriters.get(name);
  if (!writer) {
    const { scalars, references } = columnsOf(em, name);
    const names = [...scalars, ...references];
    writer = { names, keys: names.map((n) => `${JSON.stringify(n)}:`), scalars: scalars.length };
    textWriters.set(name, writer);
  }
  const row = entity as Record<string, unknown>;
  const { names, keys } = writer;
  let text = '';
  for (let k = 0; k < names.length; k++) {
    const value = row[names[k]];
    let json: string | undefined;
    if (k < writer.scalars) {
      json =
        value instanceof Date ? JSON.stringify(value.toISOString()) : value == null ? 'null' : JSON.stringify(value);
    } else {
      const id = value ? ((value as { id?: string }).id ?? wrap(value, true).getPrimaryKey()) : null;
      json = id === undefined ? undefined : JSON.stringify(id);
    }
    if (json !== undefined) text += (text === '' ? '{' : ',') + keys[k] + json;
  }
  return new JsonText(text === '' ? '{}' : `${text}}`);
}

/** The plan version a changed row belongs to: itself, its `plan`, or its target's (a revision). */
function planIdOf(entity: object): string | null {
  const row = entity as { id: string; plan?: { id: string } | null; target?: { plan?: { id: string } | null } | null };
  if (entity.constructor.name === 'PlanVersion') return row.id;
  return row.plan?.id ?? row.target?.plan?.id ?? null;
}

/** A row as the audit trail keeps it: plain data (snapshot), or already its JSON text (snapshotText) */
export type Snapshot = Record<string, unknown> | JsonText;

/** What an audit event records: the row, what was done to it, and the row as plain data before and after */
export type Change = [entity: { id: string }, action: AuditAction, before: Snapshot | null, after: Snapshot | null];

/** a snapshot as the column stores it: its JSON text, written once */
const asText = (s: Snapshot | null) => s && (s instanceof JsonText ? s : new JsonText(JSON.stringify(s)));

/** a snapshot as the entity's JSON property holds it (the unit of work's path) */
const asData = (s: Snapshot | null) => (s instanceof JsonText ? (JSON.parse(s.text) as Record<string, unknown>) : s);

/**
 * Queues an audit event in the same unit of work as the change it records, so both commit or neither does. One
 * event per changed row, not one per sheet row with a diff of its parts: a new indicator row writes four (the
 * indicator, its target, the target's revision, its actual), because the trail is read per row of each table
 * (`auditEvents` by entity type and id, `rowHistory` over a row's members, the last change behind a conflict, the
 * deletions `sheetRows(since)` reports) and by the mutations that change one target or actual alone. Folding them
 * into one event would save a sheet sync three snapshots per new row, but change what those readers find.
 */
export function recordChange(
  ctx: ServiceContext,
  ...[entity, action, before, after, org]: [...Change, org: Organisation | null]
): void {
  const at = new Date();
  // one list of what an event holds, for both ways of writing it (a field added to one only was lost once)
  const event = {
    planId: planIdOf(entity),
    entityType: entity.constructor.name,
    entityId: entity.id,
    action,
    actor: ctx.actor,
    source: ctx.source,
    sourceDetail: ctx.sourceDetail,
    at,
    before: null as Record<string, unknown> | JsonText | null,
    after: null as Record<string, unknown> | JsonText | null,
    batchKey: ctx.batchKey ?? null,
  };
  if (ctx.auditBuffer) {
    // the row as inserted, completed in place (a sheet sync buffers four per new indicator row); the snapshots as
    // their JSON text now, as the column stores them: the objects die young instead of waiting, tens of thousands of
    // them, for the batch's insert (and the ORM's conversion of each at that insert is not needed)
    event.before = asText(before);
    event.after = asText(after);
    const row = Object.assign(event, {
      org: org?.id ?? null,
      id: randomUUID(),
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    if (ctx.auditRows) {
      // inserted now: its texts die young, not promoted with the batch's other rows (B1: they were half its heap)
      ctx.auditRows.run(row);
      const { planId, entityType, entityId, actor, source } = event;
      ctx.auditBuffer.push({ org: row.org, planId, entityType, entityId, action, actor, source, at });
      return;
    }
    ctx.auditBuffer.push(row);
    return;
  }
  event.before = asData(before);
  event.after = asData(after);
  ctx.em.persist(ctx.em.create(AuditEvent, Object.assign(event, { org })));
}

/**
 * Inserts buffered audit events set-based (server/speed/bulk-write.ts), in the caller's transaction, as many rows
 * per statement as stay under SQLite's 32,766 and PostgreSQL's 65,535 bound values (30,000 at most).
 */
export async function flushAuditBuffer(ctx: ServiceContext): Promise<void> {
  if (ctx.auditHeld) return;
  const rows = ctx.auditBuffer?.splice(0) ?? [];
  // inserted one by one as recorded (ServiceContext.auditRows): told as one statement, as the insert would be
  if (ctx.auditRows) {
    if (rows.length > 0) ctx.auditRows.told(0);
  } else await insertPlainRows(ctx.em, AuditEvent, rows as Array<Record<string, unknown>>);
  // the unit of work never sees these rows: the live updates hear of them here (committed-changes.ts)
  noteAuditRows(ctx.em, rows as Parameters<typeof noteAuditRows>[1]);
}
