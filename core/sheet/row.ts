/**
 * The sheet-row contract (docs/sheet-contract.md): one row per plan node as the sheet shows it. Every value cell
 * arrives as the text the user typed; the server parses it and keeps the text.
 */
import { INDICATOR_ONLY_COLUMNS } from '../vocabulary/levels';
export { PARENT_LEVEL, type SheetLevel } from '../vocabulary/levels';

export type SheetRowIn = {
  /** hidden id column: empty for a new row */
  rowId?: string | null;
  /** hidden version column: the version the sheet last saw */
  rowVersion?: number | null;
  /** the client's own key for this row in this batch (e.g. the Excel row), so new rows can name new parents */
  clientRef?: string | null;
  /** delete this row (only when the client says so explicitly) */
  delete?: boolean | null;
  level?: string | null;
  code?: string | null;
  title?: string | null;
  /** the parent's rowId, or the clientRef of a new parent in the same batch */
  parentRef?: string | null;
  weight?: string | null;
  kpi?: string | null;
  unit?: string | null;
  polarity?: string | null;
  rule?: string | null;
  target?: string | null;
  thresholds?: Array<{ value: string; score: number }> | null;
  futureTargets?: Array<{ year: number; value: string }> | null;
  actual?: string | null;
  neutralised?: string | null;
  neutralisationReason?: string | null;
  note?: string | null;
  /** unit names as typed; several joined by ";" or " e " */
  responsibleUnit?: string | null;
  /** "Fonte del dato": the indicator's own data source (a cruscotto's "Fonte nel cruscotto" overrides it there) */
  dataSource?: string | null;
  /** "Azione": the action label a cruscotto prints beside an indicator (Bergamo) */
  actionLabel?: string | null;
  /**
   * The cruscotto this row appears in (docs/sheet-contract.md, "Cruscotti"). Empty or not sent: a plan row. A row
   * with a cruscotto is identified by (cruscotto, level, code): the same code in another cruscotto is the same node.
   */
  dashboard?: string | null;
  /** strategico / servizio / segretario generale / dirigente / individuale; empty = read from the cruscotto's name */
  dashboardKind?: string | null;
  /** the unit or the manager the cruscotto belongs to, by name */
  dashboardOwner?: string | null;
  /** order of the row in its cruscotto (1, 2, …); empty = the order of the rows in the batch */
  position?: string | null;
  /** strategico / operativo: how the cruscotto shows an indicator (Bergamo flags operational rows) */
  entryLevel?: string | null;
  /** "Peso nel cruscotto": the entry's own weight in its cruscotto, percent points (cruscotto indicator rows only) */
  entryWeight?: string | null;
  /** "Fonte nel cruscotto": the entry's own data source, when it differs from the indicator's (same rows) */
  entryDataSource?: string | null;
};

/** The cells that say where a row appears: they make a row a cruscotto row, never change the node. */
export const DASHBOARD_COLUMNS = [
  'dashboard',
  'dashboardKind',
  'dashboardOwner',
  'position',
  'entryLevel',
  'entryWeight',
  'entryDataSource',
] as const;

/** The contract's cruscotto cells with the "Azione" a cruscotto prints: the columns a mapped sheet may carry. */
export const CRUSCOTTO_COLUMNS = [...DASHBOARD_COLUMNS, 'actionLabel'] as const;
export type CruscottoColumnKey = (typeof CRUSCOTTO_COLUMNS)[number];

/** Column names as the contract and the add-in's headers use them (errors point at these): the indicator's own last. */
export const COLUMNS = [
  'rowId',
  'rowVersion',
  'clientRef',
  'delete',
  'level',
  'code',
  'title',
  'parentRef',
  'weight',
  'kpi',
  ...INDICATOR_ONLY_COLUMNS,
] as const;

export const LIMITS = {
  /** rows per batch: 5,000 rows of this contract stay well under Excel on the web's 5 MB per request */
  rowsPerBatch: 5000,
  /** bytes per request, enforced by the HTTP layer (MAX_BODY) */
  bytesPerRequest: 5 * 1024 * 1024,
  code: 50,
  /** a cruscotto's name, as the dashboard table holds it */
  dashboardName: 300,
  /** an indicator's data source, as the indicator table holds it */
  dataSource: 300,
  /** an entry's own data source, as the dashboard_entry table holds it */
  entryDataSource: 300,
  /** a responsible unit's name, as the org_unit table holds it */
  unitName: 300,
  title: 4000,
  text: 4000,
  raw: 500,
} as const;
