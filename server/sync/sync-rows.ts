import { createHash } from 'node:crypto';
import { LIMITS, type SheetRowIn } from '@core/sheet/row';
import { PlanVersion } from '../entities';
import { SyncBatch } from '../entities/sync-batch';
import { InputError, NotFoundError } from '../errors';
import type { ServiceContext } from '../services/service-context';
import { JsonText } from '../speed/bound-insert';
import { insertNewRow } from '../speed/bulk-write';
import { outcomeOf, type SyncOutcome } from './answer';
import { applyRows } from './apply';
import { checkPlacements, readCruscotti, writePlacements } from './dashboard-rows';
import { decideRows, refuseBatch } from './decide';
import { codeOf, levelOfNode, loadPlanState, type PlanState, titleOf } from './plan-state';
import { foldWords } from '@core/vocabulary/fold';
import { takeTurnOnPlan } from './plan-lock';
import { keepAllowedCells } from './partial-rows';
import { guardRows } from './row-access';
import { expandOutcome, foldRepeats, type KnownNode, refuseUnseenChanges } from './repeat-rows';
import type { SyncInput } from './row-plan';

export type { SyncInput, SyncMode, RowStatus } from './row-plan';
export type { AffectedScore, RowResult, SyncOutcome } from './answer';

/** Test seam: runs after the rows are written and before the transaction commits (crash injection). */
export type SyncHooks = { afterWrite?: () => void | Promise<void> };

/** The plan's nodes by level and code (perspectives also by name), as a cruscotto row names them. */
function knownNodes(state: PlanState): KnownNode {
  const index = new Map<string, { id: string; version: number }>();
  for (const node of state.nodes.values()) {
    const level = levelOfNode(node);
    const code = codeOf(node);
    const entry = { id: node.id, version: state.rowVersion(node) };
    if (code) index.set(`${level}:${code}`, entry);
    if (level === 'perspective') index.set(`perspective~${foldWords(titleOf(node))}`, entry);
  }
  return (key) => index.get(key);
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

function hashOf(input: SyncInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.year, input.checkpoint, input.mode, input.rows]))
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
  try {
    return await ctx.em.transactional(async (em) => {
      await takeTurnOnPlan(em, input.planId);
      const tx: ServiceContext = { ...ctx, em, auditBuffer: fast ? [] : undefined };
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
      const read = await loadPlanState(em, plan.id, input.year, input.checkpoint, { readOnly: fast });
      // a row repeating a node in another cruscotto is folded into the first: the plan phases see each node once
      // a delete on a cruscotto row removes its entry, never the node: the plan phases see the row without it
      const folded = foldRepeats(input.rows.map(entryRemoval), knownNodes(read));
      const nodeInput: SyncInput = { ...input, rows: folded.nodeRows };
      const cruscotti = await readCruscotti(tx, plan, input.rows);
      const checked = decideRows(read, nodeInput, plan.cycle.years);
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
      if (input.mode === 'atomic' && refused) {
        refuseBatch(plans);
      } else {
        ({ state, after } = await applyRows(tx, read, plans, nodeInput));
        placed = await writePlacements(tx, plan, folded, plans, cruscotti, after);
        await hooks.afterWrite?.();
      }
      const outcome = expandOutcome(
        await outcomeOf(tx, state, after, plans, nodeInput),
        folded,
        input,
        placed,
        cruscotti.removed,
      );
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
      return outcome;
    });
  } finally {
    ctx.em.clear();
  }
}
