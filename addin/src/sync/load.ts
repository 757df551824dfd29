/**
 * Load: the plan's rows for a year and checkpoint, written into a NEW table in the canonical layout (headers in the
 * workbook's language, hidden id / version / hash columns, dropdowns, text formats so values stay as typed), with
 * realization, traffic lights and the chart. The binding goes into the workbook settings; the token does not.
 */
import { sheetLayout, type LayoutColumn, type LayoutLanguage } from '@core/sheet/layout';
import type { PlanDetails } from '../api/types';
import type { Cell, ColumnSetup } from '../workbook/port';
import { idsByKey } from './column-identity';
import { canonicalHeaders, linesOf, type PlanTable } from './columns';
import { statusLabel, type OperationContext } from './context';
import { parentNames, serverCells } from './server-cells';
import type { StoredState } from './state';
import type { Binding, LoadRequest, LoadSummary } from './types';
import { lightsFor, refreshVisuals } from './visuals';

/** the columns of a new table; the cruscotto columns only when its rows have cruscotti (a Bergamo plan) */
export function layoutColumns(language: LayoutLanguage, cruscotti = false): ColumnSetup[] {
  return sheetLayout(cruscotti).map((c) => columnSetup(c, language));
}

/** a layout column as the table gets it: header in the workbook's language, format, dropdown, hidden, width */
export function columnSetup(c: LayoutColumn, language: LayoutLanguage): ColumnSetup {
  return {
    header: c[language],
    numberFormat: c.numberFormat,
    list: c.list,
    hidden: c.kind === 'hidden',
    width: c.width,
  };
}

/** The state of a table just written from the server's rows, by load or by bind: no Sync completed yet. */
export function freshState(
  serverUrl: string,
  request: Pick<Binding, 'year' | 'checkpoint' | 'scope'>,
  plan: PlanDetails,
  passMarks: number[],
  where: Pick<Binding, 'table' | 'sheet' | 'language' | 'serverTime' | 'cursor'>,
): StoredState {
  return {
    binding: {
      serverUrl,
      organisationId: plan.organisation.id,
      planId: plan.id,
      planLabel: plan.label,
      year: request.year,
      checkpoint: request.checkpoint,
      ...(request.scope ? { scope: { ...request.scope } } : {}),
      table: where.table,
      sheet: where.sheet,
      language: where.language,
      serverTime: where.serverTime,
      cursor: where.cursor,
    },
    profile: plan.scoringProfile
      ? {
          name: plan.scoringProfile.name,
          version: plan.scoringProfile.profileVersion,
          status: plan.scoringProfile.status === 'FROZEN' ? 'frozen' : 'draft',
          parameters: plan.scoringProfile.parameters,
        }
      : null,
    lights: lightsFor(plan.scoringProfile?.parameters, passMarks),
    generation: 0,
  };
}

/** Excel table names: letters, digits and underscores, unique in the workbook */
function freeName(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, '_');
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}_${n}`.toLowerCase())) return `${clean}_${n}`;
}

/** a scoped sheet's name says whose it is (Excel: at most 31 characters, none of : \\ / ? * [ ]) */
function scopeTag(name: string | undefined): string {
  return name
    ? ` ${name
        .replace(/[:\\/?*[\]]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()}`
    : '';
}

function freeSheet(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}

export async function loadPlan(
  ctx: OperationContext,
  serverUrl: string,
  request: LoadRequest,
): Promise<{ state: StoredState; summary: LoadSummary; table: PlanTable }> {
  const language = ctx.language;
  const { plan, passMarks } = await ctx.client.plan(request.planId);
  if (!plan) throw new Error(`plan ${request.planId} not found`);
  ctx.progress('load', 0, 1);
  // with its cruscotti: a Bergamo plan shows each objective in several of them, each a row of its own
  const page = await ctx.client.sheetRows(request.planId, request.year, request.checkpoint, null, true, request.scope);
  const cruscotti = page.rows.some((row) => !!row.dashboard);
  const existing = await ctx.port.listTables();
  const checkpointTag = request.checkpoint === 'YEAR_END' ? '3112' : '3006';
  const table =
    request.table ??
    freeName(`Cruscotto_${request.year}_${checkpointTag}`, new Set(existing.map((t) => t.name.toLowerCase())));
  const sheet =
    request.sheet ??
    freeSheet(
      `Piano ${request.year}${request.checkpoint === 'MID_YEAR' ? ' 30-6' : ''}${scopeTag(request.scope?.name)}`.slice(
        0,
        28,
      ),
      new Set(existing.map((t) => t.sheet.toLowerCase())),
    );

  const parents = parentNames(page.rows);
  const status = statusLabel(language, 'SYNCED');
  const keys = sheetLayout(cruscotti).map((c) => c.key);
  const rows: Cell[][] = page.rows.map((row) => {
    const cells = serverCells(row, parents.get(row.rowId) ?? '', status, language);
    return keys.map((k) => cells[k]);
  });
  ctx.progress('load', 0, rows.length);
  const columnIds = await ctx.port.createTable(sheet, table, layoutColumns(language, cruscotti), rows);
  ctx.progress('load', rows.length, rows.length);

  const state = freshState(serverUrl, request, plan, passMarks, {
    table,
    sheet,
    language,
    serverTime: page.serverTime,
    cursor: page.cursor,
  });
  state.binding.columnIds = idsByKey(keys, columnIds);
  const headers = canonicalHeaders(language, cruscotti);
  // the table's columns are the plan table's and the cruscotto columns: the binding says so, or reading it back
  // would look for the plan table's alone
  if (cruscotti) state.binding.columns = headers;
  const view = linesOf(
    { name: table, sheet, headers: keys.map((k) => headers[k]!), rowCount: rows.length, rows },
    headers,
  );
  await refreshVisuals(ctx.port, view, state.lights, language);
  // the rows as written: the merge base takes them without reading the table back (merge-sync.ts, noteBase)
  return { state, summary: { rows: rows.length, table, sheet }, table: view };
}
