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
};

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
  /** a responsible unit's name, as the org_unit table holds it */
  unitName: 300,
  title: 4000,
  text: 4000,
  raw: 500,
} as const;
