/**
 * The plan's row outline worked out once for both ports (excel/outline.ts on Excel, the in-memory twin): runs of
 * consecutive rows alike, so each run is one range action, and what the last outline grouped, kept in the workbook.
 */
import { ACTION_OVERHEAD_BYTES, CHUNK_BUDGET_BYTES, packBySize } from './chunks';
import type { PlanOutline } from './port';

/** Excel's row outline has at most 8 levels */
export const MAX_OUTLINE_LEVELS = 8;

/** [first row, row count, the runs' value] */
type Run<V> = [number, number, V];

export type OutlineRuns = {
  /** rows to group, outer levels first: one run per maximal block of rows at depth ≥ d, for d = 1, 2, … */
  groups: Array<Run<number>>;
  bold: Array<Run<boolean>>;
  indents: Array<Run<number>>;
  depth: number;
};

/**
 * what the last call grouped: kept in the workbook (the setting `outlineSetting(table)`); `shape` names the whole
 * outline it applied, so the same outline again (most Syncs and Refreshes) is left alone: no request, and the sheet's
 * protection is not lifted behind the user's back
 */
export type OutlineMemory = { depth: number; rows: number; shape?: string };

/** a short name of an outline as applied to `rowCount` rows (FNV-1a over its title column, depths and bolds) */
export function outlineShape(outline: PlanOutline, rowCount: number): string {
  let hash = 0x811c9dc5;
  const text = `${outline.titleColumn ?? ''}|${outline.rows
    .slice(0, rowCount)
    .map((r) => `${r.depth}${r.bold ? 'b' : ''}`)
    .join(',')}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${rowCount}:${hash.toString(16)}`;
}

export const outlineSetting = (table: string): string => `outline:${table}`;

export function readOutlineMemory(raw: unknown): OutlineMemory | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as Partial<OutlineMemory>;
    const depth = Number(parsed.depth);
    const rows = Number(parsed.rows);
    if (!Number.isInteger(depth) || depth < 0 || !Number.isInteger(rows) || rows < 0) return null;
    return typeof parsed.shape === 'string' ? { depth, rows, shape: parsed.shape } : { depth, rows };
  } catch {
    return null;
  }
}

function runsBy<V>(count: number, valueAt: (i: number) => V): Array<Run<V>> {
  const runs: Array<Run<V>> = [];
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    const last = runs[runs.length - 1];
    if (last && last[2] === value) last[1]++;
    else runs.push([i, 1, value]);
  }
  return runs;
}

export function outlineRuns(outline: PlanOutline, rowCount: number): OutlineRuns {
  const rows = outline.rows.slice(0, rowCount);
  const depthAt = (i: number) => Math.max(0, Math.min(MAX_OUTLINE_LEVELS, Math.floor(rows[i].depth) || 0));
  const depth = rows.reduce((most, _, i) => Math.max(most, depthAt(i)), 0);
  const groups: Array<Run<number>> = [];
  for (let d = 1; d <= depth; d++)
    for (const run of runsBy(rows.length, (i) => depthAt(i) >= d)) if (run[2]) groups.push([run[0], run[1], d]);
  return {
    groups,
    bold: runsBy(rows.length, (i) => rows[i].bold),
    indents: runsBy(rows.length, depthAt),
    depth,
  };
}

/** the actions one outline takes on Excel with every requirement set (ungroups, groups, bold, indent, setting) */
export function outlineActions(outline: PlanOutline, rowCount: number, previous: OutlineMemory | null): number {
  const runs = outlineRuns(outline, rowCount);
  const indents = outline.titleColumn === null ? 0 : runs.indents.length;
  return Math.min(previous?.depth ?? 0, MAX_OUTLINE_LEVELS) + runs.groups.length + runs.bold.length + indents + 1;
}

/** its requests: the actions packed by the byte budget, at least one */
export function outlineChunks(actions: number, budget = CHUNK_BUDGET_BYTES): number {
  return Math.max(1, packBySize(new Array<number>(actions).fill(ACTION_OVERHEAD_BYTES), budget).length);
}
