import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { Checkpoint } from '@core/vocabulary/enums';
import { cursorOf } from '../services/commit-order';
import { realizationView } from '../services/realization-view';
import { scoreOfRow } from '../services/score-of-row';
import { nextTurn } from '../speed/next-turn';
import { RawJson } from '../speed/stringify-in-slices';
import { levelOfNode, type PlanNode } from '../sync/plan-state';
import type { PlanScores } from '../services/realization';
import { rowNodes } from '../sync/sheet-rows';
import { onSheet, resolveScope } from '../sync/sheet-scope';
import type { Context } from './context';
import { type Leaf, leafValue, type RealizationRead, realizationRead } from './realization-read';
import { readSheet, sheetScores } from './sheet-read';

/**
 * Each score's realization as JSON, per selection, year and checkpoint: written once per score object. The scores
 * of a plan are computed once per change and a sync rescores only what it moved, keeping every other result as the
 * same object (services/realization.ts, ScoreReuse): so after a 20-row sync a read writes the JSON of those rows
 * and of the aggregates above them, and copies the others'. Keyed by the object, so it goes with its scores.
 */
const written = new WeakMap<object, Map<string, string>>();

/** rows whose score is written anew between two turns of the event loop (the first read of a plan writes them all) */
const ROWS_PER_TURN = 500;

function realizationJson(
  result: object | undefined,
  read: RealizationRead,
  year: number,
  checkpoint: Checkpoint,
): { json: string; fresh: boolean } {
  if (!result) return { json: 'null', fresh: false };
  const key = `${year}|${checkpoint}|${read.selection}`;
  let byKey = written.get(result);
  const kept = byKey?.get(key);
  if (kept !== undefined) return { json: kept, fresh: false };
  const view = realizationView(result as Parameters<typeof realizationView>[0], year, checkpoint)!;
  const out: Record<string, unknown> = {};
  for (const leaf of read.leaves)
    out[leaf.key] = leaf.name === '__typename' ? 'Realization' : leafValue(leaf.type, readLeaf(view, leaf));
  const json = JSON.stringify(out);
  if (!byKey) written.set(result, (byKey = new Map()));
  byKey.set(key, json);
  return { json, fresh: true };
}

function readLeaf(view: object, leaf: Leaf): unknown {
  return (view as Record<string, unknown>)[leaf.name];
}

/** The rows' JSON of a state and its scores, per selection, period and scope (answerOf) */
const answered = new WeakMap<object, WeakMap<object, Map<string, string>>>();

/** Every row of `nodes` with its score's kept JSON, as one JSON list. */
async function rowsJson(
  nodes: PlanNode[],
  scores: PlanScores,
  read: RealizationRead,
  year: number,
  checkpoint: Checkpoint,
): Promise<string> {
  const rows: string[] = [];
  let fresh = 0;
  for (const node of nodes) {
    const parts: string[] = [];
    for (const field of read.row) {
      let value: string;
      if (field.name === 'rowId') value = JSON.stringify(node.id);
      else if (field.name === '__typename') value = '"SheetRow"';
      else {
        const result = scoreOfRow(scores, { level: levelOfNode(node), rowId: node.id });
        const written = realizationJson(result, read, year, checkpoint);
        value = written.json;
        if (written.fresh && ++fresh % ROWS_PER_TURN === 0) await nextTurn();
      }
      parts.push(`${JSON.stringify(field.key)}:${value}`);
    }
    rows.push(`{${parts.join(',')}}`);
  }
  return `[${rows.join(',')}]`;
}

/**
 * The answer of a realization read (realization-read.ts): the same rows, scores and cursor as the `sheetRows`
 * resolver gives (sheet-read.ts is their common start), each row written from its score's kept JSON.
 */
async function answerOf(ctx: Context, read: RealizationRead): Promise<Record<string, unknown>> {
  const { planId, year, scope } = read.args;
  const checkpoint = read.args.checkpoint as Checkpoint;
  const sheet = await readSheet(ctx, planId, year, checkpoint);
  const scoped = resolveScope(ctx, sheet.state, scope);
  const scores = await sheetScores(ctx, sheet);
  // the rows of one state and its scores are the same for every pane reading that stamp: written once
  const key = JSON.stringify([read.selection, read.row, year, checkpoint, scoped?.kind ?? null, scoped?.id ?? null]);
  const byScores = answered.get(sheet.state) ?? new WeakMap<object, Map<string, string>>();
  answered.set(sheet.state, byScores);
  const kept = byScores.get(scores) ?? new Map<string, string>();
  byScores.set(scores, kept);
  let text = kept.get(key);
  if (text === undefined) {
    const nodes = rowNodes(sheet.state, scoped ? (node) => onSheet(scoped, node.id) : undefined);
    text = await rowsJson(nodes, scores, read, year, checkpoint);
    kept.set(key, text);
  }
  const page: Record<string, unknown> = {};
  for (const field of read.page) {
    if (field.name === 'rows') page[field.key] = new RawJson(text);
    else if (field.name === '__typename') page[field.key] = 'SheetRowsPage';
    else if (field.name === 'deletedRowIds') page[field.key] = [];
    else if (field.name === 'serverTime') page[field.key] = leafValue(field.type, sheet.serverTime);
    else page[field.key] = leafValue(field.type, cursorOf(planId, sheet.changeCount));
  }
  return { [read.key]: page };
}

/**
 * The add-in reads every row's realization twice a cycle (bench B4, bench/addin-mix.ts): 4,800 rows executed field
 * by field, serialised again each time, were most of a busy server's time. This plugin answers that read before
 * execution, with the resolver's rows and scores, written from each score's kept JSON; any other operation, or a
 * read it cannot write exactly as graphql-js would (an error to report, a value it would refuse), is executed as
 * before. Parsing, validation, limits and the price check have run. With the fast paths off, never.
 */
export function realizationRowsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue, schema }) {
          if (!contextValue.fastPaths) return null;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          const read = realizationRead(schema, operation, fragments, request.variables ?? {});
          if (!read) return null;
          try {
            const data = await answerOf(contextValue, read);
            return { body: { kind: 'single', singleResult: { data } }, http: { headers: new HeaderMap() } };
          } catch {
            // executed instead: the resolver reports the error (not found, forbidden, a bad scope) as for any read,
            // and a value this could not write as graphql-js does (NotServedHere) is completed by graphql-js
            return null;
          }
        },
      };
    },
  };
}
