import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { LIMITS, type SheetRowIn } from '@core/sheet/row';
import { PlanVersion } from '../entities';
import { SyncBatch } from '../entities/sync-batch';
import { InputError, NotFoundError } from '../errors';
import type { ServiceContext } from '../services/service-context';
import { bumpPlanNow } from '../services/plan-change-counter';
import { noteCommitDetail } from '../services/committed-changes';
import { onlyBumpedBy, type PlanStamp, readPlanStamp } from '../services/plan-stamp';
import type { PlanScores } from '../services/realization';
import { JsonText } from '../speed/bound-insert';
import { insertNewRow } from '../speed/bulk-write';
import { outcomeOf, type SyncOutcome } from './answer';
import { applyRows } from './apply';
import { reuseFor, scoresAfter, sheetChangeOf, valuesOnly } from './rescore';
import { checkPlacements, readCruscotti, writePlacements } from './dashboard-rows';
import { decideRows, refuseBatch } from './decide';
import { codeOf, levelOfNode, type PlanNode, type PlanState, titleOf } from './plan-state';
import { type KeptAfter, keepStateAfter, keepsState, stateBeforeTurn, stateInTurn } from './kept-state';
import { foldWords } from '@core/vocabulary/fold';
import { takeTurnOnPlan } from './plan-lock';
import type { SyncClock } from './sync-clock';
import { keepAllowedCells } from './partial-rows';
import { guardRows } from './row-access';
import { expandOutcome, foldRepeats, type KnownNode, refuseUnseenChanges } from './repeat-rows';
import type { SyncInput } from './row-plan';
import { refuseOutsideScope } from './scope-rows';
import { resolveScope } from './sheet-scope';

export type { SyncInput, SyncMode, RowStatus } from './row-plan';
export type { AffectedScore, RowResult, SyncOutcome } from './answer';

/**
 * Test seams: `afterWrite` runs after the rows are written and before the transaction commits (crash injection);
 * `beforeTurn` after the plan state is read outside the transaction and before the sync takes its turn (a writer
 * coming in between).
 */
export type SyncHooks = {
  afterWrite?: () => void | Promise<void>;
  beforeTurn?: () => void | Promise<void>;
  /** the profile's phases (sync-clock.ts) */
  clock?: SyncClock | null;
};

/** knownNodes' index per plan state: a kept state (kept-state.ts) is indexed once, not per sync */
const nodeIndexes = new WeakMap<PlanState, KnownNode>();

/** The plan's nodes by level and code (perspectives also by name), as a cruscotto row names them. */
function knownNodes(state: PlanState): KnownNode {
  const known = nodeIndexes.get(state);
  if (known) return known;
  // a row's version only for the rows a batch names: summing every node's targets was most of the index's time
  const index = new Map<string, PlanNode>();
  for (const node of state.nodes.values()) {
    const level = levelOfNode(node);
    const code = codeOf(node);
    if (code) index.set(`${level}:${code}`, node);
    if (level === 'perspective') index.set(`perspective~${foldWords(titleOf(node))}`, node);
  }
  const lookup: KnownNode = (key) => {
    const node = index.get(key);
    return node && { id: node.id, version: state.rowVersion(node) };
  };
  nodeIndexes.set(state, lookup);
  return lookup;
}

/**
 * A cruscotto row sent with `delete` names the node only to say which entry leaves the cruscotto: it keeps its
 * identity cells (id, version, level, code, a perspective's title) and loses the delete, so the node is left as it is.
 */
function entryRemoval(row: SheetRowIn): SheetRowIn {
  if (!row.delete || !row.dashboard?.trim()) return row;
  const { rowId, rowVersion, clientRef, level, code, title, dashboard } = row;
  return { rowId, rowVersion, clientRef, level, code, dashboard, ...(code?.trim() ? {} : { title }) };
}

/**
 * The stamp the transaction's commit will leave, when the scores computed in it are those of that stamp: the sync
 * bumps the plan's counter itself (once, if it wrote) and reads the stamp again; kept only if nothing but this bump
 * moved it since `before`, read before the plan's rows (a mutation committed in between, on PostgreSQL, would have
 * changed rows these scores did not see). Then no other writer can move it before the commit: on PostgreSQL the
 * bumped row stays locked, SQLite writes one transaction at a time.
 */
async function scoresToKeep(em: EntityManager, before: PlanStamp, wrote: boolean): Promise<PlanStamp | null> {
  if (wrote) await bumpPlanNow(em, before.planId);
  const after = await readPlanStamp(em, before.planId);
  return onlyBumpedBy(before, after, wrote ? 1 : 0) ? after : null;
}

function hashOf(input: SyncInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify([input.year, input.checkpoint, input.mode, input.rows, ...(input.scope ? [input.scope] : [])]),
    )
    .digest('hex');
}

/**
 * Applies a sheet's rows to one plan version for one (year, checkpoint), in one transaction: valid rows are
 * written (partial) or nothing is unless every row is valid (atomic); a stale row is a conflict, never an
 * overwrite; a retried batch key returns the first answer. Three phases: decide (decide.ts) reads the plan with a
 * fixed number of statements as read-only rows and decides each row's status; apply (apply.ts) writes the accepted
 * rows set-based; answer (answer.ts) scores the plan as it now is in memory (not re-read). With the fast paths off
 * (server/speed), the plan is read as managed entities and every write, created rows and audit events included, goes
 * through one flush.
 */
export async function syncRows(ctx: ServiceContext, input: SyncInput, hooks: SyncHooks = {}): Promise<SyncOutcome> {
  if (input.rows.length > LIMITS.rowsPerBatch) {
    throw InputError.of(
      'rows',
      'BATCH_TOO_LARGE',
      `at most ${LIMITS.rowsPerBatch} rows per batch, got ${input.rows.length}; split the sheet into several batches`,
    );
  }
  const requestHash = hashOf(input);
  const fast = ctx.fastPaths !== false;
  let keep: PlanStamp | null = null;
  let kept: PlanScores | null = null;
  let keptState: KeptAfter | null = null;
  const clock = hooks.clock;
  try {
    // the plan as read-only rows before the turn: the writer's turn is not held while the whole plan is read
    const early = await stateBeforeTurn(ctx, input.planId, input.year, input.checkpoint);
    await hooks.beforeTurn?.();
    clock?.mark('early');
    const result = await ctx.em.transactional(async (em) => {
      clock?.mark('begin');
      await takeTurnOnPlan(em, input.planId);
      clock?.mark('lock');
      const tx: ServiceContext = { ...ctx, em, auditBuffer: fast ? [] : undefined, batchKey: input.batchKey ?? null };
      const plan = await em.findOne(PlanVersion, { id: input.planId }, { populate: ['cycle'] });
      if (!plan) throw new NotFoundError('PlanVersion', input.planId);
      if (input.batchKey) {
        const prior = await em.findOne(SyncBatch, { plan: plan.id, batchKey: input.batchKey });
        if (prior) {
          if (prior.requestHash !== requestHash) {
            throw InputError.of(
              'batchKey',
              'KEY_REUSED',
              'this batch key was used for different rows; use a new key for a new batch',
            );
          }
          return { ...(prior.response as unknown as SyncOutcome), replayed: true };
        }
      }
      if (!plan.cycle.years.includes(input.year)) {
        throw InputError.of(
          'year',
          'BAD_YEAR',
          `${input.year} is not a year of this plan (${plan.cycle.years.join(', ')})`,
        );
      }
      // the stamp before the rows are read: the scores computed below are kept only if no other writer came between
      const before = ctx.snapshots?.enabled ? await readPlanStamp(em, plan.id) : null;
      clock?.mark('lookup');
      // the state read before the turn, if no writer came in between (its stamp is still `before`), else read now
      const read = await stateInTurn(em, early, before, plan.id, input.year, input.checkpoint, fast, ctx.snapshots);
      clock?.note('reread', read !== early?.state);
      clock?.mark('read');
      // a row repeating a node in another cruscotto is folded into the first: the plan phases see each node once
      // a delete on a cruscotto row removes its entry, never the node: the plan phases see the row without it
      const folded = foldRepeats(input.rows.map(entryRemoval), knownNodes(read));
      const nodeInput: SyncInput = { ...input, rows: folded.nodeRows };
      const cruscotti = await readCruscotti(tx, plan, input.rows);
      const checked = decideRows(read, nodeInput, plan.cycle.years);
      refuseOutsideScope(resolveScope(tx, read, input.scope), input, folded, checked);
      refuseUnseenChanges(folded, checked);
      checkPlacements(tx, input, plan.cycle.years, folded, checked, cruscotti, plan);
      // cells refused by the plan's status leave the row before the role check, and cells refused by the role after it
      const decided = keepAllowedCells(checked, input.mode);
      const plans = keepAllowedCells(guardRows(tx, read, decided), input.mode);
      const refused =
        plans.some((p) => p.status === 'rejected' || p.status === 'conflict') ||
        [...folded.repeatErrors.values()].some((errors) => errors.length > 0);
      let state: PlanState = read;
      let after: PlanState = read;
      let placed = new Set<number>();
      clock?.mark('decide');
      let created: ReadonlySet<object> = new Set();
      if (input.mode === 'atomic' && refused) {
        refuseBatch(plans);
      } else {
        ({ state, after, created } = await applyRows(tx, read, plans, nodeInput));
        placed = await writePlacements(tx, plan, folded, plans, cruscotti, after);
        await hooks.afterWrite?.();
      }
      clock?.mark('apply');
      // the kept scores of `before`, rescored for the rows written, when nothing else moved (rescore.ts)
      const reuse = reuseFor(tx, before, read, after, plans, placed.size > 0 || cruscotti.removed.size > 0);
      let scores = scoresAfter(after, reuse);
      let answer = await outcomeOf(tx, state, after, plans, nodeInput, scores);
      let outcome = expandOutcome(answer, folded, input, placed, cruscotti.removed);
      clock?.mark('answer');
      const wrote = outcome.applied > 0 || placed.size > 0 || cruscotti.removed.size > 0;
      if (before) keep = await scoresToKeep(em, before, wrote);
      if (reuse && !keep) {
        // another writer came between `before` and the rows read (PostgreSQL): what was kept is not theirs
        scores = scoresAfter(after);
        answer = await outcomeOf(tx, state, after, plans, nodeInput, scores);
        outcome = expandOutcome(answer, folded, input, placed, cruscotti.removed);
      } else if (outcome.applied > 0 && !placed.size && !cruscotti.removed.size && valuesOnly(read, after, plans)) {
        // told with the commit: the feeds of this period need not read the plan again (server/live/feeds.ts)
        if (reuse) noteCommitDetail(em, sheetChangeOf(after, outcome));
        // the state after differs from the one read by the rows written, scores kept before or not (kept-state.ts)
        if (before && fast) keptState = { read, after, created, from: before, valuesOnly: true };
      } else if (before && fast && outcome.applied > 0 && keepsState(plans, placed, cruscotti.removed)) {
        // new rows: the state they left is kept from the rows as inserted, not read again by the next sync (B1)
        keptState = { read, after, created, from: before, valuesOnly: false };
      }
      if (input.batchKey) {
        if (fast) {
          // a native insert: the unit of work would re-examine every row of the batch for one more row
          await insertNewRow(em, SyncBatch, {
            org: plan.org.id,
            plan: plan.id,
            batchKey: input.batchKey,
            requestHash,
            // serialised once, as the answer's JSON is what a replay returns
            response: new JsonText(JSON.stringify(outcome)),
          });
        } else {
          const response = JSON.parse(JSON.stringify(outcome)) as Record<string, unknown>;
          em.create(SyncBatch, { org: plan.org, plan, batchKey: input.batchKey, requestHash, response });
          await em.flush();
        }
      }
      kept = scores;
      clock?.mark('finish');
      return outcome;
    });
    clock?.mark('commit');
    // committed: the next read of this period, on this instance, finds the scores the answer was computed from
    if (keep && kept) ctx.snapshots!.put(keep, input.year, input.checkpoint, { scores: kept, snapshot: null });
    // and the plan's next sync, or sheetRows, finds the rows of that stamp without reading the plan (kept-state.ts)
    const left = keptState as KeptAfter | null;
    // committed already: a failed read here costs the next sync its plan read, never this batch its answer
    if (keep && left) await keepStateAfter(ctx, left, keep).catch(() => undefined);
    clock?.mark('keepAfter');
    return result;
  } finally {
    ctx.em.clear();
  }
}
