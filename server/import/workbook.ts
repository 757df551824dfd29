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
import {
  combineHeaderRows,
  type HeaderMatch,
  type HeaderRecognition,
  type Inference,
  recognizeHeaders,
  rowsFromMappedSheet,
  type UnplacedCell,
} from '@core/sheet/headers';
import { layoutColumn, type LayoutColumnKey } from '@core/sheet/layout';
import type { SheetLevel, SheetRowIn } from '@core/sheet/row';
import { syncRows, type RowStatus, type SyncMode } from '../sync/sync-rows';
import { levelOf } from '@core/sheet/vocabulary';
import { type CellError, cellError } from '@core/sheet/messages';
import { parseRow } from '@core/sheet/parse-row';
import { rowInOfCells } from '../export/canonical-row';
import { SETTINGS_SHEET, type WorkbookBinding } from '../export/workbook';
import {
  DEFAULT_WORKBOOK_LIMITS,
  type GridCell,
  readWorkbook,
  type SheetGrid,
  type WorkbookLimits,
} from './workbook-read';

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

type Prepared = {
  format: 'canonical' | 'mapped';
  rows: SheetRowIn[];
  sourceRows: number[];
  /** layout column → { index, header } for messages */
  columnOf: (rowIndex: number, field: string) => { column: number | null; header: string };
  preErrors: Map<number, ImportCellError[]>;
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

/** The header block: the first rows (up to 4 of the first 12) that name the most distinct plan columns. */
function findHeader(
  cells: GridCell[][],
): { start: number; depth: number; headers: string[]; recognition: HeaderRecognition } | null {
  let best: { start: number; depth: number; headers: string[]; recognition: HeaderRecognition; score: number } | null =
    null;
  for (let start = 0; start < Math.min(cells.length, 12); start++) {
    for (let depth = 1; depth <= 4 && start + depth <= cells.length; depth++) {
      const headers =
        depth === 1
          ? cells[start].map((c) => c.text)
          : combineHeaderRows(cells.slice(start, start + depth).map((r) => r.map((c) => c.text)));
      const recognition = recognizeHeaders(headers);
      const keys = new Set(
        recognition.mapping
          .filter((m) => m.column && m.confidence >= 0.6)
          .map((m) => [m.column, m.level, m.year, m.score].join('|')),
      );
      const score = keys.size + (recognition.canonical ? 100 : 0);
      if (!best || score > best.score) best = { start, depth, headers, recognition, score };
    }
  }
  return best && best.score >= 3 ? best : null;
}

function prepare(sheet: SheetGrid, ctx: { year: number; checkpoint: Checkpoint; samePlan: boolean }): Prepared {
  const header = findHeader(sheet.cells);
  if (!header) {
    throw InputError.of(
      'file',
      'NO_HEADER',
      `sheet "${sheet.name}": no header row names the plan's columns (e.g. Cod., Titolo, Peso, Target); see the canonical layout`,
    );
  }
  const { mapping } = header.recognition;
  const canonical = isCanonical(mapping);
  const firstData = header.start + header.depth;
  return canonical
    ? prepareCanonical(sheet, mapping, firstData, ctx.samePlan)
    : prepareMapped(sheet, header.recognition, firstData, ctx);
}

/** Every header is one of the layout's own (any order, any subset that has level, code and title). */
function isCanonical(mapping: HeaderMatch[]): boolean {
  // columns the user added next to the table (their own notes) do not make it another layout: they are reported
  const used = mapping.filter((m) => m.header.trim() !== '' && (m.column || m.extra));
  const keys = new Set(used.map((m) => m.column));
  return used.every((m) => m.confidence === 1) && keys.has('level') && keys.has('code') && keys.has('title');
}

const ALLOWED_PARENTS: Record<SheetLevel, SheetLevel[]> = {
  perspective: [],
  strategic: ['perspective'],
  operational: ['strategic'],
  indicator: ['operational', 'strategic'],
};

function prepareCanonical(sheet: SheetGrid, mapping: HeaderMatch[], firstData: number, samePlan: boolean): Prepared {
  const indexOf = new Map<LayoutColumnKey, HeaderMatch>();
  for (const m of mapping) if (m.column && !indexOf.has(m.column)) indexOf.set(m.column, m);
  const rows: SheetRowIn[] = [];
  const sourceRows: number[] = [];
  const preErrors = new Map<number, ImportCellError[]>();
  const seen: Array<{ level: SheetLevel | undefined; code: string; title: string; ref: string }> = [];
  const unplaced: UnplacedCell[] = [];
  const foreign = mapping.filter((m) => !m.column && m.header.trim() !== '');
  for (let r = firstData; r < sheet.cells.length; r++) {
    const line = sheet.cells[r];
    const cell = (key: LayoutColumnKey): GridCell | undefined => {
      const m = indexOf.get(key);
      return m ? line[m.index] : undefined;
    };
    const inputKeys = [...indexOf.keys()].filter((k) => layoutColumn(k).kind === 'input');
    if (inputKeys.every((k) => (cell(k)?.text ?? '') === '')) continue;
    const rowNo = r + 1;
    for (const m of foreign) {
      const text = line[m.index]?.text ?? '';
      if (text !== '')
        unplaced.push({
          row: rowNo,
          column: m.index + 1,
          header: m.header,
          value: text,
          reason: `"${m.header}" is not a column of the plan table: not imported`,
        });
    }
    const texts: Partial<Record<LayoutColumnKey, string>> = {};
    const errors: ImportCellError[] = [];
    for (const key of inputKeys) {
      const c = cell(key);
      texts[key] = c?.text ?? '';
      if (c?.formula !== undefined) {
        const m = indexOf.get(key)!;
        errors.push({
          row: rowNo,
          column: m.index + 1,
          header: m.header,
          field: key,
          code: 'FORMULA_NOT_ALLOWED',
          message: 'formulas are not accepted: type the value',
          messageIt: 'le formule non sono accettate: inserire il valore',
          evidence: `formula =${c.formula}${c.cached ? `, last computed by Excel as "${c.cached}"` : ''}`,
        });
      }
    }
    const { row, problems } = rowInOfCells(texts);
    for (const p of problems) {
      const m = indexOf.get(p.column)!;
      errors.push({
        row: rowNo,
        column: m.index + 1,
        header: m.header,
        field: p.column,
        code: p.code,
        message: p.message,
        messageIt: p.message,
      });
    }
    const ref = `R${rowNo}`;
    row.clientRef = ref;
    const rowId = cell('rowId')?.text ?? '';
    const version = Number(cell('rowVersion')?.text ?? '');
    if (samePlan && rowId !== '') {
      row.rowId = rowId;
      if (Number.isInteger(version) && version > 0) row.rowVersion = version;
    }
    const level = levelOf(row.level ?? '');
    const parentKey = (cell('parentCode')?.text ?? '').trim();
    if (parentKey !== '' && level) {
      // the nearest row above with that code (or a perspective's title) at a level that may hold this one
      const parent = [...seen]
        .reverse()
        .find(
          (s) =>
            s.level &&
            ALLOWED_PARENTS[level].includes(s.level) &&
            (s.code === parentKey || (s.level === 'perspective' && s.title === parentKey)),
        );
      row.parentRef = parent ? parent.ref : parentKey;
    }
    const key = samePlan && rowId !== '' ? rowId : ref;
    seen.push({ level, code: (row.code ?? '').trim(), title: (row.title ?? '').trim(), ref: key });
    if (errors.length > 0) preErrors.set(rows.length, errors);
    rows.push(row);
    sourceRows.push(rowNo);
  }
  return {
    format: 'canonical',
    rows,
    sourceRows,
    preErrors,
    unplaced,
    inferred: [],
    headers: null,
    columnOf: (_i, field) => {
      const m = field === 'parentRef' ? indexOf.get('parentCode') : indexOf.get(field as LayoutColumnKey);
      return m ? { column: m.index + 1, header: m.header } : { column: null, header: field };
    },
  };
}

function prepareMapped(
  sheet: SheetGrid,
  recognition: HeaderRecognition,
  firstData: number,
  ctx: { year: number; checkpoint: Checkpoint },
): Prepared {
  const values = sheet.cells.map((r) => r.map((c) => c.text));
  const mapped = rowsFromMappedSheet(values, recognition.mapping, {
    year: ctx.year,
    checkpoint: ctx.checkpoint,
    firstDataRow: firstData,
    firstRowNumber: 1,
  });
  const preErrors = new Map<number, ImportCellError[]>();
  // formula cells travel as "=…" and the sync refuses them; the cached value is kept as evidence
  mapped.rows.forEach((row, i) => {
    const line = sheet.cells[mapped.sourceRows[i] - 1];
    const errors: ImportCellError[] = [];
    for (const m of recognition.mapping) {
      const c = line?.[m.index];
      if (c?.formula === undefined || !m.column) continue;
      if (m.level && row.level !== m.level) continue;
      errors.push({
        row: mapped.sourceRows[i],
        column: m.index + 1,
        header: m.header,
        field: m.column,
        code: 'FORMULA_NOT_ALLOWED',
        message: 'formulas are not accepted: type the value',
        messageIt: 'le formule non sono accettate: inserire il valore',
        evidence: `formula =${c.formula}${c.cached ? `, last computed by Excel as "${c.cached}"` : ''}`,
      });
    }
    if (errors.length) preErrors.set(i, errors);
  });
  return {
    format: 'mapped',
    rows: mapped.rows,
    sourceRows: mapped.sourceRows,
    preErrors,
    unplaced: mapped.unplaced,
    inferred: mapped.inferred,
    headers: recognition,
    columnOf: (i, field) => {
      const level = mapped.rows[i].level;
      const key = field === 'parentRef' ? 'code' : field;
      const m =
        recognition.mapping.find((x) => x.column === key && (x.level == null || x.level === level)) ??
        recognition.mapping.find((x) => x.column === key);
      return m ? { column: m.index + 1, header: m.header } : { column: null, header: field };
    },
  };
}

/** The hidden row-id column's values, wherever the canonical header puts it. */
function rowIdsOf(sheet: SheetGrid): string[] {
  const header = findHeader(sheet.cells);
  const m = header?.recognition.mapping.find((x) => x.column === 'rowId');
  if (!header || !m) return [];
  return sheet.cells
    .slice(header.start + header.depth)
    .map((r) => r[m.index]?.text ?? '')
    .filter((id) => /^[0-9a-f-]{36}$/i.test(id));
}

async function idsBelongToPlan(em: EntityManager, planId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const where = { id: { $in: ids.slice(0, 1000) }, plan: planId };
  const counts = await Promise.all([
    em.count(Indicator, where),
    em.count(OperationalObjective, where),
    em.count(StrategicObjective, where),
    em.count(Perspective, where),
  ]);
  return counts.some((n) => n > 0);
}
