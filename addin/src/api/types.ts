/**
 * The server's answers as the add-in reads them (a subset of schema/schema.graphql, fields named as there).
 */
import type { SheetRowIn } from '@core/sheet/row';

export type { SheetRowIn };

export type ServerCheckpoint = 'YEAR_END' | 'MID_YEAR';

export type ParsedValue = { raw: string; kind: string; number: number | null };

export type RealizationView = { status: string; score: number | null; display: string | null; text: string };

export type ServerRow = {
  rowId: string;
  rowVersion: number;
  level: 'PERSPECTIVE' | 'STRATEGIC' | 'OPERATIONAL' | 'INDICATOR';
  code: string | null;
  title: string;
  parentId: string | null;
  weight: number | null;
  kpi: string | null;
  unit: string | null;
  polarity: string | null;
  rule: string | null;
  target: ParsedValue | null;
  thresholds: Array<{ score: number; value: ParsedValue }>;
  futureTargets: Array<{ year: number; value: ParsedValue }>;
  actual: ParsedValue | null;
  neutralised: boolean;
  neutralisationReason: string | null;
  note: string | null;
  responsibleUnits: string[];
  updatedAt: string;
  realization: RealizationView | null;
};

export type SheetRowsPage = { rows: ServerRow[]; deletedRowIds: string[]; serverTime: string };

export type RowStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'DELETED' | 'CONFLICT' | 'REJECTED';

export type CellErrorView = { column: string; code: string; message: string; messageIt: string };

export type RowResult = {
  index: number;
  clientRef: string | null;
  rowId: string | null;
  status: RowStatus;
  rowVersion: number | null;
  errors: CellErrorView[];
  current: (ServerRow & { changedBy: string | null; changedAt: string | null }) | null;
  realization: RealizationView | null;
};

export type SyncAnswer = {
  replayed: boolean;
  applied: number;
  rows: RowResult[];
  affected: Array<{ id: string; level: string; code: string | null; realization: RealizationView | null }>;
};

export type SyncBatch = {
  planId: string;
  year: number;
  checkpoint: ServerCheckpoint;
  mode: 'PARTIAL' | 'ATOMIC';
  batchKey: string;
  source: { kind: 'ADDIN'; workbook?: string | null; sheet?: string | null; author?: string | null };
  rows: SheetRowIn[];
};

export type PlanListing = {
  id: string;
  label: string;
  status: string;
  organisation: { id: string; name: string };
  cycle: { years: number[] };
};

export type PlanDetails = PlanListing & {
  scoringProfile: { name: string; profileVersion: number; status: string; parameters: Record<string, unknown> } | null;
};
