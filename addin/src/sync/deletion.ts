/**
 * How a user deletes a plan row: by typing ELIMINA (or DELETE) in the "Sync status" column and pressing Sync.
 * Rows that simply vanish from the sheet (deleted, filtered, cut to another sheet) never delete anything on the
 * server: a sheet is too easy to damage for absence to mean "delete".
 */
const DELETE_WORDS = new Set(['elimina', 'eliminare', 'cancella', 'delete']);

export function wantsDeletion(status: string): boolean {
  return DELETE_WORDS.has(status.trim().toLowerCase());
}
