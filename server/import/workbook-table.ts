/**
 * The plan table of a workbook sheet as rows of the sheet-row contract: the header block found among the first rows,
 * then either the canonical layout (columns by header, ids and versions kept for this very plan) or a seed-shaped
 * table mapped by recognizeHeaders. Cells refused while reading (a formula, a malformed cell) are kept per row with
 * their sheet position, for importWorkbook (workbook.ts) to report.
 */
import type { Checkpoint } from '@core/vocabulary/enums';
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
import { CRUSCOTTO_COLUMNS, type CruscottoColumnKey, type SheetLevel, type SheetRowIn } from '@core/sheet/row';
import { levelOf } from '@core/sheet/vocabulary';
import { InputError } from '../errors';
import { rowInOfCells } from '../export/canonical-row';
import type { ImportCellError } from './workbook';
import type { GridCell, SheetGrid } from './workbook-read';

/** A sheet read as rows to send, with where each came from and what could not be sent. */
export type Prepared = {
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

export function prepare(sheet: SheetGrid, ctx: { year: number; checkpoint: Checkpoint; samePlan: boolean }): Prepared {
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

/** A formula cell, refused with its place and the value Excel last showed as evidence (formulas never run). */
function formulaRefused(
  row: number,
  at: { index: number; header: string },
  field: string,
  cell: GridCell,
): ImportCellError {
  return {
    row,
    column: at.index + 1,
    header: at.header,
    field,
    code: 'FORMULA_NOT_ALLOWED',
    message: 'formulas are not accepted: type the value',
    messageIt: 'le formule non sono accettate: inserire il valore',
    evidence: `formula =${cell.formula}${cell.cached ? `, last computed by Excel as "${cell.cached}"` : ''}`,
  };
}

const isCruscottoColumn = (m: HeaderMatch): boolean =>
  m.extra != null && (CRUSCOTTO_COLUMNS as readonly string[]).includes(m.extra);

/**
 * Every header is one of the layout's own (any order, any subset that has level, code and title), the cruscotto
 * columns the export adds for a plan with cruscotti included (layout-cruscotti.ts: their exact contract words).
 */
function isCanonical(mapping: HeaderMatch[]): boolean {
  // columns the user added next to the table (their own notes) do not make it another layout: they are reported
  const used = mapping.filter((m) => m.header.trim() !== '' && (m.column || m.extra));
  const keys = new Set(used.map((m) => m.column));
  const exact = (m: HeaderMatch) => m.confidence === 1 || (isCruscottoColumn(m) && m.confidence >= 0.9);
  return used.every(exact) && keys.has('level') && keys.has('code') && keys.has('title');
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
  const cruscottoOf = new Map<CruscottoColumnKey, HeaderMatch>();
  for (const m of mapping)
    if (isCruscottoColumn(m) && !cruscottoOf.has(m.extra as CruscottoColumnKey))
      cruscottoOf.set(m.extra as CruscottoColumnKey, m);
  const rows: SheetRowIn[] = [];
  const sourceRows: number[] = [];
  const preErrors = new Map<number, ImportCellError[]>();
  const seen: Array<{ level: SheetLevel | undefined; code: string; title: string; ref: string }> = [];
  const unplaced: UnplacedCell[] = [];
  const foreign = mapping.filter((m) => !m.column && !isCruscottoColumn(m) && m.header.trim() !== '');
  for (let r = firstData; r < sheet.cells.length; r++) {
    const line = sheet.cells[r];
    const cell = (key: LayoutColumnKey): GridCell | undefined => {
      const m = indexOf.get(key);
      return m ? line[m.index] : undefined;
    };
    const inputKeys = [...indexOf.keys()].filter((k) => layoutColumn(k).kind === 'input');
    if (
      inputKeys.every((k) => (cell(k)?.text ?? '') === '') &&
      [...cruscottoOf.values()].every((m) => !line[m.index]?.text)
    )
      continue;
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
        errors.push(formulaRefused(rowNo, indexOf.get(key)!, key, c));
      }
    }
    const { row, problems } = rowInOfCells(texts);
    // the cruscotto cells travel as typed; on a plan row they are empty (an objective's empty label is not sent)
    const inCruscotto = (line[cruscottoOf.get('dashboard')?.index ?? -1]?.text ?? '') !== '';
    for (const [key, m] of cruscottoOf) {
      const c = line[m.index];
      const text = c?.text ?? '';
      if (text !== '' || key === 'actionLabel' || inCruscotto) row[key] = text;
      if (c?.formula !== undefined) errors.push(formulaRefused(rowNo, m, key, c));
    }
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
      const m =
        field === 'parentRef'
          ? indexOf.get('parentCode')
          : (indexOf.get(field as LayoutColumnKey) ?? cruscottoOf.get(field as CruscottoColumnKey));
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
    cruscotti: true,
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
      errors.push(formulaRefused(mapped.sourceRows[i], m, m.column, c));
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
        recognition.mapping.find((x) => x.column === key) ??
        // the cruscotto cells come from columns the plan table has no place for (header-synonyms.ts)
        recognition.mapping.find((x) => x.extra === key);
      return m ? { column: m.index + 1, header: m.header } : { column: null, header: field };
    },
  };
}

/** The hidden row-id column's values, wherever the canonical header puts it. */
export function rowIdsOf(sheet: SheetGrid): string[] {
  const header = findHeader(sheet.cells);
  const m = header?.recognition.mapping.find((x) => x.column === 'rowId');
  if (!header || !m) return [];
  return sheet.cells
    .slice(header.start + header.depth)
    .map((r) => r[m.index]?.text ?? '')
    .filter((id) => /^[0-9a-f-]{36}$/i.test(id));
}
