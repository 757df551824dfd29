/**
 * What a Sync would send, shown before it sends (issue 18, item 4): each row going out (new, edited, marked ELIMINA,
 * refused here), cell by cell as the server has it now → as the sheet has it, and the problems the shared row parser
 * (core/sheet/parse-row.ts, the one the server's sync calls) sees in the cells sent. Nothing is written: the sheet,
 * its marks and the server stay as they are until the user presses Invia.
 */
import type { CruscottoClient } from '../api/client';
import { OfflineError } from '../api/errors';
import type { ServerRow } from '../api/types';
import type { Language } from '../i18n';
import { layoutColumn, type LayoutColumnKey } from '@core/sheet/layout';
import { parseRow } from '@core/sheet/parse-row';
import type { WorkbookPort } from '../workbook/port';
import { INPUT_KEYS, nodeCellsFor, visibleInputs, type InputKey, type Inputs, type Line } from './columns';
import { readPlanTable } from './context';
import { planSync, type LocalError } from './outgoing';
import { parentNames, serverInputs } from './server-cells';
import type { StoredState } from './state';

export type PreviewKind = 'new' | 'dirty' | 'delete' | 'refused';

/** one changed cell: `before` is the server's text ('' = empty), null when the server could not be asked */
export type PreviewCell = { key: InputKey; column: string; before: string | null; after: string };

export type PreviewProblem = { key: string; column: string; message: string };

export type PreviewRow = {
  /** 0-based body row, as the table is now */
  position: number;
  rowId: string | null;
  /** how the row is named: its code, or its title when it has none */
  name: string;
  title: string;
  kind: PreviewKind;
  cells: PreviewCell[];
  problems: PreviewProblem[];
};

export type SyncPreview = {
  rows: PreviewRow[];
  /** false offline: the cells' server values are unknown, the parser's problems are still found */
  serverKnown: boolean;
};

/** the column's name in the pane's language; a threshold's or a future target's index names its cell */
export function columnName(key: string, language: Language): string {
  const base = key.split('.')[0] as LayoutColumnKey;
  try {
    return layoutColumn(base)[language];
  } catch {
    return key;
  }
}

/** the server's cells of every row, as the sheet would show them; null when the server cannot be reached */
async function serverCells(client: CruscottoClient | null, state: StoredState): Promise<Map<string, Inputs> | null> {
  if (!client) return null;
  const { binding } = state;
  let rows: readonly ServerRow[];
  try {
    rows = (await client.sheetRows(binding.planId, binding.year, binding.checkpoint, null, false, binding.scope)).rows;
  } catch (error) {
    if (error instanceof OfflineError) return null;
    throw error;
  }
  const parents = parentNames(rows);
  return new Map(rows.map((row) => [row.rowId, serverInputs(row, parents.get(row.rowId) ?? '')]));
}

function problem(error: LocalError | { column: string; message: string; messageIt: string }, language: Language) {
  return {
    key: error.column,
    column: columnName(error.column, language),
    message: language === 'it' ? error.messageIt : `${error.messageIt} · ${error.message}`,
  };
}

export async function previewSync(
  port: WorkbookPort,
  state: StoredState,
  client: CruscottoClient | null,
  language: Language,
  years?: readonly number[],
): Promise<SyncPreview> {
  const table = await readPlanTable(port, state.binding);
  const plan = planSync(table);
  const server = await serverCells(client, state);
  const { year } = state.binding;
  // the plan's cycle decides which future years a row may name; unknown offline, no year is refused for it
  const cycle = years?.length ? years : Array.from({ length: 41 }, (_, i) => year - 20 + i);

  const cellsOf = (line: Line, kind: PreviewKind): PreviewCell[] => {
    const mine = visibleInputs(line.inputs, table.headers);
    const known = line.rowId ? server?.get(line.rowId) : undefined;
    const theirs = known ? visibleInputs(nodeCellsFor(line, known), table.headers) : null;
    const out: PreviewCell[] = [];
    for (const key of INPUT_KEYS) {
      if (!table.headers[key]) continue;
      const after = kind === 'delete' ? '' : mine[key].trim();
      // a new row has nothing on the server; an edited one shows only the cells that differ
      const before = !line.rowId ? '' : theirs ? theirs[key].trim() : null;
      if (before === null ? kind === 'delete' || after !== '' : before !== after)
        out.push({ key, column: columnName(key, language), before, after });
    }
    return out;
  };
  const rowOf = (line: Line, kind: PreviewKind, problems: PreviewProblem[]): PreviewRow => ({
    position: line.position,
    rowId: line.rowId,
    name: line.inputs.code.trim() || line.inputs.title.trim(),
    title: line.inputs.title.trim(),
    kind,
    cells: cellsOf(line, kind),
    problems,
  });

  const rows: PreviewRow[] = [];
  for (const { line, row, kind } of plan.outgoing) {
    const unit = line.rowId ? server?.get(line.rowId)?.unit || null : null;
    const parsed = parseRow(line.position, row, { year, years: cycle, unit });
    rows.push(
      rowOf(
        line,
        kind,
        parsed.errors.map((e) => problem(e, language)),
      ),
    );
  }
  for (const { line, errors } of plan.refused)
    rows.push(
      rowOf(
        line,
        'refused',
        errors.map((e) => problem(e, language)),
      ),
    );
  rows.sort((a, b) => a.position - b.position);
  return { rows, serverKnown: server !== null };
}
