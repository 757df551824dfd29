/**
 * The server's answers as the add-in reads them, by the names the sync code uses: each an alias of a type that
 * `npm run codegen` derives from schema/schema.graphql and the operations in queries.ts (generated.ts), so a schema
 * change that breaks what the add-in reads fails type-checking.
 */
import type { SheetRowIn } from '@core/sheet/row';
import type {
  Checkpoint,
  MeQuery,
  PlanQuery,
  PlansQuery,
  RealizationFieldsFragment,
  SheetRowFieldsFragment,
  SheetRowInput,
  SheetRowsQuery,
  SyncBatchInput,
  SyncRowsMutation,
} from './generated';

export type { SheetRowIn };

export type ServerCheckpoint = Checkpoint;

export type RealizationView = RealizationFieldsFragment;

/** the input columns of a row as the server keeps them: a sheetRows row, or the server's side of a conflict */
export type ServerRowFields = SheetRowFieldsFragment;

/** a row as sheetRows reads it: its columns and its realization for the year and checkpoint read */
export type ServerRow = SheetRowsQuery['sheetRows']['rows'][number];

export type SheetRowsPage = SheetRowsQuery['sheetRows'];

export type SyncAnswer = SyncRowsMutation['syncRows'];

export type RowResult = SyncAnswer['rows'][number];

export type SyncBatch = SyncBatchInput;

/*
 * The add-in builds its rows in the server's contract type (SheetRowIn) and sends them as the schema's
 * SheetRowInput; a column added to or renamed in one and not the other fails type-checking here.
 */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Assert<T extends true> = T;
type _RowContractMatchesSchema = Assert<SameKeys<SheetRowIn, SheetRowInput>>;

export type PlanListing = PlansQuery['planVersions'][number];

export type PlanDetails = NonNullable<PlanQuery['planVersion']>;

/** the caller: a system administrator, and a role per organisation */
export type Me = MeQuery['me'];
