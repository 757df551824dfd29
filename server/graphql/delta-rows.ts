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
 * Each row's JSON but its realization, as UTF-8 bytes, per state and row selection: a state is one stamp's, read by
 * every pane until the next commit, and each pane's delta carries the rows of the commits since its last read, the
 * same rows for every pane. Cut at the realization's place (delta-read.ts, objectJson): one part without it, two
 * around it. As bytes, a delta's rows are copied into its answer's bytes, never joined into a string and encoded.
 */
const kept = new WeakMap<PlanState, Map<string, Buffer[]>>();

function rowParts(state: PlanState, node: PlanNode, read: DeltaRead): { parts: Buffer[]; fresh: number } {
  let byRow = kept.get(state);
  if (!byRow) kept.set(state, (byRow = new Map()));
  const key = `${read.selection}|${node.id}`;
  const known = byRow.get(key);
  if (known) return { parts: known, fresh: 0 };
  const inputs = rowInputs(state, node);
  let byShape = written.get(node);
  if (!byShape) written.set(node, (byShape = new Map()));
  const before = byShape.get(read.selection);
  if (before && sameInputs(before.inputs, inputs)) {
    rowsCarried.count++;
    byRow.set(key, before.parts);
    return { parts: before.parts, fresh: 0 };
  }
  const texts: string[] = [];
  texts.push(objectJson(read.row, sheetRowOf(state, node) as unknown as Record<string, unknown>, texts));
  const parts = texts.map((text) => Buffer.from(text));
  byRow.set(key, parts);
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
  for (const node of nodes) {
    const row = rowParts(state, node, read);
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
