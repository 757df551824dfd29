import type { Checkpoint } from '@core/vocabulary/enums';
import { cursorOf } from '../services/commit-order';
import type { PlanScores } from '../services/realization';
import { scoreOfRow } from '../services/score-of-row';
import { nextTurn } from '../speed/next-turn';
import { keptJson } from '../speed/kept-bytes';
import { jsonListBytes, KeptTexts, type StateBudget } from '../speed/kept-texts';
import { responseOf } from '../ops/metrics';
import { Indicator } from '../entities';
import { levelOfNode, type PlanNode, type PlanState } from '../sync/plan-state';
import { nodesChangedSince, sheetRowOf } from '../sync/sheet-rows';
import { deltaInScope, resolveScope } from '../sync/sheet-scope';
import type { Context } from './context';
import { type DeltaRead, objectJson } from './delta-read';
import { leafValue } from './realization-read';
import { realizationBytes, ROWS_PER_TURN, scoreKey } from './score-json';
import { deltaFrom, readSheet, type SheetRead, sheetScores } from './sheet-read';

/**
 * Each row's JSON but its realization, as UTF-8 bytes, per state, row selection and node: a state is one stamp's, read
 * by every pane until the next commit, and each pane's delta carries the rows of the commits since its last read, the
 * same rows for every pane. Cut at the realization's place (delta-read.ts, objectJson): one part without it, two
 * around it. As bytes, a delta's rows are copied into its answer's bytes, never joined into a string and encoded.
 * By node object, not by a key made of the selection and the row's id: that string, made and hashed for every row of
 * every delta, was a seventh of a delta's event loop (bench/results/2026-12-07.md, session reuse).
 */
const kept = new WeakMap<PlanState, Map<string, Map<PlanNode, Buffer[]>>>();

function shelfOf(state: PlanState, selection: string): Map<PlanNode, Buffer[]> {
  let bySelection = kept.get(state);
  if (!bySelection) kept.set(state, (bySelection = new Map()));
  let shelf = bySelection.get(selection);
  if (!shelf) bySelection.set(selection, (shelf = new Map()));
  return shelf;
}

/**
 * The rows kept for the nearest state `state` was patched from (PlanState.patchedFrom) that kept some for this
 * selection, and the ids of the rows that may differ from it. A row of another id is, by the patch's construction,
 * the same node object with the same targets, revisions, actual and period (plan-state.ts: only the groups of the
 * touched indicators are built again, no revision was touched); its responsible units' names too when the links are
 * the same map (a sync that set none keeps it, after-state.ts) and units are only ever added by a patch. Its parts are
 * that state's: found by the node object, without comparing its inputs one by one (rowInputs, a third of a delta's
 * per-row work under B4, where each commit makes a new state). Looked up per delta, never kept on the state: a chain
 * of states' rows would stay alive.
 */
function carriedShelf(
  state: PlanState,
  selection: string,
): { rows: Map<PlanNode, Buffer[]>; changed: ReadonlySet<string> } | undefined {
  for (const { base, changed } of state.patchedFrom) {
    const was = base.deref();
    const rows = was && kept.get(was)?.get(selection);
    if (!rows) continue;
    if (was.snapshot.unitsOf !== state.snapshot.unitsOf) return undefined;
    return { rows, changed };
  }
  return undefined;
}

/** rows whose parts were those of a state this one was patched from (tests) */
export const rowsFromBase = { count: 0 };

function rowParts(
  state: PlanState,
  shelf: Map<PlanNode, Buffer[]>,
  carried: ReturnType<typeof carriedShelf>,
  node: PlanNode,
  read: DeltaRead,
): { parts: Buffer[]; fresh: number } {
  const known = shelf.get(node);
  if (known) return { parts: known, fresh: 0 };
  const base = carried && !carried.changed.has(node.id) ? carried.rows.get(node) : undefined;
  if (base) {
    rowsFromBase.count++;
    shelf.set(node, base);
    return { parts: base, fresh: 0 };
  }
  const inputs = rowInputs(state, node);
  let byShape = written.get(node);
  if (!byShape) written.set(node, (byShape = new Map()));
  const before = byShape.get(read.selection);
  if (before && sameInputs(before.inputs, inputs)) {
    rowsCarried.count++;
    shelf.set(node, before.parts);
    return { parts: before.parts, fresh: 0 };
  }
  const texts: string[] = [];
  texts.push(objectJson(read.row, sheetRowOf(state, node) as unknown as Record<string, unknown>, texts));
  const parts = texts.map((text) => Buffer.from(text));
  shelf.set(node, parts);
  byShape.set(read.selection, { inputs, parts });
  return { parts, fresh: parts.reduce((sum, part) => sum + part.length, 0) };
}

/**
 * A row's parts also kept on its node, with what sheetRowOf wrote them from: under B4's train of syncs every commit
 * makes a new state, and each pane's delta wrote again, for that state, rows no commit since had touched (12.7 % of
 * the server's event loop, session lite). A patched state hands on the node, target, revision and measurement
 * objects of every row it did not touch, and no row is changed in place in a state (kept-state-untouched), so the
 * same objects and the same period are the same row; the versions and change time are compared too.
 */
/** rows whose parts came from another state's (tests) */
export const rowsCarried = { count: 0 };

const written = new WeakMap<PlanNode, Map<string, { inputs: unknown[]; parts: Buffer[] }>>();

function rowInputs(state: PlanState, node: PlanNode): unknown[] {
  const inputs: unknown[] = [state.year, state.checkpoint, state.rowVersion(node), node.updatedAt.getTime()];
  if (!(node instanceof Indicator)) return inputs;
  const targets = state.targetsOf.get(node.id);
  inputs.push(targets, state.measurementOf.get(node.id), ...state.unitNames(node.id));
  for (const target of targets ?? []) inputs.push(target, state.revisionsOf.get(target.id));
  return inputs;
}

function sameInputs(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, k) => value === b[k]);
}

/**
 * A few deltas kept per state and scores: the panes that last read the same stamp ask the same rows of
 * the next (bench B4: a 20-row sync of 50 panes is a megabyte of rows, joined again for every pane's delta, and
 * copied again to be sent); a pane's next delta starts from the state it reads.
 */
const deltas = new KeptTexts(8);

/** The delta's rows, each from its kept JSON and its score's, as the bytes of one JSON list. */
async function deltaJson(
  { state }: SheetRead,
  nodes: PlanNode[],
  scores: PlanScores,
  read: DeltaRead,
  budget: StateBudget,
) {
  const { year, checkpoint } = state;
  const rows: Array<Buffer | Buffer[]> = [];
  let fresh = 0;
  // the rows' parts kept on the state count in its kept size, as its kept deltas do
  let keptBytes = 0;
  const key = read.realization ? scoreKey(read.realization, year, checkpoint) : '';
  const shelf = shelfOf(state, read.selection);
  const carried = carriedShelf(state, read.selection);
  for (const node of nodes) {
    const row = rowParts(state, shelf, carried, node, read);
    if (row.parts.length > 1) {
      const result = scoreOfRow(scores, { level: levelOfNode(node), rowId: node.id });
      const realization = realizationBytes(result, read.realization!, year, checkpoint, key);
      rows.push([row.parts[0], realization.bytes, row.parts[1]]);
      if (realization.fresh) fresh++;
    } else rows.push(row.parts[0]);
    if (row.fresh) {
      fresh++;
      keptBytes += row.fresh;
    }
    if (fresh >= ROWS_PER_TURN) {
      fresh = 0;
      await nextTurn();
    }
  }
  budget.grow(state, keptBytes);
  return jsonListBytes(rows);
}

/**
 * The answer of a delta read (delta-read.ts): the rows, deletions, scores and cursor the `sheetRows` resolver gives
 * (sheet-read.ts and nodesChangedSince are their common start, in the resolver's order), each row written from its
 * kept JSON and its score's.
 */
export async function deltaAnswer(ctx: Context, read: DeltaRead): Promise<Record<string, unknown>> {
  const { planId, year, since, after, scope } = read.args;
  const checkpoint = read.args.checkpoint as Checkpoint;
  const sheet = await readSheet(ctx, planId, year, checkpoint);
  const from = await deltaFrom(ctx, planId, sheet, since, after);
  const scoped = resolveScope(ctx, sheet.state, scope);
  let delta = { rows: [] as PlanNode[], deletedRowIds: [] as string[] };
  if (from) {
    const { nodes, deletedRowIds } = await nodesChangedSince(ctx.em, sheet.state, from, Boolean(after));
    delta = deltaInScope(scoped, { rows: nodes, deletedRowIds }, (node) => node.id);
  }
  const scores = await sheetScores(ctx, sheet);
  // the rows are the state's nodes changed from `from` in the scope: the same key, the same rows
  const key = JSON.stringify([
    read.selection,
    read.realization?.selection ?? null,
    from?.getTime() ?? null,
    Boolean(after),
    scoped?.kind ?? null,
    scoped?.id ?? null,
  ]);
  const write = () => deltaJson(sheet, delta.rows, scores, read, ctx.snapshots);
  const rows = await deltas.of(sheet.state, scores, key, write, ctx.snapshots);
  const page: Record<string, unknown> = {};
  for (const field of read.page) {
    if (field.name === 'rows') page[field.key] = keptJson(responseOf(ctx), rows);
    else if (field.name === '__typename') page[field.key] = 'SheetRowsPage';
    else if (field.name === 'deletedRowIds') page[field.key] = leafValue(field.type, delta.deletedRowIds);
    else if (field.name === 'serverTime') page[field.key] = leafValue(field.type, sheet.serverTime);
    else page[field.key] = leafValue(field.type, cursorOf(planId, sheet.changeCount));
  }
  return { [read.key]: page };
}
