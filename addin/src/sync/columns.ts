/**
 * The plan table as the sync logic reads it: the canonical layout's columns found by header, each row's cells as
 * text. Positions are body rows at the moment of reading; identity is the hidden row id.
 */
import {
  SHEET_LAYOUT,
  isCruscottoColumn,
  sheetLayout,
  type LayoutColumnKey,
  type LayoutLanguage,
} from '@core/sheet/layout';
import type { CruscottoColumnKey } from '@core/sheet/row';
import { parseValue } from '@core/values';
import type { Cell, TableData } from '../workbook/port';
import { seenCell, serialWhereDateExpected, type SeenProblem } from './seen';

export type InputKey = Exclude<
  LayoutColumnKey,
  'realization' | 'syncStatus' | 'syncMessage' | 'rowId' | 'rowVersion' | 'rowHash'
>;
/** every input cell a line may have: the plan table's and the cruscotto columns' (absent columns read empty) */
export const INPUT_KEYS = SHEET_LAYOUT.filter((c) => c.kind === 'input').map((c) => c.key as InputKey);
export type Inputs = Record<InputKey, string>;

/** header text of every layout column present in the table */
export type ColumnHeaders = Partial<Record<LayoutColumnKey, string>>;

/** the headers the add-in writes: every plan column's, and the cruscotto columns' only for a table that has them */
export type CanonicalHeaders = Record<Exclude<LayoutColumnKey, CruscottoColumnKey>, string> &
  Partial<Record<CruscottoColumnKey, string>>;

export function canonicalHeaders(language: LayoutLanguage, cruscotti = false): CanonicalHeaders {
  return Object.fromEntries(sheetLayout(cruscotti).map((c) => [c.key, c[language]])) as CanonicalHeaders;
}

/**
 * Body rows by row id. A Bergamo plan shows one node on several lines (its plan row and each cruscotto it is in,
 * all with its row id): whatever the server says of the node goes to every one of them.
 */
export function positionsByRowId(lines: readonly Line[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const l of lines) if (l.rowId) out.set(l.rowId, [...(out.get(l.rowId) ?? []), l.position]);
  return out;
}

/**
 * The server's cells of a node as one line shows them: a line in a cruscotto keeps its own place (cruscotto, kind,
 * owner, order, level, "Azione"), which a row read without cruscotti (since, a conflict) does not carry.
 */
export function nodeCellsFor(line: Pick<Line, 'inputs'>, theirs: Inputs): Inputs {
  if (!inCruscotto(line)) return theirs;
  const own = Object.fromEntries(CRUSCOTTO_KEYS.map((key) => [key, line.inputs[key]]));
  return { ...theirs, ...own };
}

const CRUSCOTTO_KEYS = INPUT_KEYS.filter((key) => isCruscottoColumn(key));

/** a line that shows a node in a cruscotto (a Bergamo plan's repeat), not the node's plan row */
export function inCruscotto(line: Pick<Line, 'inputs'>): boolean {
  return line.inputs.dashboard.trim() !== '';
}

/** an input cell the add-in cannot read as the user sees it: the row is not sent, the cell is reported */
export type UnreadCell = SeenProblem & { column: InputKey };

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
  /** input cells whose value and displayed text the parser cannot settle (see seen.ts) */
  unread: UnreadCell[];
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

/** the cells the target and the actual may hold dates in: a bare serial there is reported */
const DATE_KEYS = ['target', 'actual'] as const;

/**
 * Reads the lines of a table through the given headers; a layout column missing from the table reads empty. Cells
 * are read as the user sees them (seen.ts): with the table's formats and displayed text when given (the port always
 * gives them), else as the values the add-in wrote itself.
 */
export function linesOf(
  data: Omit<TableData, 'formats' | 'texts'> & Partial<Pick<TableData, 'formats' | 'texts'>>,
  headers: ColumnHeaders,
): PlanTable {
  const index: Partial<Record<LayoutColumnKey, number>> = {};
  for (const [key, header] of Object.entries(headers) as Array<[LayoutColumnKey, string]>) {
    const at = data.headers.indexOf(header);
    if (at >= 0) index[key] = at;
  }
  const lines = data.rows.map((row, position) => {
    const unread: UnreadCell[] = [];
    const seen = (key: LayoutColumnKey) => {
      const at = index[key];
      if (at === undefined) return { text: '' };
      return seenCell(row[at], data.formats?.[position]?.[at], data.texts?.[position]?.[at]);
    };
    const read = (key: LayoutColumnKey) => seen(key).text;
    const inputs = Object.fromEntries(
      INPUT_KEYS.map((key) => {
        const cell = seen(key);
        if (cell.problem) unread.push({ ...cell.problem, column: key });
        return [key, cell.text];
      }),
    ) as Inputs;
    // a serial where the row's other date cell holds a date: Excel shows the number because the cell lacks a date format
    // any year will do: the question is only whether the cell is a date ("luglio" is one once a year is known)
    const isDate = (key: InputKey) => parseValue(inputs[key], { year: 2000 }).kind === 'date';
    for (const key of DATE_KEYS) {
      const other = key === 'target' ? 'actual' : 'target';
      const at = index[key];
      if (at === undefined || !isDate(other)) continue;
      const problem = serialWhereDateExpected(row[at], data.formats?.[position]?.[at]);
      if (problem) unread.push({ ...problem, column: key });
    }
    const version = read('rowVersion').trim();
    return {
      position,
      rowVersion:
        version === '' || !Number.isFinite(Number(version.replace(',', '.')))
          ? null
          : Number(version.replace(',', '.')),
      rowId: read('rowId').trim() || null,
      hash: read('rowHash').trim(),
      status: read('syncStatus').trim(),
      message: read('syncMessage'),
      realization: index.realization === undefined ? null : fraction(row[index.realization]),
      inputs,
      unread,
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
