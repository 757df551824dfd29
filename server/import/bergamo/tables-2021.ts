/**
 * Bergamo plan 2021-2023 (seed 002): TAB-separated tables. A dashboard title line ("CRUSCOTTO STRATEGICO 2021",
 * "SERVIZIO …", "AZIENDA SPECIALE", "CRUSCOTTO DEL SEGRETARIO GENERALE", "CRUSCOTTO DEL DIRIGENTE") is followed by
 * tables whose rows are: a perspective row (one upper-case cell), the header row (Azione | Indicatore | Risultato …
 * | Fonte del dato), objective rows ("1.1 Attrattività del territorio"), and data rows. An empty Azione cell continues
 * the action above (a merged cell). The agile-work (POLA) tables after the dashboards are not plan indicators.
 */
import { DashboardKind, UnitType } from '@core/vocabulary/enums';
import { parseValue } from '@core/values';
import type { SourceText } from '../draft';
import type { ReviewReport } from '../review';
import type { BergamoCell, BergamoDashboard, BergamoRow } from './rows';
import { squeeze } from './rows';

const OBJECTIVE = /^(\d)\.(\d+)\s+(.+)$/;

interface Columns {
  baselineTarget: number;
  baselineActual: number;
  targets: number[];
  source: number;
}

export function dashboardOf(title: string, line: number, planYear: number, index: number): BergamoDashboard | null {
  const t = squeeze(title);
  const key = `dash-${index + 1}`;
  const base = { key, name: t, line, baselineYear: planYear - 1, targetYears: [planYear] };
  const strategic = /^CRUSCOTTO STRATEGICO (\d{4})$/.exec(t);
  if (strategic) return { ...base, kind: DashboardKind.STRATEGIC, targetYears: [planYear, planYear + 1, planYear + 2] };
  if (/^CRUSCOTTO DEL SEGRETARIO GENERALE$/.test(t)) return { ...base, kind: DashboardKind.SECRETARY_GENERAL };
  if (/^CRUSCOTTO DEL DIRIGENTE$/.test(t)) return { ...base, kind: DashboardKind.MANAGER };
  if (/^SERVIZIO\s+\S/.test(t))
    return { ...base, kind: DashboardKind.SERVICE, unit: { name: t, type: UnitType.SERVIZIO } };
  if (/^AZIENDA SPECIALE$/.test(t))
    return { ...base, kind: DashboardKind.SERVICE, unit: { name: t, type: UnitType.SPECIAL_AGENCY } };
  return null;
}

function isPerspective(cells: string[]): boolean {
  const first = cells[0] ?? '';
  return (
    first.length > 8 && first === first.toUpperCase() && /[A-Z]/.test(first) && cells.slice(1).every((c) => c === '')
  );
}

function headerColumns(cells: string[]): { cols: Columns; years: { baseline: number; targets: number[] } } | null {
  if (!/^Azione$/i.test(cells[0] ?? '') || !/^Indicatore$/i.test(cells[1] ?? '')) return null;
  const yearOf = (c: string): number => Number(/(\d{4})/.exec(c)?.[1] ?? 0);
  const actualAt = cells.findIndex((c) => /consuntivo/i.test(c));
  const baseline = actualAt >= 0 ? yearOf(cells[actualAt]) : 0;
  const cols: Columns = {
    baselineTarget: -1,
    baselineActual: actualAt,
    targets: [],
    source: cells.findIndex((c) => /^Fonte/i.test(c)),
  };
  const targetYears: number[] = [];
  cells.forEach((c, i) => {
    if (!/atteso/i.test(c)) return;
    // The expected result of the consuntivo's year is the baseline, the later ones are the plan's targets.
    if (yearOf(c) === baseline) cols.baselineTarget = i;
    else {
      cols.targets.push(i);
      targetYears.push(yearOf(c));
    }
  });
  return { cols, years: { baseline, targets: targetYears } };
}

function isValueCell(text: string): boolean {
  return text === '' || parseValue(text, { year: 2000, role: 'target' }).kind !== 'text';
}

export interface Tables2021 {
  planYear: number;
  dashboards: BergamoDashboard[];
  rows: BergamoRow[];
}

export function readTables2021(source: SourceText, review: ReviewReport): Tables2021 {
  const strategicAt = source.find(/^CRUSCOTTO STRATEGICO (\d{4})\s*$/);
  const planYear = Number(/(\d{4})/.exec(strategicAt?.text ?? '')?.[1] ?? 0);
  const dashboards: BergamoDashboard[] = [];
  const rows: BergamoRow[] = [];
  if (!strategicAt) return { planYear, dashboards, rows };

  let dashboard: BergamoDashboard | null = null;
  let perspective: BergamoRow['perspective'] = null;
  let objective: BergamoRow['objective'] = null;
  let action: BergamoRow['action'] = null;
  let cols: Columns | null = null;

  for (const { no, text } of source.lines.slice(strategicAt.no - 1)) {
    const cells = source.cells(no);
    if (cells.length === 1) {
      const next = dashboardOf(cells[0], no, planYear, dashboards.length);
      if (next) {
        dashboard = next;
        dashboards.push(next);
        perspective = objective = action = null;
        cols = null;
      } else if (/^\d+\.\s+[A-ZÀ-Ü]/.test(cells[0]) && dashboard) {
        // A numbered chapter ("4. DALLA PERFORMANCE…", "5. PIANO ORGANIZZATIVO…") ends the dashboards before it.
        dashboard = null;
      }
      continue;
    }
    if (!dashboard) {
      if (/^DIMENSIONI$/.test(cells[0]) && /INDICATORI/.test(text)) {
        review.warning(
          no,
          'POLA',
          'TABLE_NOT_IMPORTED',
          'The agile-work plan (POLA) indicator table is not a dashboard of the plan: not imported.',
          'La tabella degli indicatori del POLA non è un cruscotto del piano: non importata.',
          squeeze(text).slice(0, 120),
        );
      }
      continue;
    }
    if (isPerspective(cells)) {
      perspective = { name: cells[0], line: no };
      objective = action = null;
      continue;
    }
    const header = headerColumns(cells);
    if (header) {
      cols = header.cols;
      if (header.years.baseline) dashboard.baselineYear = header.years.baseline;
      if (header.years.targets.every((y) => y > 0)) dashboard.targetYears = header.years.targets;
      continue;
    }
    const obj = OBJECTIVE.exec(cells[0] ?? '');
    if (obj && cells.slice(1).every((c) => c === '')) {
      objective = { code: `${obj[1]}.${obj[2]}`, title: squeeze(obj[3]), line: no };
      action = null;
      continue;
    }
    if (!cols || cells.every((c) => c === '')) continue;
    if (cells[0]) action = { text: cells[0], line: no };
    rows.push(...dataRows(no, cells, cols, { dashboard, perspective, objective, action }, review));
  }
  return { planYear, dashboards, rows };
}

type Context = Pick<BergamoRow, 'dashboard' | 'perspective' | 'objective' | 'action'>;

function dataRows(no: number, cells: string[], cols: Columns, ctx: Context, review: ReviewReport): BergamoRow[] {
  const cell = (i: number): BergamoCell | null => (i >= 0 && i < cells.length ? { raw: cells[i], line: no } : null);
  const firstValue = cols.baselineTarget >= 0 ? cols.baselineTarget : cols.baselineActual;
  // Two indicators merged into one row (docs/domain.md §8.22): words where the first value belongs, every value one
  // column to the right, the source lost. The first indicator's values are unreadable; the second one's are shifted back.
  if (firstValue >= 0 && cells[firstValue] && !isValueCell(cells[firstValue])) {
    const shift = (i: number): BergamoCell | null => (i < 0 ? null : cell(i + 1));
    const lostSource = cols.source >= 0 && cols.source + 1 >= cells.length;
    review.unreadable(
      no,
      `row at line ${no}`,
      'VALUES_LOST',
      `Two indicators are merged into one row: "${cells[1]}" has no readable values (its cells hold the next indicator).`,
      `Due indicatori fusi in una riga: "${cells[1]}" non ha valori leggibili (le sue celle contengono l'indicatore successivo).`,
      cells.slice(1).join(' | '),
    );
    review.inferred(
      no,
      `row at line ${no}`,
      'COLUMNS_SHIFTED',
      `"${cells[firstValue]}" printed in the "${'Risultato Atteso'}" column is read as a second indicator, its values one column to the right${lostSource ? ', its source lost' : ''}.`,
      `"${cells[firstValue]}", stampato nella colonna dei valori, è letto come un secondo indicatore con i valori spostati di una colonna${lostSource ? ', fonte persa' : ''}.`,
      cells.slice(1).join(' | '),
    );
    const empty = (): BergamoRow => ({
      ...ctx,
      line: no,
      indicator: cells[1],
      indicatorLine: no,
      baselineTarget: null,
      baselineActual: null,
      targets: cols.targets.map(() => null),
      source: null,
    });
    const first = empty();
    const second: BergamoRow = {
      ...ctx,
      line: no,
      indicator: cells[firstValue],
      indicatorLine: no,
      baselineTarget: shift(cols.baselineTarget),
      baselineActual: shift(cols.baselineActual),
      targets: cols.targets.map((i) => shift(i)),
      source: lostSource ? null : shift(cols.source)?.raw || null,
    };
    if (!cells[1]) return [second];
    return [first, second];
  }
  return [
    {
      ...ctx,
      line: no,
      indicator: cells[1] ?? '',
      indicatorLine: no,
      baselineTarget: cell(cols.baselineTarget),
      baselineActual: cell(cols.baselineActual),
      targets: cols.targets.map((i) => cell(i)),
      source: cell(cols.source)?.raw || null,
    },
  ];
}
