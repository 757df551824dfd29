import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, GraphQLString, isObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import type { Checkpoint } from '@core/vocabulary/enums';
import { responseOf } from '../ops/metrics';
import { keptJson } from '../speed/kept-bytes';
import { jsonListBytes, KeptText } from '../speed/kept-texts';
import { type PlanNode } from '../sync/plan-state';
import { scoredRows, trailOf } from '../sync/score-trail';
import { onSheet, resolveScope, type SheetScopeInput } from '../sync/sheet-scope';
import { answeredEarly } from './answered-early';
import type { Context } from './context';
import {
  collect,
  type Leaf,
  leafValue,
  plain,
  realizationLeaves,
  selectionOf,
  type SheetRowsRoot,
  sheetRowsRoot,
} from './realization-read';
import { realizationJson, scoreKey } from './score-json';
import { readSheet, sheetScores } from './sheet-read';

/**
 * The scores of a sheet's rows as `sheetScores` answers them (sheet-scores.resolver.ts and the read served here
 * share it): every row's, or those moved since the scores `after` names (server/sync/score-trail.ts).
 */
export async function scoresSince(
  ctx: Context,
  args: { planId: string; year: number; checkpoint: Checkpoint; after: string | null; scope: SheetScopeInput | null },
): Promise<{
  /** the rows, worked out when asked (a served answer kept for these scores needs none) */
  rows: () => Array<{ node: PlanNode; result: object | undefined }>;
  complete: boolean;
  cursor: string;
  scores: object;
}> {
  const { planId, year, checkpoint, after, scope } = args;
  const read = await readSheet(ctx, planId, year, checkpoint);
  const scoped = resolveScope(ctx, read.state, scope);
  const scores = await sheetScores(ctx, read);
  const trail = trailOf(ctx.snapshots);
  const before = after ? trail.given(planId, year, checkpoint, after) : undefined;
  const shown = scoped ? (node: PlanNode) => onSheet(scoped, node.id) : undefined;
  const rows = () => scoredRows(read.state, scores, before, shown);
  return { rows, complete: !before, cursor: trail.give(planId, year, checkpoint, scores), scores };
}

/**
 * The add-in's read of its moved scores (addin/src/api/queries.ts, SHEET_SCORES), recognised from the operation as
 * realization-read.ts recognises the full realization read: one root `sheetScores`, its page's plain fields, each
 * row's id and its realization's plain leaves, no directive. Two reads of a cycle under B4, each carrying a quarter
 * of the plan's scores (the other panes' syncs since the pane's last read): executed field by field they cost more
 * of the event loop than the full read they replace, served whole from its kept text. Here each row is written from
 * its score's kept JSON (score-json.ts), shared with the full read.
 */
type ScoresRead = {
  key: string;
  args: Parameters<typeof scoresSince>[1];
  page: Array<{ key: string; name: string; type: GraphQLOutputType }>;
  row: Array<{ key: string; name: string; type: GraphQLOutputType }>;
  realization: { leaves: Leaf[]; selection: string } | null;
};

const PAGE = new Set(['rows', 'complete', 'cursor', '__typename']);
const ROW = new Set(['rowId', 'realization', '__typename']);

/** The fields `node` asks of `type`, each plain (or __typename) and in `allowed`; null otherwise. */
function fieldsOf(
  schema: GraphQLSchema,
  root: SheetRowsRoot,
  type: GraphQLOutputType,
  node: SheetRowsRoot['node'],
  allowed: Set<string>,
) {
  const named = getNamedType(type);
  if (!isObjectType(named) || !node.selectionSet) return null;
  const fields = collect(schema, root.fragments, named, node.selectionSet);
  if (!fields) return null;
  const out: Array<{ key: string; name: string; type: GraphQLOutputType; node: SheetRowsRoot['node'] }> = [];
  for (const { key, node: field } of fields) {
    const name = field.name.value;
    const def = named.getFields()[name];
    if (!allowed.has(name) || (name !== '__typename' && !plain(def, field))) return null;
    out.push({ key, name, type: name === '__typename' ? GraphQLString : def.type, node: field });
  }
  return { named, fields: out };
}

function scoresRead(schema: GraphQLSchema, root: SheetRowsRoot): ScoresRead | null {
  const page = fieldsOf(schema, root, root.page, root.node, PAGE);
  if (!page) return null;
  const read: ScoresRead = {
    key: root.key,
    args: root.args as ScoresRead['args'],
    page: [],
    row: [],
    realization: null,
  };
  for (const field of page.fields) {
    read.page.push(field);
    if (field.name !== 'rows') continue;
    const row = fieldsOf(schema, root, field.type, field.node, ROW);
    if (!row) return null;
    for (const r of row.fields) {
      read.row.push(r);
      if (r.name !== 'realization') continue;
      const leaves = realizationLeaves(schema, root.fragments, row.named.getFields().realization, r.node);
      if (!leaves) return null;
      read.realization = { leaves, selection: selectionOf(leaves) };
    }
  }
  return read;
}

/**
 * each row's JSON as UTF-8 bytes per score object and selection (a score is one row's: its id is checked all the
 * same), and the answers' rows as one list of them (kept-texts.ts, jsonListBytes) sent as kept bytes (kept-bytes.ts):
 * as a text, a moved read's rows (a quarter of the plan's scores under B4) were joined into a string, copied into
 * the answer's string by Apollo's stringifyResult and encoded again by Express's send, about a tenth of a moved
 * read's event loop (bench/results/2026-12-07.md, session readcpu)
 */
const rowBytes = new WeakMap<object, Map<string, { id: string; bytes: Buffer }>>();

/** answers' rows per scores object, the scores before (their cursor, none when complete), selection and scope */
const answers = new WeakMap<object, Map<string, KeptText>>();

function listOf(rows: Buffer[], scores: object, whole: string): KeptText {
  const list = new KeptText(jsonListBytes(rows));
  let byKey = answers.get(scores);
  if (!byKey) answers.set(scores, (byKey = new Map()));
  byKey.set(whole, list);
  return list;
}

async function answerOf(ctx: Context, read: ScoresRead): Promise<Record<string, unknown>> {
  const { year } = read.args;
  const checkpoint = read.args.checkpoint as Checkpoint;
  const { rows, complete, cursor, scores } = await scoresSince(ctx, read.args);
  const key = read.realization ? scoreKey(read.realization, year, checkpoint) : '';
  const shape = `${key}|${JSON.stringify(read.row.map((f) => [f.key, f.name]))}`;
  const names = read.row.map((field) => `${JSON.stringify(field.key)}:`);
  const rowText = (node: PlanNode, result: object | undefined) => {
    const parts = read.row.map((field, k) => {
      const value =
        field.name === 'rowId'
          ? JSON.stringify(leafValue(field.type, node.id))
          : field.name === '__typename'
            ? '"SheetRowScore"'
            : realizationJson(result, read.realization!, year, checkpoint, key).json;
      return names[k] + value;
    });
    return `{${parts.join(',')}}`;
  };
  // the same for each pane that read the same scores before (bench B4: 50 panes binding at once, or reading after
  // the same syncs), or every row's
  const whole = `${complete ? '' : read.args.after}|${shape}|${JSON.stringify(read.args.scope ?? null)}`;
  const known = answers.get(scores)?.get(whole);
  const list =
    known ??
    listOf(
      rows().map(({ node, result }) => {
        if (!result) return Buffer.from(rowText(node, result));
        // a row's bytes kept on its score: every pane reading after the same syncs asks the same moved rows
        let byShape = rowBytes.get(result);
        if (!byShape) rowBytes.set(result, (byShape = new Map()));
        const kept = byShape.get(shape);
        if (kept?.id === node.id) return kept.bytes;
        const bytes = Buffer.from(rowText(node, result));
        byShape.set(shape, { id: node.id, bytes });
        return bytes;
      }),
      scores,
      whole,
    );
  const page: Record<string, unknown> = {};
  for (const field of read.page) {
    if (field.name === 'rows') page[field.key] = keptJson(responseOf(ctx), list);
    else if (field.name === '__typename') page[field.key] = 'SheetScoresPage';
    else if (field.name === 'complete') page[field.key] = leafValue(field.type, complete);
    else page[field.key] = leafValue(field.type, cursor);
  }
  return { [read.key]: page };
}

/** reads answered here rather than executed (tests) */
export const scoresServed = { count: 0 };

/** Answers the add-in's moved-scores read before execution (as realization-rows.ts the full read); else executed. */
export function sheetScoresPlugin(): ApolloServerPlugin<Context> {
  return answeredEarly(({ schema, operation, fragments, variables, context }) => {
    const root = sheetRowsRoot(schema, operation, fragments, variables, 'sheetScores');
    const read = root && scoresRead(schema, root);
    if (!read) return null;
    return async () => {
      const data = await answerOf(context, read);
      scoresServed.count++;
      return data;
    };
  });
}
