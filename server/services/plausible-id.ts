/**
 * What an id may look like anywhere (GraphQL variables, file routes' ?planId=): up to 100 printable characters. An id
 * holding a NUL reached the database driver and came back as an internal error (issue 13, finding 6).
 */
export function isPlausibleId(id: string): boolean {
  return id.length <= 100 && !/[\u0000-\u001f\u007f\ud800-\udfff\ufffe\uffff]/.test(id);
}
