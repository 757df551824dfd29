/**
 * Rows that repeat a node in another cruscotto (issue 14, item 5). A Bergamo plan lists objective 1.1 and its
 * indicators in the strategic cruscotto, the Segretario Generale's, each Dirigente's and each service's: in a sheet
 * that is the same code on many rows. A row with a cruscotto cell is identified by (cruscotto, level, code), so a
 * later row naming the same level and code (or the same rowId) in another cruscotto is the SAME node appearing
 * again, not a duplicate: it is folded into the first row, and only its place in the cruscotto is its own. Rows
 * without a cruscotto are never folded, so a Sondrio sheet behaves exactly as before (a code twice is
 * DUPLICATE_CODE).
 */
import { cellError, type CellError } from '@core/sheet/messages';
import type { SheetRowIn } from '@core/sheet/row';
import { checkCode } from '@core/sheet/text-checks';
import { levelOf } from '@core/sheet/vocabulary';
import { foldWords } from '@core/vocabulary/fold';
import { INDICATOR_ONLY_COLUMNS } from '@core/vocabulary/levels';
import type { RowResult, SyncOutcome } from './answer';
import type { RowPlan, SyncInput } from './row-plan';

export type Folded = {
  /** the rows the plan phases (decide, apply) see: one per node */
  nodeRows: SheetRowIn[];
  /** the batch index of each node row */
  originOf: number[];
  /** per batch row: the index in nodeRows of its node (a node row points at itself) */
  nodeOf: number[];
  /** per batch row that repeats another: the batch index of the row it repeats */
  repeatOf: Map<number, number>;
  /** errors of repeat rows, by batch index */
  repeatErrors: Map<number, CellError[]>;
  /**
   * node rows (by index in nodeRows) that name a node the plan has, by level and code, from a cruscotto row without
   * an id: they place that node, and may change none of its cells without the version (VERSION_REQUIRED)
   */
  adopted: Set<number>;
};

/** A node of the plan by level and code, with the version a sheet would have seen. */
export type KnownNode = (key: string) => { id: string; version: number } | undefined;

/** Cells of the node itself: a repeat may leave them empty or say the same, never something else. */
const NODE_CELLS = ['level', 'title', 'weight', 'kpi', ...INDICATOR_ONLY_COLUMNS] as const;

const filled = (raw: unknown): boolean =>
  Array.isArray(raw) ? raw.length > 0 : raw != null && String(raw).trim() !== '';

/** A row placed in a cruscotto: its cruscotto cell says one. */
export const inCruscotto = (row: SheetRowIn): boolean => filled(row.dashboard);

/**
 * The batch names a cruscotto: only then are its rows folded by key, the plan's cruscotti read and their cells checked
 * (a sheet of plan rows, bench B1, does none of it).
 */
export const namesCruscotto = (rows: readonly SheetRowIn[]): boolean => rows.some(inCruscotto);

const cellText = (raw: unknown): string => (Array.isArray(raw) ? JSON.stringify(raw) : String(raw ?? '').trim());

/** The node a row names: its id, or its level and code as the plan compares them (NFKC, docs/sheet-contract.md). */
function keysOf(row: SheetRowIn): string[] {
  const keys: string[] = [];
  if (row.rowId) keys.push(`id:${row.rowId}`);
  const level = row.level ? levelOf(row.level) : undefined;
  const checked = row.code != null ? checkCode(row.code, 1000) : undefined;
  const code = checked && 'text' in checked ? checked.text : '';
  // a perspective has no code in the Bergamo and Sondrio plans: its name is what the sheet repeats
  if (level && code) keys.push(`${level}:${code}`);
  else if (level === 'perspective' && filled(row.title)) keys.push(`perspective~${foldWords(row.title!)}`);
  return keys;
}

export function foldRepeats(rows: SheetRowIn[], known: KnownNode = () => undefined): Folded {
  const folded: Folded = {
    nodeRows: [],
    originOf: [],
    nodeOf: [],
    repeatOf: new Map(),
    repeatErrors: new Map(),
    adopted: new Set(),
  };
  const firstOf = new Map<string, number>();
  const inDashboard = new Map<string, number>();
  // only a cruscotto row repeats or adopts a node: without one in the batch no row's key is looked up (bench B1)
  const anyPlaced = namesCruscotto(rows);
  rows.forEach((row, i) => {
    const keys = row.delete || !anyPlaced ? [] : keysOf(row);
    const first = inCruscotto(row) ? keys.map((k) => firstOf.get(k)).find((f) => f !== undefined) : undefined;
    if (first === undefined) {
      // a cruscotto listing an objective the plan already has: the row places that node (the batch need not repeat it)
      const existing = inCruscotto(row) && !row.rowId ? keys.map(known).find((n) => n) : undefined;
      if (existing) {
        keys.push(`id:${existing.id}`);
        folded.adopted.add(folded.nodeRows.length);
      }
      for (const k of keys) if (!firstOf.has(k)) firstOf.set(k, i);
      folded.nodeOf[i] = folded.nodeRows.length;
      folded.originOf.push(i);
      // on a cruscotto row "Azione" is the entry's label; it names the indicator's own only on the row creating it
      const placed = inCruscotto(row) && (row.rowId || existing) ? { ...row, actionLabel: undefined } : row;
      folded.nodeRows.push(existing ? { ...placed, rowId: existing.id, rowVersion: existing.version } : placed);
    } else {
      folded.repeatOf.set(i, first);
      folded.nodeOf[i] = folded.nodeOf[first];
    }
    if (!inCruscotto(row) || keys.length === 0) return;
    const where = `${foldWords(row.dashboard!)}|${keys.at(-1)}`;
    const earlier = inDashboard.get(where);
    if (earlier !== undefined) {
      const errors = folded.repeatErrors.get(i) ?? [];
      errors.push(
        cellError('code', 'DUPLICATE_IN_DASHBOARD', {
          raw: row.code ?? row.title ?? '',
          dashboard: row.dashboard!.trim(),
          first: earlier + 1,
        }),
      );
      folded.repeatErrors.set(i, errors);
    } else inDashboard.set(where, i);
  });
  linkRepeats(rows, folded);
  return folded;
}

/**
 * A repeat's children name it as their parent: they are re-pointed at the node row (given a reference of its own
 * when it has none), and a repeat whose cells say something else than the first row is refused on that cell.
 */
function linkRepeats(rows: SheetRowIn[], folded: Folded): void {
  if (folded.repeatOf.size === 0 && folded.adopted.size === 0) return;
  const byClientRef = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.clientRef && !byClientRef.has(row.clientRef)) byClientRef.set(row.clientRef, i);
  });
  const refOfNode = new Map<number, string>();
  const nodeRef = (nodeIndex: number): string => {
    const node = folded.nodeRows[nodeIndex];
    if (node.clientRef) return node.clientRef;
    let ref = refOfNode.get(nodeIndex);
    if (!ref) {
      // a key no sheet types (a control character is refused in every text cell), never shown: answers carry the row's own
      ref = `\u0001node:${folded.originOf[nodeIndex]}`;
      refOfNode.set(nodeIndex, ref);
    }
    return ref;
  };
  /** what a parent reference names after folding: a node row of the batch, or a row id */
  const parentOf = (ref: string | null | undefined): string | null => {
    if (!ref?.trim()) return null;
    const i = byClientRef.get(ref.trim());
    if (i === undefined) return `id:${ref.trim()}`;
    const n = folded.nodeOf[i];
    return folded.adopted.has(n) ? `id:${folded.nodeRows[n].rowId}` : `row:${n}`;
  };
  folded.nodeRows = folded.nodeRows.map((row) => {
    const i = row.parentRef ? byClientRef.get(row.parentRef.trim()) : undefined;
    if (i === undefined) return row;
    const n = folded.nodeOf[i];
    // a parent the plan has is named by its id, as a sheet read from the server names it
    if (folded.adopted.has(n)) return { ...row, parentRef: folded.nodeRows[n].rowId };
    if (!folded.repeatOf.has(i)) return row;
    return { ...row, parentRef: nodeRef(n) };
  });
  for (const [nodeIndex, ref] of refOfNode)
    folded.nodeRows[nodeIndex] = { ...folded.nodeRows[nodeIndex], clientRef: ref };
  for (const [i, first] of folded.repeatOf) {
    const row = rows[i];
    const original = rows[first];
    const errors = folded.repeatErrors.get(i) ?? [];
    const differs = (column: string, theirs: string) =>
      errors.push(
        cellError(column, 'REPEAT_DIFFERS', {
          level: row.level ?? '',
          raw: row.code ?? row.title ?? '',
          first: first + 1,
          theirs,
        }),
      );
    for (const column of NODE_CELLS) {
      const mine = row[column];
      if (!filled(mine)) continue;
      const same =
        column === 'level'
          ? levelOf(String(mine)) === levelOf(String(original.level ?? ''))
          : cellText(mine) === cellText(original[column]);
      if (!same) differs(column, cellText(original[column]));
    }
    if (filled(row.parentRef) && parentOf(row.parentRef) !== parentOf(original.parentRef))
      differs('parentRef', original.parentRef ?? '');
    if (errors.length) folded.repeatErrors.set(i, errors);
  }
}

/** A cruscotto row that placed a node of the plan may not change it unseen: that needs the row's id and version. */
export function refuseUnseenChanges(folded: Folded, plans: RowPlan[]): void {
  for (const n of folded.adopted) {
    const p = plans[n];
    if (p.errors.length > 0 || p.changes.size === 0) continue;
    p.errors.push(cellError('rowVersion', 'VERSION_REQUIRED'));
    p.status = 'rejected';
  }
}

/**
 * The answer row by row of the batch as sent: a node row keeps its own result, a repeat takes its node's id,
 * version and score with its own errors; a row whose place in a cruscotto was written says UPDATED even when its
 * node was unchanged.
 */
export function expandOutcome(
  outcome: SyncOutcome,
  folded: Folded,
  input: SyncInput,
  placed: Set<number>,
  removed: Set<number> = new Set(),
): SyncOutcome {
  if (folded.repeatOf.size === 0 && placed.size === 0) return outcome;
  const atomicFailed =
    input.mode === 'atomic' && outcome.rows.some((r) => r.status === 'rejected' || r.status === 'conflict');
  const rows: RowResult[] = input.rows.map((row, index) => {
    const node = outcome.rows[folded.nodeOf[index]];
    const own = folded.repeatErrors.get(index) ?? [];
    const result: RowResult = { ...node, index, clientRef: row.clientRef ?? null, errors: [...node.errors] };
    if (folded.repeatOf.has(index)) {
      const first = folded.repeatOf.get(index)! + 1;
      result.errors = [...own];
      if ((node.status === 'rejected' || node.status === 'conflict') && own.length === 0)
        result.errors.push(cellError('*', 'SAME_ROW_REJECTED', { first }));
      else if (atomicFailed && own.length === 0) result.errors.push(cellError('*', 'BATCH_FAILED'));
      result.status = result.errors.length > 0 ? 'rejected' : node.status === 'created' ? 'unchanged' : node.status;
      if (result.status === 'rejected') result.current = null;
    }
    // an entry taken out of its cruscotto: that row is gone from the cruscotto, its node stays in the plan
    if (removed.has(index) && result.errors.length === 0) result.status = 'deleted';
    else if (placed.has(index) && result.status === 'unchanged') result.status = 'updated';
    return result;
  });
  const applied = rows.filter((r) => r.status === 'created' || r.status === 'updated' || r.status === 'deleted').length;
  return { ...outcome, rows, applied };
}
