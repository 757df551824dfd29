/**
 * Types the task pane sees from the sync logic (the façade in session.ts). Pure: no DOM, no Office globals.
 */
import type { HeaderMatch } from '@core/sheet/headers';
import type { LayoutColumnKey, LayoutLanguage } from '@core/sheet/layout';
import type { CheckpointName } from '@core/vocabulary/checkpoint';
import type { CellConflict, TheirChange } from './merge';

export type Checkpoint = CheckpointName;
export type Language = LayoutLanguage;

/** Where the pane talks to; the token is kept by the UI (partitioned storage), never in the workbook. */
export type Connection = { serverUrl: string; token: string | null };

/** A plan version the user can load, with its organisation and years. */
export type PlanChoice = {
  planId: string;
  label: string;
  status: string;
  organisationId: string;
  organisationName: string;
  years: number[];
};

/**
 * A sheet of one responsible unit or one cruscotto (issue 18, item 7): its indicators, with the objectives above them
 * as read-only context (docs/sheet-contract.md); no scope = the whole plan.
 */
export type BindingScope = { kind: 'unit' | 'dashboard'; id: string; name: string };

/** What is stored in the workbook settings: enough to sync again after reopening (never the token). */
export type Binding = {
  serverUrl: string;
  organisationId: string;
  planId: string;
  planLabel: string;
  year: number;
  checkpoint: Checkpoint;
  table: string;
  sheet: string;
  language: Language;
  /** one unit's or one cruscotto's sheet; absent for the whole plan */
  scope?: BindingScope;
  /** the server time of the last full or delta read: `since` of the next refresh for a binding without `cursor` */
  serverTime: string | null;
  /**
   * the commit-ordered cursor of the last full or delta read: `after` of the next refresh and of the catch-up after
   * the live socket comes back (absent in bindings saved before it: then `serverTime`)
   */
  cursor?: string | null;
  /** for a bound (not loaded) sheet: header text of each layout column the user confirmed */
  columns?: Partial<Record<LayoutColumnKey, string>>;
  /** where each column stood when last read (0-based in the table): with `columns`, the column's identity */
  positions?: Partial<Record<LayoutColumnKey, number>>;
  /** Excel's TableColumn.id of each plan column when last read: the column's identity through renames and moves */
  columnIds?: Partial<Record<LayoutColumnKey, string>>;
};

export type LoadRequest = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  sheet?: string;
  table?: string;
  /** a sheet of one unit or one cruscotto; absent for the whole plan */
  scope?: BindingScope;
};

export type Operation = 'load' | 'sync' | 'refresh' | 'bind' | 'resolve';
export type Progress = { operation: Operation; done: number; total: number };

/** One problem shown in the pane's list; clicking it selects the cell (session.selectError). */
export type SheetError = {
  /** 0-based body row of the table */
  row: number;
  /** layout column key (for selection) and the header as the sheet shows it */
  column: LayoutColumnKey;
  header: string;
  code: string;
  message: string;
  rowId: string | null;
};

export type SyncSummary = {
  /** rows sent (dirty, new, deleted) */
  sent: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  rejected: number;
  /** rows written in part: some cells were refused by the plan's status or the user's role (counted in updated too) */
  partial: number;
  conflicts: number;
  /** rows changed here and on the server in different cells: merged cell by cell and sent, no conflict */
  merged: number;
  batches: number;
  /** the server could not be reached: nothing was lost, the rows stay dirty */
  offline: boolean;
  /** rows still waiting to be sent (dirty or new) after this sync */
  pending: number;
};

export type RefreshSummary = {
  updated: number;
  /** rows changed on the server while dirty here: now conflicts */
  conflicts: number;
  /** of those changed on both sides, the rows whose changes were in different cells: merged, no conflict */
  merged: number;
  deletedOnServer: number;
  offline: boolean;
  /** realization values are computed locally (offline), not the server's */
  provisional: boolean;
};

export type LoadSummary = { rows: number; table: string; sheet: string };

/** A row changed both here and on the server: the user picks mine or theirs. */
export type ConflictRecord = TheirChange & {
  rowId: string;
  code: string | null;
  title: string;
  /** the input cells as the sheet has them now (layout keys → text) */
  mine: Partial<Record<LayoutColumnKey, string>>;
  /** the server's row, in the same cells */
  theirs: Partial<Record<LayoutColumnKey, string>>;
  theirsVersion: number;
  /**
   * the cells changed on both sides, each resolved on its own (issue 18, item 5); absent when the row had no merge
   * base (then the choice is for the whole row). The cells only one side changed are already merged in `mine`.
   */
  cells?: CellConflict[];
};

export type ConflictChoice = 'mine' | 'theirs';

/** A proposed mapping from sheet headers to layout columns, for the user to confirm. */
export type ColumnMapping = Partial<Record<LayoutColumnKey, string>>;
export type MappingProposal = {
  sheet: string;
  /** the sheet's used range */
  address: string;
  /** first header row (0-based in the used range) and how many rows the header spans (grouped headers) */
  headerRow: number;
  headerRows: number;
  /** one header per column (grouped headers joined with " › ") */
  headers: string[];
  /** layout column → the header that holds it (the first, when a column group repeats it per level) */
  mapping: ColumnMapping;
  /** the importer's reading of every header: level, year, threshold score, confidence, evidence */
  matches: HeaderMatch[];
  /** headers that matched nothing */
  unmatched: string[];
};

export type BindRequest = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  table?: string;
  /** the sheet is one unit's or one cruscotto's: matched against that scope's rows */
  scope?: BindingScope;
};
export type BindSummary = {
  rows: number;
  matched: number;
  table: string;
  newRows: number;
  /** cells the sheet has that the plan table has no place for (baselines, other years…) */
  unplaced: number;
};

/** Realization computed in the pane while offline: clearly not the server's number. */
export type ProvisionalScore = {
  row: number;
  rowId: string | null;
  score: number | null;
  display: string | null;
  provisional: true;
};
