/**
 * The plan table as the sync logic reads it: the canonical layout's columns found by header, each row's cells as
 * text. Positions are body rows at the moment of reading; identity is the hidden row id.
 */
import { PLAN_LAYOUT, type LayoutColumnKey, type LayoutLanguage } from '@core/sheet/layout';
import type { Cell, TableData } from '../workbook/port';

export type InputKey = Exclude<
  LayoutColumnKey,
  'realization' | 'syncStatus' | 'syncMessage' | 'rowId' | 'rowVersion' | 'rowHash'
>;
export const INPUT_KEYS = PLAN_LAYOUT.filter((c) => c.kind === 'input').map((c) => c.key as InputKey);
export type Inputs = Record<InputKey, string>;

/** header text of every layout column present in the table */
export type ColumnHeaders = Partial<Record<LayoutColumnKey, string>>;

export function canonicalHeaders(language: LayoutLanguage): Record<LayoutColumnKey, string> {
  return Object.fromEntries(PLAN_LAYOUT.map((c) => [c.key, c[language]])) as Record<LayoutColumnKey, string>;
}

/**
 * Text of a cell as the server should read it. Numbers Excel made of a typed value get a decimal comma: the server
 * reads "8.296" the Italian way (eight thousand), so 8.296 must travel as "8,296".
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', ',') : '';
  if (typeof cell === 'boolean') return cell ? 'SI' : 'NO';
  return cell;
}

export type Line = {
  position: number;
  rowId: string | null;
  rowVersion: number | null;
  hash: string;
  status: string;
  message: string;
  /** the % realization cell as a fraction, null when blank */
  realization: number | null;
  inputs: Inputs;
};

export type PlanTable = {
  name: string;
  sheet: string;
  /** header of each layout column the table has */
  headers: ColumnHeaders;
  /** the table's headers in its own order */
  columns: string[];
  lines: Line[];
};

/** reads the lines of a table through the given headers; a layout column missing from the table reads empty */
export function linesOf(data: TableData, headers: ColumnHeaders): PlanTable {
  const index: Partial<Record<LayoutColumnKey, number>> = {};
  for (const [key, header] of Object.entries(headers) as Array<[LayoutColumnKey, string]>) {
    const at = data.headers.indexOf(header);
    if (at >= 0) index[key] = at;
  }
  const read = (row: Cell[], key: LayoutColumnKey) => (index[key] === undefined ? '' : cellText(row[index[key]!]));
  const lines = data.rows.map((row, position) => {
    const inputs = Object.fromEntries(INPUT_KEYS.map((key) => [key, read(row, key)])) as Inputs;
    const version = read(row, 'rowVersion').trim();
    return {
      position,
      rowId: read(row, 'rowId').trim() || null,
      rowVersion:
        version === '' || !Number.isFinite(Number(version.replace(',', '.')))
          ? null
          : Number(version.replace(',', '.')),
      hash: read(row, 'rowHash').trim(),
      status: read(row, 'syncStatus').trim(),
      message: read(row, 'syncMessage'),
      realization: index.realization === undefined ? null : fraction(row[index.realization]),
      inputs,
    };
  });
  const present = Object.fromEntries(
    Object.entries(headers).filter(([key]) => index[key as LayoutColumnKey] !== undefined),
  ) as ColumnHeaders;
  return { name: data.name, sheet: data.sheet, headers: present, columns: [...data.headers], lines };
}

export function isBlank(line: Line): boolean {
  return !line.rowId && INPUT_KEYS.every((key) => line.inputs[key].trim() === '');
}

function fraction(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  const match = /^\s*(-?\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(cell);
  if (!match) return null;
  const n = Number(match[1].replace(',', '.'));
  return match[2] ? n / 100 : n;
}

/** the inputs as a table with only these columns would read them back (a missing column reads empty) */
export function visibleInputs(inputs: Inputs, headers: ColumnHeaders): Inputs {
  return Object.fromEntries(INPUT_KEYS.map((key) => [key, headers[key] ? inputs[key] : ''])) as Inputs;
}
