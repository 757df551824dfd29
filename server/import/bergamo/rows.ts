/**
 * What both Bergamo readers (plan 2020-2022 as PDF text, plan 2021-2023 as TAB tables) extract before anything becomes
 * a PlanDraft: dashboards, and rows of one dashboard already attributed to a perspective, a strategic objective and an
 * action label. Cells are kept as printed, each with its 1-based source line.
 */
import type { DashboardKind, UnitType } from '@core/vocabulary/enums';
import type { SourceLineNo } from '../draft';

export interface BergamoCell {
  raw: string;
  line: SourceLineNo;
}

export interface BergamoDashboard {
  key: string;
  kind: DashboardKind;
  /** as printed: "CRUSCOTTO STRATEGICO 2020", "SERVIZIO AFFARI GENERALI" */
  name: string;
  line: SourceLineNo;
  /** the unit a service dashboard belongs to */
  unit?: { name: string; type: UnitType } | null;
  /** year of the "Risultato atteso / consuntivo Y-1" columns */
  baselineYear: number;
  /** the "Risultato atteso" years, in column order */
  targetYears: number[];
}

export interface BergamoObjectiveRef {
  code: string;
  title: string;
  line: SourceLineNo;
}

export interface BergamoRow {
  dashboard: BergamoDashboard;
  /** the line holding the values (or the indicator, when values are lost) */
  line: SourceLineNo;
  perspective: { name: string; line: SourceLineNo } | null;
  objective: BergamoObjectiveRef | null;
  action: { text: string; line: SourceLineNo } | null;
  indicator: string;
  indicatorLine: SourceLineNo;
  baselineTarget: BergamoCell | null;
  baselineActual: BergamoCell | null;
  /** aligned with dashboard.targetYears; null = no cell */
  targets: Array<BergamoCell | null>;
  source: string | null;
}

/** Collapses the spacing of a printed cell; the words stay as printed. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Title identity across dashboards: case, spacing, quotes and punctuation do not make another indicator ("…
 * vidimazione)" at 002:493 and "… vidimazione" at 002:696 are one indicator).
 */
export function titleKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
