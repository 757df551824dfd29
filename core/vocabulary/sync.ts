/** How a batch of sheet rows is applied: the valid rows and a report of the others, or all or nothing. */
export enum SyncMode {
  PARTIAL = 'partial',
  ATOMIC = 'atomic',
}

/** What a sync did with one sheet row. */
export enum RowStatus {
  CREATED = 'created',
  UPDATED = 'updated',
  UNCHANGED = 'unchanged',
  DELETED = 'deleted',
  CONFLICT = 'conflict',
  REJECTED = 'rejected',
}

/** Where a synced batch came from, as the client declares it. */
export enum SyncSourceKind {
  ADDIN = 'addin',
  GRAPHQL = 'graphql',
  IMPORT = 'import',
}
