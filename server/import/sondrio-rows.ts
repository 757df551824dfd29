/**
 * Sondrio plan table (seed 004), first pass: each data line into the pieces it prints, read by the ORDER of its
 * cells, not their column, because the OCR shifts whole groups of cells left or right (docs/domain.md §8.22).
 *
 * A data line holds one action code n.m.k; the cells after it are always, in order: code, title, weight, kpi,
 * target Y, soglia 80%, soglia 60%, target Y+1, target Y+2, Relatore. The cells before it may hold, in order: the
 * perspective (first column only), the strategic objective (code n, title, kpi, three yearly targets), and the
 * operational objective (code n.m, title, weight, kpi), any of them missing or rotated.
 */
import { parseValue } from '@core/values';
import type { SourceLineNo } from './draft';
import type { ReviewReport } from './review';
import { collapseLetterSpacing, isLetterSpaced, segmentWords, splitCells, type SourceText } from './source-text';

export interface SondrioCell {
  /** 0-based column in the line */
  col: number;
  /** as printed, trimmed */
  seen: string;
  /** letter-spacing collapsed (and word breaks restored when the vocabulary allows) */
  text: string;
}

export interface SondrioRow {
  line: SourceLineNo;
  perspective?: SondrioCell;
  os?: { code: SondrioCell; title?: SondrioCell; kpi?: SondrioCell; targets: SondrioCell[] };
  oo?: { code: SondrioCell; title?: SondrioCell; weight?: SondrioCell; kpi?: SondrioCell };
  /** a kpi printed between the OS targets and the OO code (the OO's kpi, rotated one cell left) */
  rotatedKpi?: SondrioCell;
  action: {
    code: SondrioCell;
    title?: SondrioCell;
    weight?: SondrioCell;
    kpi?: SondrioCell;
    /** the value cells after the kpi, in order */
    values: SondrioCell[];
    relatore?: SondrioCell;
  };
  /** cells that fit nowhere */
  stray: SondrioCell[];
}

export const ACTION_CODE = /^\d+\.\d+\.\d+$/;
export const OO_CODE = /^\d+\.\d+$/;
export const OS_CODE = /^\d+$/;

/** A cell that is a value (number, percent, euro, month, placeholder) rather than words. */
export function isValueCell(text: string): boolean {
  const p = parseValue(text, { year: 2000, role: 'target' });
  return p.kind !== 'text' && p.kind !== 'empty';
}

/** "ponderazione" as printed, letter-spaced or cut at the head ("derazione") by a page break. */
export function ponderazioneReading(text: string): 'whole' | 'truncated' | null {
  const t = text.toLowerCase();
  if (t === 'ponderazione') return 'whole';
  if (t.length >= 4 && 'ponderazione'.endsWith(t)) return 'truncated';
  return null;
}

export function readRow(line: SourceLineNo, cells: SondrioCell[]): SondrioRow | null {
  const actionAt = cells.findIndex((c) => ACTION_CODE.test(c.text));
  if (actionAt < 0) return null;
  const row: SondrioRow = { line, action: { code: cells[actionAt], values: [] }, stray: [] };

  // After the action code: title, weight, kpi, values…, Relatore (the last words cell).
  const after = cells.slice(actionAt + 1);
  let i = 0;
  if (after[i] && !isValueCell(after[i].text)) row.action.title = after[i++];
  if (after[i] && isValueCell(after[i].text)) row.action.weight = after[i++];
  if (after[i] && !isValueCell(after[i].text)) row.action.kpi = after[i++];
  while (after[i] && isValueCell(after[i].text)) row.action.values.push(after[i++]);
  if (after[i]) row.action.relatore = after[i++];
  row.stray.push(...after.slice(i));

  // Before the action code.
  let state: 'none' | 'os' | 'os-targets' | 'oo' = 'none';
  for (const cell of cells.slice(0, actionAt)) {
    if (cell.col === 0 && !OS_CODE.test(cell.text) && !OO_CODE.test(cell.text)) {
      row.perspective = cell;
    } else if (OS_CODE.test(cell.text) && !row.os) {
      row.os = { code: cell, targets: [] };
      state = 'os';
    } else if (OO_CODE.test(cell.text) && !row.oo) {
      row.oo = { code: cell };
      state = 'oo';
    } else if (state === 'os' && row.os) {
      if (isValueCell(cell.text)) {
        row.os.targets.push(cell);
        state = 'os-targets';
      } else if (!row.os.title) row.os.title = cell;
      else if (!row.os.kpi) row.os.kpi = cell;
      else row.stray.push(cell);
    } else if (state === 'os-targets' && row.os) {
      if (isValueCell(cell.text)) row.os.targets.push(cell);
      else if (!row.rotatedKpi) row.rotatedKpi = cell;
      else row.stray.push(cell);
    } else if (state === 'oo' && row.oo) {
      if (!row.oo.title && !isValueCell(cell.text)) row.oo.title = cell;
      else if (!row.oo.weight && isValueCell(cell.text)) row.oo.weight = cell;
      else if (!row.oo.kpi && !isValueCell(cell.text)) row.oo.kpi = cell;
      else row.stray.push(cell);
    } else {
      row.stray.push(cell);
    }
  }
  return row;
}

/**
 * Every data line of the text as a row, letter-spaced OCR text collapsed (word breaks restored from `vocabulary`);
 * the header rows repeated at page breaks are skipped. Both are reported.
 */
export function readRows(source: SourceText, review: ReviewReport, vocabulary: Set<string>): SondrioRow[] {
  const collapse = (seen: string) => collapseLetterSpacing(seen, (run) => segmentWords(run, vocabulary));
  const rows: SondrioRow[] = [];
  let headerStart: number | null = null;
  for (const { no, text } of source.lines) {
    if (!text.trim()) continue;
    const cells: SondrioCell[] = splitCells(text)
      .map((seen, col) => ({ col, seen, text: collapse(seen) }))
      .filter((c) => c.seen !== '');
    const row = readRow(no, cells);
    if (row) {
      if (headerStart !== null) headerSkipped(source, review, headerStart, no - 1);
      headerStart = null;
      rows.push(row);
      reportCollapsed(review, vocabulary, row, cells);
    } else if (cells[0]?.text === 'Prospettiva' || headerStart !== null) {
      if (cells[0]?.text === 'Prospettiva' && headerStart !== null) headerSkipped(source, review, headerStart, no - 1);
      if (cells[0]?.text === 'Prospettiva') headerStart = no;
    }
  }
  return rows;
}

function headerSkipped(source: SourceText, review: ReviewReport, from: number, to: number): void {
  review.read(
    from,
    'table',
    `Header rows ${from}-${to} skipped (repeated at page breaks, no data).`,
    `Righe di intestazione ${from}-${to} saltate (ripetute ai cambi pagina, senza dati).`,
    source.line(from).split('\t').filter(Boolean).slice(0, 4).join(' | '),
    'HEADER_SKIPPED',
  );
}

function reportCollapsed(review: ReviewReport, vocabulary: Set<string>, row: SondrioRow, cells: SondrioCell[]): void {
  for (const c of cells) {
    if (!isLetterSpaced(c.seen)) continue;
    const unsplit = c.text.split(' ').some((w) => w.length > 3 && !vocabulary.has(w.toLowerCase()));
    review.inferred(
      row.line,
      `cell ${c.col + 1}`,
      'LETTER_SPACING_COLLAPSED',
      `Letter-spaced OCR text collapsed to "${c.text}"${unsplit ? '; some words are not recognisable and are kept as seen' : ''}.`,
      `Testo OCR spaziato ricomposto in "${c.text}"${unsplit ? '; alcune parole non sono riconoscibili e sono lasciate come lette' : ''}.`,
      c.seen,
    );
  }
}
