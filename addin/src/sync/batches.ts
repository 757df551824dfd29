/**
 * Splitting a Sync into requests the server takes: at most 5,000 rows and under 5 MB each (docs/sheet-contract.md,
 * Limits). A new row travels with the new parent it names, so its clientRef means something in that batch.
 * Each batch's key is derived from its content and the workbook's sync generation: a retry of the same rows (the
 * answer was lost, or the network failed) replays the server's stored answer instead of writing twice, while the
 * same rows sent again after a completed Sync get a fresh key.
 */
import { LIMITS } from '@core/sheet/row';
import { jsonBytes } from '../workbook/chunks';
import { textHash } from './hash';
import { newParentRef, type Outgoing } from './outgoing';

/** room under the 5 MB request limit for the query text and the batch's other fields */
export const BATCH_BUDGET_BYTES = LIMITS.bytesPerRequest - 256 * 1024;
export const BATCH_ROWS = LIMITS.rowsPerBatch;

/** groups of rows that must share a batch: a new parent with its new descendants */
function families(rows: Outgoing[]): Outgoing[][] {
  const rootOf = new Map<string, string>();
  const find = (ref: string): string => {
    let at = ref;
    while (rootOf.has(at) && rootOf.get(at) !== at) at = rootOf.get(at)!;
    return at;
  };
  const keyOf = (o: Outgoing) => o.row.rowId ?? o.row.clientRef ?? '';
  for (const o of rows) rootOf.set(keyOf(o), keyOf(o));
  for (const o of rows) {
    const parent = newParentRef(o.row);
    if (parent && rootOf.has(parent)) rootOf.set(find(keyOf(o)), find(parent));
  }
  const groups = new Map<string, Outgoing[]>();
  for (const o of rows) {
    const root = find(keyOf(o));
    groups.set(root, [...(groups.get(root) ?? []), o]);
  }
  return [...groups.values()];
}

export function splitBatches(rows: Outgoing[], maxRows = BATCH_ROWS, maxBytes = BATCH_BUDGET_BYTES): Outgoing[][] {
  const batches: Outgoing[][] = [];
  let current: Outgoing[] = [];
  let bytes = 0;
  for (const family of families(rows)) {
    const size = family.reduce((n, o) => n + jsonBytes(o.row) + 1, 0);
    if (current.length > 0 && (current.length + family.length > maxRows || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(...family);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function batchKey(
  scope: { planId: string; year: number; checkpoint: string; generation: number },
  rows: Outgoing[],
): string {
  const content = textHash(JSON.stringify(rows.map((o) => o.row)));
  return `addin:${scope.planId}:${scope.year}:${scope.checkpoint}:g${scope.generation}:${rows.length}:${content}`;
}
