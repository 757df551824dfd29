import { AuditEvent, CheckpointLock, OrgUnit } from '../../server/entities';
import { SyncBatch } from '../../server/entities/sync-batch';
import { TREE_ENTITIES } from '../../server/services/plan-snapshot';
import type { SheetRowIn } from '@core/sheet/row';
import type { ParsedValue } from '@core/values/types';
import type { SheetRowOut } from '../../server/sync/sheet-rows';
import type { GraphQLResponse, TestServer } from './server';

/**
 * Shared helpers of the sheet-sync integration tests (test/integration/sync*.test.ts): one fixed selection set for
 * `syncRows` and `sheetRows`, reading the Sondrio plan as sheet rows, and before/after snapshots of the database.
 */

export type { SheetRowIn };

export const VALUE = 'raw kind number date boolean unit comparator placeholder warnings';
export const SHEET_ROW = `rowId rowVersion level code title parentId weight kpi unit polarity rule
  target { ${VALUE} } originalTarget { ${VALUE} } thresholds { score value { ${VALUE} } } futureTargets { year value { ${VALUE} } }
  actual { ${VALUE} } neutralised neutralisationReason note responsibleUnits updatedAt`;
export const SYNC_RESULT = `planId year checkpoint mode batchKey replayed applied
  rows { index clientRef rowId status rowVersion errors { column code message messageIt }
    current { ${SHEET_ROW} changedBy changedAt } realization { status score display text explanation } }
  affected { id level code realization { status score display text } }`;

export const SYNC_ROWS = `mutation Sync($input: SyncBatchInput!) { syncRows(input: $input) { ${SYNC_RESULT} } }`;
export const SHEET_ROWS = `query Rows($planId: ID!, $year: Int!, $checkpoint: Checkpoint!, $since: DateTimeISO, $after: String) {
  sheetRows(planId: $planId, year: $year, checkpoint: $checkpoint, since: $since, after: $after) {
    rows { ${SHEET_ROW} } deletedRowIds serverTime cursor } }`;
export const ROW_HISTORY = `query History($rowId: ID!, $planId: ID!, $year: Int!) {
  rowHistory(rowId: $rowId, planId: $planId, year: $year) { entityType entityId action actor source sourceDetail at before after } }`;

export type Value = {
  raw: string;
  kind: string;
  number: number | null;
  date: string | null;
  boolean: boolean | null;
  unit: string | null;
  comparator: string | null;
  placeholder: string | null;
  warnings: string[];
};
/**
 * A cell's type as JSON carries it to a client: a ParsedValue in the selection `VALUE` asks for, a Date as ISO text.
 * Derived from the server's own row type, so a column added there reaches these tests without a second list.
 */
type Wire<T> = T extends ParsedValue
  ? Value
  : T extends Date
    ? string
    : T extends Array<infer E>
      ? Array<Wire<E>>
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;
/** A plan row as `SHEET_ROW` selects it: the server's row but its cruscotto cells, the level as the enum spells it. */
export type SheetRow = Wire<Omit<SheetRowOut, 'level' | 'dataSource' | keyof CruscottoCells>> & {
  level: Uppercase<SheetRowOut['level']>;
};
/** The cruscotto cells of a row that sheetRows answers with dashboards: true, as they travel (none is a date). */
export type CruscottoCells = Pick<SheetRowOut, 'actionLabel' | 'dashboard' | 'dashboardKind' | 'dashboardOwner'> &
  Pick<SheetRowOut, 'position' | 'entryLevel' | 'entryWeight' | 'entryDataSource'>;
export type CellError = { column: string; code: string; message: string; messageIt: string };
export type RowResult = {
  index: number;
  clientRef: string | null;
  rowId: string | null;
  status: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'DELETED' | 'CONFLICT' | 'REJECTED';
  rowVersion: number | null;
  errors: CellError[];
  current: (SheetRow & { changedBy: string | null; changedAt: string | null }) | null;
  realization: { status: string; score: number | null; display: string | null; text: string; explanation: any } | null;
};
export type SyncResult = {
  planId: string;
  year: number;
  checkpoint: string;
  mode: string;
  batchKey: string | null;
  replayed: boolean;
  applied: number;
  rows: RowResult[];
  affected: Array<{
    id: string;
    level: string;
    code: string | null;
    realization: { status: string; score: number | null; display: string | null; text: string } | null;
  }>;
};
export type SheetRowsPage = { rows: SheetRow[]; deletedRowIds: string[]; serverTime: string; cursor: string };
export type Batch = {
  planId: string;
  rows: SheetRowIn[];
  year?: number;
  checkpoint?: 'YEAR_END' | 'MID_YEAR';
  mode?: 'PARTIAL' | 'ATOMIC';
  batchKey?: string | null;
  source?: {
    kind: 'ADDIN' | 'GRAPHQL' | 'IMPORT';
    workbook?: string | null;
    sheet?: string | null;
    author?: string | null;
  } | null;
};

export function ok<T = any>(result: GraphQLResponse<T>): T {
  if (result.errors) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** The field problems of a refused request (BAD_USER_INPUT). */
export function problems(result: GraphQLResponse): Array<{ field: string; code: string; message: string }> {
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  // every problem says it in Italian too (test/integration/errors-italian.test.ts scans the words); compared here
  // without it, so the English shapes below stay the contract they were
  const all = result.errors![0].extensions!.problems as Array<{ messageIt?: string }>;
  for (const p of all) expect(p.messageIt).toEqual(expect.any(String));
  return all.map(({ messageIt: _it, ...p }) => p) as Array<{ field: string; code: string; message: string }>;
}

/** Each row's status with its errors as column:code, the shape most batch assertions compare. */
export function outcomes(result: Pick<SyncResult, 'rows'>): Array<[RowResult['status'], string[]]> {
  return result.rows.map((r) => [r.status, r.errors.map((e) => `${e.column}:${e.code}`)]);
}

/** Who sends a batch: a test server's administrator, or any caller (`server.as(role, org)`). */
type Sender = Pick<TestServer, 'gql'>;
export function syncRaw(server: Sender, batch: Batch): Promise<GraphQLResponse<{ syncRows: SyncResult }>> {
  const input = { year: 2022, checkpoint: 'YEAR_END', mode: 'PARTIAL', ...batch };
  return server.gql(SYNC_ROWS, { input });
}

export async function sync(server: Sender, batch: Batch): Promise<SyncResult> {
  return ok(await syncRaw(server, batch)).syncRows;
}

export async function readRows(
  server: TestServer,
  planId: string,
  options: { year?: number; checkpoint?: 'YEAR_END' | 'MID_YEAR'; since?: string | null; after?: string | null } = {},
): Promise<SheetRowsPage> {
  const data = ok(
    await server.gql(SHEET_ROWS, {
      planId,
      year: options.year ?? 2022,
      checkpoint: options.checkpoint ?? 'YEAR_END',
      since: options.since ?? null,
      after: options.after ?? null,
    }),
  );
  return data.sheetRows;
}

export async function rowHistory(
  server: TestServer,
  planId: string,
  rowId: string,
  year = 2022,
): Promise<
  Array<{
    entityType: string;
    entityId: string;
    action: string;
    actor: string | null;
    source: string;
    sourceDetail: string | null;
    at: string;
    before: any;
    after: any;
  }>
> {
  return ok(await server.gql(ROW_HISTORY, { rowId, planId, year })).rowHistory;
}

/** A row as the server has it now, by level and code (a perspective by its title), read through sheetRows. */
export async function currentRow(server: TestServer, planId: string, level: string, code: string): Promise<SheetRow> {
  const { rows } = await readRows(server, planId);
  const row = rows.find((r) => r.level === level.toUpperCase() && (r.code ?? r.title) === code);
  if (!row) throw new Error(`no ${level} ${code}`);
  return row;
}

/** The seeded Sondrio plan as the sheet sees it, with its rows indexed by level and code. */
export type SondrioPlan = {
  planId: string;
  orgId: string;
  rows: SheetRow[];
  /** a row by level and code: indicator('1.1.2'), operational('1.1'), strategic('1'); perspective by title */
  indicator(code: string): SheetRow;
  operational(code: string): SheetRow;
  strategic(code: string): SheetRow;
  perspective(title: string): SheetRow;
};

export async function sondrioPlan(server: TestServer): Promise<SondrioPlan> {
  const plans = ok(await server.gql('{ planVersions { id label organisation { id } } }')).planVersions as Array<{
    id: string;
    label: string;
    organisation: { id: string };
  }>;
  const plan = plans.find((p) => p.label === 'Piano 2022-2024 REV. 0');
  if (!plan) throw new Error('the Sondrio plan is not seeded');
  const { rows } = await readRows(server, plan.id);
  const find = (level: string, key: (r: SheetRow) => string | null) => (wanted: string) => {
    const row = rows.find((r) => r.level === level.toUpperCase() && key(r) === wanted);
    if (!row) throw new Error(`no ${level} row ${wanted}`);
    return row;
  };
  return {
    planId: plan.id,
    orgId: plan.organisation.id,
    rows,
    indicator: find('indicator', (r) => r.code),
    operational: find('operational', (r) => r.code),
    strategic: find('strategic', (r) => r.code),
    perspective: find('perspective', (r) => r.title),
  };
}

/** A sheet row that changes `cells` of a row the sheet read, naming the version it saw. */
export const edit = (row: Pick<SheetRow, 'rowId' | 'rowVersion'>, cells: SheetRowIn): SheetRowIn => ({
  rowId: row.rowId,
  rowVersion: row.rowVersion,
  ...cells,
});

/**
 * A read with its times zeroed, and its cursor (a count of the plan's commits: syncs sent together to one instance
 * commit once, plan-queue.ts): the answers of two servers compared field by field
 */
export const withoutTimes = (value: unknown) =>
  JSON.parse(JSON.stringify(value).replace(/"(serverTime|updatedAt|changedAt|cursor)":"[^"]*"/g, '"$1":0'));

/** The row versions the last sync answers gave, as the add-in keeps them: each edit names its row's latest version. */
export class RowVersions {
  private readonly latest = new Map<string, number>();

  /** the row with `actual` typed, at the version the last answer gave (or the one read) */
  actual(row: SheetRow, actual: string): SheetRowIn {
    return edit({ rowId: row.rowId, rowVersion: this.latest.get(row.rowId!) ?? row.rowVersion }, { actual });
  }

  /** keeps the versions a sync answered */
  note(answer: { syncRows: { rows: Array<{ rowId: string | null; rowVersion: number | null }> } }): void {
    for (const r of answer.syncRows.rows) if (r.rowId && r.rowVersion !== null) this.latest.set(r.rowId, r.rowVersion);
  }

  get(rowId: string): number | undefined {
    return this.latest.get(rowId);
  }
}

const NONE: SheetRowIn[] = [];
/** Types `actuals` (indicator code → cell) and any `more` rows into the Sondrio plan in one batch: all must update. */
export async function syncActuals(server: Sender, plan: SondrioPlan, actuals: Record<string, string>, more = NONE) {
  const rows = Object.entries(actuals).map(([code, actual]) => edit(plan.indicator(code), { actual }));
  const result = await sync(server, { planId: plan.planId, rows: [...rows, ...more] });
  expect(result.rows.filter((r) => r.status !== 'UPDATED')).toEqual([]);
}

/** A new action ("Nuova azione") typed under an operational objective, with its target: the sheet's commonest new row. */
export const newAction = (clientRef: string, parentRef: string, code: string, target: string): SheetRowIn => ({
  clientRef,
  level: 'azione',
  code,
  title: 'Nuova azione',
  parentRef,
  target,
});

/** A row read from the server, sent back as the sheet would: every cell as text, with its id and version. */
export function asInput(row: SheetRow): SheetRowIn {
  const flag = (b: boolean) => (b ? 'SI' : 'NO');
  return {
    rowId: row.rowId,
    rowVersion: row.rowVersion,
    level: row.level.toLowerCase(),
    code: row.code,
    title: row.title,
    parentRef: row.parentId,
    weight: row.weight === null ? '' : String(row.weight),
    kpi: row.kpi ?? '',
    ...(row.level === 'INDICATOR'
      ? {
          unit: row.unit ?? '',
          polarity: row.polarity ?? '',
          rule: row.rule ?? '',
          target: row.target?.raw ?? '',
          thresholds: row.thresholds.map((t) => ({ score: t.score, value: t.value.raw })),
          futureTargets: row.futureTargets.map((f) => ({ year: f.year, value: f.value.raw })),
          actual: row.actual?.raw ?? '',
          neutralised: flag(row.neutralised),
          neutralisationReason: row.neutralisationReason ?? '',
          note: row.note ?? '',
          responsibleUnit: row.responsibleUnits.join('; '),
        }
      : {}),
  };
}

/** Rows by id, without the given ones: what must be identical before and after a batch that touched only those. */
export function untouched(rows: SheetRow[], touched: Iterable<string>): Record<string, SheetRow> {
  const skip = new Set(touched);
  return Object.fromEntries(rows.filter((r) => !skip.has(r.rowId)).map((r) => [r.rowId, r]));
}

/** The main tables, by the name their count has in `tableCounts`: those a sheet row is made of, and what a batch adds. */
const COUNTED_TABLES = {
  ...TREE_ENTITIES,
  units: OrgUnit,
  events: AuditEvent,
  batches: SyncBatch,
  locks: CheckpointLock,
};

/** How many rows each main table has, and how many links from an indicator to a responsible unit. */
export type TableCounts = Record<keyof typeof COUNTED_TABLES | 'unitLinks', number>;

/** Rows of the main tables, counted straight from the database. */
export async function tableCounts(server: TestServer): Promise<TableCounts> {
  const em = server.orm.em.fork();
  const tables = Object.entries(COUNTED_TABLES);
  const counts = await Promise.all(tables.map(([, entity]) => em.count(entity, {})));
  const links = await em.getConnection().execute('select count(*) as n from indicator_responsible_units', [], 'get');
  return {
    ...(Object.fromEntries(tables.map(([name], i) => [name, counts[i]])) as Omit<TableCounts, 'unitLinks'>),
    unitLinks: Number((links as { n: number | string }).n),
  };
}

/** The SQL statements that write (insert, update, delete) among those logged. */
export function writes(statements: readonly string[]): string[] {
  return statements.filter((s) =>
    /^\s*(?:\[query\]\s*)?(?:insert|update|delete|replace|merge|upsert)\b/i.test(stripLogPrefix(s)),
  );
}

/** The statements that read or write rows (not transaction control), for counting the cost of a batch. */
export function dataStatements(statements: readonly string[]): string[] {
  return statements.filter((s) => /^\s*(?:select|insert|update|delete|with)\b/i.test(stripLogPrefix(s)));
}

function stripLogPrefix(s: string): string {
  // MikroORM logs "[query] <sql> [took n ms, …]", possibly with colour codes
  return s.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*\[query\]\s*/i, '');
}

/** A fresh code/key, unique within a test file run. */
let counter = 0;
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/**
 * Resolves once the clock reads a later millisecond than `time` (the server runs in this process, on this clock):
 * a change made after that is stamped after `time`, so a delta read `since` it must list it. Waits for that
 * condition itself rather than a fixed 20 ms.
 */
export async function pastMillisecond(time: string): Promise<void> {
  const after = Date.parse(time);
  while (Date.now() <= after) await new Promise((resolve) => setImmediate(resolve));
}

/** A full read to start a delta from: returned once the clock is past its `serverTime`, so what follows is after it. */
export async function deltaStart(server: TestServer, planId: string): Promise<SheetRowsPage> {
  const read = await readRows(server, planId);
  await pastMillisecond(read.serverTime);
  return read;
}

/**
 * Rows that differ between two reads, as "code (level) field: before → after" lines, for the rows not in `touched`;
 * rows that appeared or vanished are listed too. Empty when nothing else changed.
 */
export function changedRows(before: SheetRow[], after: SheetRow[], touched: Iterable<string>): string[] {
  const skip = new Set(touched);
  const a = untouched(before, skip);
  const b = untouched(after, skip);
  const out: string[] = [];
  const name = (r: SheetRow) => `${r.level.toLowerCase()} ${r.code ?? r.title}`;
  for (const [id, row] of Object.entries(a)) {
    const now = b[id];
    if (!now) {
      out.push(`${name(row)}: vanished`);
      continue;
    }
    for (const key of Object.keys(row) as Array<keyof SheetRow>) {
      const was = JSON.stringify(row[key]);
      const is = JSON.stringify(now[key]);
      if (was !== is) out.push(`${name(row)} ${key}: ${was.slice(0, 80)} → ${is.slice(0, 80)}`);
    }
  }
  for (const [id, row] of Object.entries(b)) if (!a[id]) out.push(`${name(row)}: appeared`);
  return out;
}
