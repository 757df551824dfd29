import { vocabulary, type WordOf } from './closed-set';

/** How a batch of sheet rows is applied: the valid rows and a report of the others, or all or nothing. */
export const SyncMode = vocabulary('partial', 'atomic');
export type SyncMode = WordOf<typeof SyncMode>;

/** What a sync did with one sheet row. */
export const RowStatus = vocabulary('created', 'updated', 'unchanged', 'deleted', 'conflict', 'rejected');
export type RowStatus = WordOf<typeof RowStatus>;

/** Where a synced batch came from, as the client declares it. */
export const SyncSourceKind = vocabulary('addin', 'graphql', 'import');
export type SyncSourceKind = WordOf<typeof SyncSourceKind>;
