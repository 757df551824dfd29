import type { ApolloServerPlugin } from '@apollo/server';
import type { Checkpoint } from '@core/vocabulary/enums';
import { cursorOf } from '../services/commit-order';
import { scoreOfRow } from '../services/score-of-row';
import { nextTurn } from '../speed/next-turn';
import { keptJson } from '../speed/kept-bytes';
import { jsonListBytes, KeptTexts } from '../speed/kept-texts';
import { responseOf } from '../ops/metrics';
import { levelOfNode, type PlanNode } from '../sync/plan-state';
import type { PlanScores } from '../services/realization';
import { rowNodes } from '../sync/sheet-rows';
import { onSheet, resolveScope } from '../sync/sheet-scope';
import { answeredEarly } from './answered-early';
import type { Context } from './context';
import { deltaRead } from './delta-read';
import { deltaAnswer } from './delta-rows';
import { leafValue, type RealizationRead, realizationRead, sheetRowsRoot } from './realization-read';
import { realizationJson, ROWS_PER_TURN, scoreKey } from './score-json';
import { readSheet, sheetScores } from './sheet-read';

/** The rows' JSON of a state and its scores, per selection, period and scope (answerOf) */
const answered = new KeptTexts();

/**
 * Each row's whole JSON as UTF-8 bytes, per score object and read shape: a new state (every commit) is written again
 * row by row, and a sync leaves most score objects as they were (score-json.ts), so most rows are copied as they were
 * written for the state before, bytes to bytes: no string of all the rows, nothing encoded again. The row's id is
 * kept with it: a score is one row's.
 */
const rowBytes = new WeakMap<object, Map<string, { id: string; bytes: Buffer }>>();

/** Every row of `nodes` with its score's kept JSON, as the bytes of one JSON list. */
async function rowsJson(
  nodes: PlanNode[],
  scores: PlanScores,
  read: RealizationRead,
  year: number,
  checkpoint: Checkpoint,
): Promise<Buffer> {
  const rows: Buffer[] = [];
  let fresh = 0;
  const key = scoreKey(read, year, checkpoint);
  const shape = JSON.stringify([read.row, key]);
  for (const node of nodes) {
    const result = scoreOfRow(scores, { level: levelOfNode(node), rowId: node.id });
    const known = result ? rowBytes.get(result)?.get(shape) : undefined;
    if (known?.id === node.id) {
      rows.push(known.bytes);
      continue;
    }
    const parts: string[] = [];
    for (const field of read.row) {
      let value: string;
      if (field.name === 'rowId') value = JSON.stringify(node.id);
      else if (field.name === '__typename') value = '"SheetRow"';
      else {
        const written = realizationJson(result, read, year, checkpoint, key);
        value = written.json;
        if (written.fresh && ++fresh % ROWS_PER_TURN === 0) await nextTurn();
      }
      parts.push(`${JSON.stringify(field.key)}:${value}`);
    }
    const bytes = Buffer.from(`{${parts.join(',')}}`);
    rows.push(bytes);
    if (!result) continue;
    let byShape = rowBytes.get(result);
    if (!byShape) rowBytes.set(result, (byShape = new Map()));
    byShape.set(shape, { id: node.id, bytes });
  }
  return jsonListBytes(rows);
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
  const rows = await answered.of(
    sheet.state,
    scores,
    key,
    () => {
      const nodes = rowNodes(sheet.state, scoped ? (node) => onSheet(scoped, node.id) : undefined);
      return rowsJson(nodes, scores, read, year, checkpoint);
    },
    ctx.snapshots,
  );
  const page: Record<string, unknown> = {};
  for (const field of read.page) {
    if (field.name === 'rows') page[field.key] = keptJson(responseOf(ctx), rows);
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
 * before. Parsing, validation, limits and the price check have run. With the fast paths off, never. The same for
 * the pane's delta read (delta-read.ts, delta-rows.ts: three a cycle, each carrying every row changed since the
 * pane's last read with all its columns), the slowest request of B4 once the realization read was served here.
 */
export function realizationRowsPlugin(): ApolloServerPlugin<Context> {
  return answeredEarly(({ schema, operation, fragments, variables, context }) => {
    const root = sheetRowsRoot(schema, operation, fragments, variables);
    const read = root && realizationRead(schema, root);
    if (read) return () => answerOf(context, read);
    const delta = root ? deltaRead(schema, root) : null;
    return delta ? () => deltaAnswer(context, delta) : null;
  });
}
