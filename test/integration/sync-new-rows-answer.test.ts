/**
 * The answer and the audit trail of a sheet of new rows (bench B1's shape, a few hundred rows in two batches, with
 * the variants a real sheet has: no actual, no thresholds, a new unit, a refused cell, a non-numeric target), held
 * against an expectation captured from the code before B1's write path was made cheaper (session b1write): every
 * row's answer with its explanation (and the replay of a batch key, equal to it), every audit event (who, when, what, before and after
 * per field) and the rows as sheetRows reads them back. Ids are named by where they first appear and times checked
 * to fall within the test before they are named, so the expectation holds on any run and on both databases.
 *
 * To capture it again from a commit known good: `SYNC_EXPECTATION=capture npx jest <this file>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AuditEvent, OperationalObjective, Perspective, StrategicObjective } from '../../server/entities';
import { databaseNames } from '../helpers/databases';
import { withServerAnd } from '../helpers/server';
import { newActionRow, planShell } from '../helpers/synthetic-plan';
import { ok, SHEET_ROWS, SYNC_ROWS, type SheetRowIn, type SyncResult } from '../helpers/sync';

const EXPECTED = path.join(__dirname, '..', 'fixtures', 'sync-new-rows-expected.json');
const CAPTURE = process.env.SYNC_EXPECTATION === 'capture';
const ROWS = 240;
const BATCH = 120;

/**
 * B1's row, with a variant every few rows. Each batch hangs its rows from parents of its own: a new row's position is
 * its place in its batch, and rows of two batches at one position of one parent would come in the order of their ids.
 */
function rowOf(n: number, parents: string[]): SheetRowIn {
  const half = parents.length / 2;
  const own = parents.slice(n < BATCH ? 0 : half, n < BATCH ? half : undefined);
  const row: SheetRowIn = { ...newActionRow(n, own[n % own.length]), level: 'azione' };
  if (n % 5 === 0) row.actual = null;
  if (n % 3 === 0) row.thresholds = null;
  if (n % 7 === 0) row.responsibleUnit = `U.O. "Nuova ${n % 2}"`;
  if (n % 11 === 0) row.target = n % 2 ? 'n.d.' : '80%';
  if (n % 13 === 0) row.weight = 'molto';
  if (n % 17 === 0) Object.assign(row, { polarity: 'decrescente', kpi: 'Tempo medio', unit: 'giorni' });
  if (n % 19 === 0) row.clientRef = `r${n}`;
  return row;
}

/** what an audit event holds, but its organisation (a reference, compared by id) */
const EVENT_FIELDS = [
  'id',
  'planId',
  'entityType',
  'entityId',
  'action',
  'actor',
  'source',
  'sourceDetail',
  'at',
  'before',
  'after',
  'batchKey',
  'version',
  'createdAt',
  'updatedAt',
] as const;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/** `value` with every object's keys in one order: PostgreSQL's jsonb keeps a snapshot's keys sorted, SQLite as written */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

/**
 * `value` as JSON (keys in one order) with each id named by the order it first appears in (`#1`, `#2`…), and each time checked to lie
 * between `from` and `to` and then named `<time>`.
 */
function named(value: unknown, from: number, to: number): unknown {
  const ids = new Map<string, string>();
  const text = JSON.stringify(canonical(value))
    .replace(UUID, (id) => {
      if (!ids.has(id)) ids.set(id, `#${ids.size + 1}`);
      return ids.get(id)!;
    })
    .replace(ISO_TIME, (time) => {
      const at = Date.parse(time);
      if (!(at >= from - 1000 && at <= to + 1000)) throw new Error(`${time} is not a time of this test`);
      return '<time>';
    });
  return JSON.parse(text);
}

/** The audit events in an order that does not depend on the ids drawn: by batch, by the sheet row they belong to. */
function inSheetOrder(events: AuditEvent[], answers: SyncResult[]): AuditEvent[] {
  const rowOf = new Map<string, string>();
  answers.forEach((a, b) =>
    a.rows.forEach((r) => r.rowId && rowOf.set(r.rowId, `${b}:${String(r.index).padStart(5, '0')}`)),
  );
  const ofTarget = new Map<string, string>();
  for (const e of events)
    if (e.entityType === 'Target') ofTarget.set(e.entityId, rowOf.get(String(e.after?.indicator)) ?? '');
  const owner = (e: AuditEvent) =>
    rowOf.get(e.entityId) ??
    rowOf.get(String(e.after?.indicator)) ??
    ofTarget.get(String(e.after?.target)) ??
    `unit ${String(e.after?.name)}`;
  const key = (e: AuditEvent) =>
    [e.batchKey, owner(e), e.entityType, e.action, JSON.stringify(canonical(e.after)).replace(UUID, '')].join('|');
  return [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe.each(databaseNames())('a sheet of new rows answers as it did (%s)', (dialect) => {
  const ctx = withServerAnd(dialect, {}, async (server) =>
    server.orm.em.fork().transactional(async (tx) => {
      const { org, plan } = planShell(tx, 'NEWROWS');
      const perspective = tx.create(Perspective, { org, plan, name: 'P' });
      const so = tx.create(StrategicObjective, { org, plan, perspective, code: '9', title: 'OS' });
      const oos = Array.from({ length: 10 }, (_, i) =>
        tx.create(OperationalObjective, {
          org,
          plan,
          strategicObjective: so,
          code: `9.${i}.x`,
          title: 'OO',
          weight: 1,
          position: i + 1,
        }),
      );
      return { orgId: org.id, planId: plan.id, parents: oos.map((o) => o.id) };
    }),
  );

  it('every row, the replay, the audit trail and the rows read back equal the expectation', async () => {
    const { server, planId, orgId, parents } = ctx;
    const from = Date.now();
    const rows = Array.from({ length: ROWS }, (_, n) => rowOf(n, parents));
    const sync = (n: number) =>
      server.gql<{ syncRows: SyncResult }>(SYNC_ROWS, {
        input: {
          planId,
          year: 2022,
          mode: 'PARTIAL',
          batchKey: `nuove-${n}`,
          source: { kind: 'ADDIN', workbook: 'Piano.xlsx', sheet: 'Azioni' },
          rows: rows.slice(n, n + BATCH),
        },
      });
    const answers: SyncResult[] = [];
    for (let n = 0; n < ROWS; n += BATCH) answers.push(ok(await sync(n)).syncRows);
    const replay = ok(await sync(0)).syncRows;
    const events = await server.orm.em.fork().find(AuditEvent, { org: orgId });
    const read = ok(await server.gql(SHEET_ROWS, { planId, year: 2022, checkpoint: 'YEAR_END' }));
    // by code: rows of one parent at one position would come in the order of the ids drawn
    const sheet = (read.sheetRows.rows as Array<{ code: string }>).sort((a, b) => (a.code < b.code ? -1 : 1));
    const to = Date.now();

    const trail = inSheetOrder(events, answers).map((e) => ({
      ...Object.fromEntries(EVENT_FIELDS.map((field) => [field, e[field] ?? null])),
      org: e.org?.id ?? null,
      // the event's own times are the moment it was recorded
      stampedAsRecorded: e.createdAt.getTime() === e.at.getTime() && e.updatedAt.getTime() === e.at.getTime(),
    }));
    // a retry of the first batch's key answers what the first batch answered
    expect(replay).toEqual({ ...answers[0], replayed: true });
    const seen = named({ answers, trail, sheet }, from, to);
    if (CAPTURE) {
      fs.writeFileSync(EXPECTED, `${JSON.stringify(seen)}\n`);
      return;
    }
    const expected = JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as typeof seen;
    expect(seen).toEqual(expected);
  });
});
