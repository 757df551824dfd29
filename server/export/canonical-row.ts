/**
 * One plan row ↔ the cells of the canonical table (layout.ts), both ways. The export writes what the server holds
 * as the text the user would type (raw values, never re-formatted numbers); the import reads the same cells back
 * into the sheet-row contract, so export → import is identity.
 */
import {
  formatFutureTargets,
  formatThresholds,
  LEVEL_LABEL,
  POLARITY_WORD,
  RULE_WORD,
  type LayoutColumnKey,
  type LayoutLanguage,
  parseFutureTargets,
  parseThresholds,
} from '@core/sheet/layout';
import { dashboardKindWord, entryLevelWord } from '@core/sheet/layout-cruscotti';
import type { CruscottoColumnKey, SheetLevel, SheetRowIn } from '@core/sheet/row';
import { Polarity, ScoringRule } from '@core/vocabulary/enums';
import type { SheetRowWithScore } from './sheet-data';

export type CanonicalCell = string | number | null;
export type CanonicalCells = Partial<Record<LayoutColumnKey | CruscottoColumnKey, CanonicalCell>>;

const LEVEL_EN: Record<SheetLevel, string> = {
  perspective: 'perspective',
  strategic: 'strategic objective',
  operational: 'operational objective',
  indicator: 'action',
};

export const POLARITY_LIST_EN = Object.values(Polarity);
export const RULE_LIST_EN = Object.values(ScoringRule);
export const LEVEL_LIST_EN = Object.values(LEVEL_EN);
export const YES_NO_EN = ['YES', 'NO'] as const;

/**
 * Numbers as the Italian parser reads them: a decimal comma, no thousands separator ("33,333333333333336"), so
 * that a weight of 100/3 comes back as the same double.
 */
export function numberCell(value: number): string {
  return String(value).replace('.', ',');
}

export function levelLabel(level: SheetLevel, language: LayoutLanguage): string {
  return language === 'it' ? LEVEL_LABEL[level] : LEVEL_EN[level];
}

export function cellsOfRow(row: SheetRowWithScore, parentKey: string | null, language: LayoutLanguage): CanonicalCells {
  const it = language === 'it';
  const cells: CanonicalCells = {
    level: levelLabel(row.level, language),
    code: row.code ?? '',
    title: row.title,
    parentCode: parentKey ?? '',
    weight: row.weight == null ? '' : numberCell(row.weight),
    kpi: row.kpi ?? '',
    realization: row.realization?.score ?? null,
    syncStatus: '',
    syncMessage: '',
    rowId: row.rowId,
    rowVersion: row.rowVersion,
    rowHash: '',
  };
  if (row.dashboard) {
    // where the row appears: the cruscotto on every row of it, the entry's own cells on its indicator rows
    cells.dashboard = row.dashboard;
    cells.dashboardKind = row.dashboardKind ? dashboardKindWord(row.dashboardKind, language) : '';
    cells.dashboardOwner = row.dashboardOwner ?? '';
  }
  if (row.level !== 'indicator') return cells;
  if (row.dashboard) {
    cells.position = row.position == null ? '' : String(row.position);
    cells.entryLevel = row.entryLevel ? entryLevelWord(row.entryLevel, language) : '';
    cells.entryWeight = row.entryWeight == null ? '' : numberCell(row.entryWeight);
    cells.entryDataSource = row.entryDataSource ?? '';
  }
  return {
    ...cells,
    actionLabel: row.actionLabel ?? '',
    unit: row.unit ?? '',
    polarity: row.polarity ? (it ? (POLARITY_WORD[row.polarity] ?? row.polarity) : row.polarity) : '',
    rule: row.rule ? (it ? (RULE_WORD[row.rule] ?? row.rule) : row.rule) : '',
    target: row.target?.raw ?? '',
    thresholds: formatThresholds(row.thresholds.map((t) => ({ score: t.score, value: t.value.raw }))),
    futureTargets: formatFutureTargets(row.futureTargets.map((f) => ({ year: f.year, value: f.value.raw }))),
    actual: row.actual?.raw ?? '',
    neutralised: row.neutralised ? (it ? 'SI' : 'YES') : 'NO',
    neutralisationReason: row.neutralisationReason ?? '',
    note: row.note ?? '',
    responsibleUnit: row.responsibleUnits.join('; '),
    dataSource: row.dataSource ?? '',
  };
}

export type CellProblem = { column: LayoutColumnKey; code: string; message: string };

/**
 * The input cells of one canonical row → a sheet-row contract row. Only the table's structured cells (thresholds,
 * later targets) are parsed here; every other cell travels as text and is checked by the sync like the add-in's.
 */
export function rowInOfCells(cells: Partial<Record<LayoutColumnKey, string>>): {
  row: SheetRowIn;
  problems: CellProblem[];
} {
  const problems: CellProblem[] = [];
  const text = (key: LayoutColumnKey) => cells[key] ?? '';
  const row: SheetRowIn = {
    level: text('level'),
    code: text('code'),
    title: text('title'),
    weight: text('weight'),
    kpi: text('kpi'),
    unit: text('unit'),
    polarity: text('polarity'),
    rule: text('rule'),
    target: text('target'),
    actual: text('actual'),
    neutralised: text('neutralised') === '' ? null : text('neutralised'),
    neutralisationReason: text('neutralisationReason'),
    note: text('note'),
    responsibleUnit: text('responsibleUnit'),
    // only from a workbook with the column: an earlier export without it keeps the server's data sources
    ...(cells.dataSource !== undefined ? { dataSource: cells.dataSource } : {}),
  };
  const thresholds = parseThresholds(text('thresholds'));
  if (thresholds.ok) row.thresholds = thresholds.value;
  else problems.push({ column: 'thresholds', code: 'NOT_A_THRESHOLD', message: thresholds.reason });
  const future = parseFutureTargets(text('futureTargets'));
  if (future.ok) row.futureTargets = future.value;
  else problems.push({ column: 'futureTargets', code: 'NOT_A_LATER_TARGET', message: future.reason });
  return { row, problems };
}
