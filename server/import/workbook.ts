/**
 * Workbook import: an .xlsx → one batch of the sheet-row contract → syncRows, the path every sheet edit takes, so
 * the same validation and the same messages apply (a bad cell comes back with its sheet row, column and reason while
 * the good rows land). Two shapes are read:
 * - the canonical table (what the export and the add-in write): columns by header, ids and versions kept when the
 *   file was exported from this very plan (its binding says so), new rows otherwise;
 * - a seed-shaped table (Bergamo, Sondrio… as organisations keep them): headers recognised by recognizeHeaders,
 *   rows built by rowsFromMappedSheet, with every cell it could not place and every inference reported.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Checkpoint, ChangeSource } from '@core/vocabulary/enums';
import { Indicator, OperationalObjective, Perspective, StrategicObjective } from '../entities';
import { InputError } from '../errors';
import type { ServiceContext } from '../services/service-context';
import type { HeaderRecognition, Inference, UnplacedCell } from '@core/sheet/headers';
import { syncRows, type RowStatus, type SyncMode } from '../sync/sync-rows';
import { type CellError, cellError } from '@core/sheet/messages';
import { parseRow } from '@core/sheet/parse-row';
import { SETTINGS_SHEET, type WorkbookBinding } from '../export/workbook';
import { DEFAULT_WORKBOOK_LIMITS, readWorkbook, type SheetGrid, type WorkbookLimits } from './workbook-read';
import { prepare, rowIdsOf } from './workbook-table';
import { readsTogether } from '../speed/reads-together';

export type WorkbookImportOptions = {
  planId: string;
  /** default: the year in the workbook's binding */
  year?: number;
  checkpoint?: Checkpoint;
  mode?: SyncMode;
  /** the sheet to read; default: the binding's sheet, else the first visible sheet with a plan table */
  sheet?: string;
  fileName?: string;
  limits?: Partial<WorkbookLimits>;
};

export type ImportCellError = {
  /** 1-based sheet row and column */
  row: number;
  column: number | null;
  header: string;
  field: string;
  code: string;
  message: string;
  messageIt: string;
  /** what the cell held, when it helps (a formula's cached value) */
  evidence?: string;
};

export type ImportedRow = {
  row: number;
  clientRef: string | null;
  rowId: string | null;
  level: string | null;
  code: string | null;
  status: RowStatus;
  errors: ImportCellError[];
};

export type WorkbookImportResult = {
  format: 'canonical' | 'mapped';
  sheet: string;
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  /** the file was exported from this plan: rows were matched by id (else every row was created) */
  samePlan: boolean;
  applied: number;
  counts: Record<RowStatus, number>;
  rows: ImportedRow[];
  /** cells of a seed-shaped table that have no place in the plan (baseline, a strategic pass mark…) */
  unplaced: UnplacedCell[];
  inferred: Inference[];
  headers: HeaderRecognition | null;
};

export async function importWorkbook(
  ctx: ServiceContext,
  buffer: Buffer,
  options: WorkbookImportOptions,
): Promise<WorkbookImportResult> {
  const limits = { ...DEFAULT_WORKBOOK_LIMITS, ...options.limits };
  const grid = await readWorkbook(buffer, limits);
  const binding = readBinding(grid.sheets.find((s) => s.name === SETTINGS_SHEET));
  const year = options.year ?? binding?.year;
  if (!year)
    throw InputError.of('year', 'REQUIRED', 'give the year: the workbook does not say which year its values are for');
  const checkpoint =
    options.checkpoint ?? (binding?.checkpoint === 'MID_YEAR' ? Checkpoint.MID_YEAR : Checkpoint.YEAR_END);
  const sheet = pickSheet(grid.sheets, options.sheet ?? binding?.sheet);
  // Ids are kept when the file comes from this plan: its binding says so, or (a workbook saved by the add-in keeps
  // its binding in Office settings, out of reach) its row ids are this plan's rows.
  const samePlan = binding
    ? binding.planId === options.planId
    : await idsBelongToPlan(ctx.em, options.planId, rowIdsOf(sheet));
  const prepared = prepare(sheet, { year, checkpoint, samePlan });
  if (prepared.rows.length === 0)
    throw InputError.of('file', 'NO_ROWS', `sheet "${sheet.name}" has no plan rows under its header`);

  // A row with a cell refused while reading (a formula, a malformed thresholds cell) is not sent: sending it without
  // that cell would land the rest of the row as if the cell were fine. Its other cells still get the sync's checks.
  const held = new Set(prepared.preErrors.keys());
  const mode = options.mode ?? 'partial';
  const sendIndexes = prepared.rows.map((_, i) => i).filter((i) => !held.has(i));
  const outcome =
    mode === 'atomic' && held.size > 0
      ? null
      : await syncRows(
          {
            ...ctx,
            source: ChangeSource.IMPORT,
            sourceDetail: [options.fileName, sheet.name].filter(Boolean).join(' / '),
          },
          {
            planId: options.planId,
            year,
            checkpoint,
            mode,
            batchKey: null,
            rows: sendIndexes.map((i) => prepared.rows[i]),
          },
        );
  const heldRefs = new Set([...held].map((i) => prepared.rows[i].clientRef));
  const counts = { created: 0, updated: 0, unchanged: 0, deleted: 0, conflict: 0, rejected: 0 } as Record<
    RowStatus,
    number
  >;
  const located = (index: number, e: CellError): ImportCellError => {
    const field = e.column.split('.')[0];
    return {
      row: prepared.sourceRows[index],
      ...prepared.columnOf(index, field),
      field,
      code: e.code,
      message: e.message,
      messageIt: e.messageIt,
    };
  };
  const results = new Map<
    number,
    { status: RowStatus; rowId: string | null; clientRef: string | null; errors: ImportCellError[] }
  >();
  outcome?.rows.forEach((r) => {
    const index = sendIndexes[r.index];
    const parentHeld = heldRefs.has(prepared.rows[index].parentRef ?? null);
    const errors = r.errors.map((e) =>
      located(index, parentHeld && e.code === 'UNKNOWN_PARENT' ? cellError(e.column, 'PARENT_REJECTED') : e),
    );
    results.set(index, { status: r.status, rowId: r.rowId, clientRef: r.clientRef, errors });
  });
  for (const index of held) {
    const sent = prepared.rows[index];
    const years = [year, ...(sent.futureTargets ?? []).map((f) => f.year)];
    const own = parseRow(index, sent, { year, years }).errors.map((e) => located(index, e));
    const pre = prepared.preErrors.get(index)!;
    const errors = [...pre, ...own.filter((e) => !pre.some((p) => p.field === e.field))];
    results.set(index, { status: 'rejected', rowId: sent.rowId ?? null, clientRef: sent.clientRef ?? null, errors });
  }
  const rows: ImportedRow[] = prepared.rows.map((sent, index) => {
    const r = results.get(index) ?? {
      status: 'rejected' as const,
      rowId: sent.rowId ?? null,
      clientRef: sent.clientRef ?? null,
      errors: [located(index, cellError('', 'BATCH_FAILED'))],
    };
    counts[r.status] += 1;
    return {
      row: prepared.sourceRows[index],
      clientRef: r.clientRef,
      rowId: r.rowId,
      level: sent.level ?? null,
      code: sent.code ?? null,
      status: r.status,
      errors: r.errors,
    };
  });
  return {
    format: prepared.format,
    sheet: sheet.name,
    planId: options.planId,
    year,
    checkpoint,
    samePlan,
    applied: outcome?.applied ?? 0,
    counts,
    rows,
    unplaced: prepared.unplaced,
    inferred: prepared.inferred,
    headers: prepared.headers,
  };
}

function readBinding(sheet: SheetGrid | undefined): WorkbookBinding | null {
  if (!sheet) return null;
  const json = sheet.cells.find((r) => r[0]?.text === 'binding')?.[1]?.text;
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as WorkbookBinding;
    return typeof parsed.planId === 'string' && Number.isInteger(parsed.year) ? parsed : null;
  } catch {
    return null;
  }
}

function pickSheet(sheets: SheetGrid[], wanted: string | undefined): SheetGrid {
  if (wanted) {
    const found = sheets.find((s) => s.name === wanted);
    if (found) return found;
    throw InputError.of(
      'sheet',
      'UNKNOWN_SHEET',
      `the workbook has no sheet "${wanted}" (sheets: ${sheets.map((s) => s.name).join(', ')})`,
    );
  }
  const visible = sheets.filter((s) => s.state === 'visible' && s.cells.length > 0);
  const chosen = visible.find((s) => s.tables.length > 0) ?? visible[0];
  if (!chosen) throw InputError.of('file', 'NO_ROWS', 'the workbook has no visible sheet with data');
  return chosen;
}

async function idsBelongToPlan(em: EntityManager, planId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const where = { id: { $in: ids.slice(0, 1000) }, plan: planId };
  const counts = await readsTogether(em, [
    () => em.count(Indicator, where),
    () => em.count(OperationalObjective, where),
    () => em.count(StrategicObjective, where),
    () => em.count(Perspective, where),
  ] as const);
  return counts.some((n) => n > 0);
}
