import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { SheetRowIn } from '@core/sheet/row';
import { Indicator, type PlanVersion } from '../entities';
import { SyncBatch } from '../entities/sync-batch';
import { InputError } from '../errors';
import type { ServiceContext } from '../services/service-context';
import type { PlanScores } from '../services/realization';
import type { SheetChange } from './rescore';
import { outcomeOf, type SyncOutcome } from './answer';
import { applyRows } from './apply';
import { reuseFor, scoresAfter, sheetChangeOf, valuesOnly } from './rescore';
import { checkPlacements, readCruscotti, writePlacements } from './dashboard-rows';
import { decideRows, refuseBatch } from './decide';
import type { PlanState } from './plan-state';
import { type KeptAfter, keepsState } from './kept-state';
import { keepAllowedCells } from './partial-rows';
import { guardRows } from './row-access';
import { expandOutcome, foldRepeats, type KnownNode, refuseUnseenChanges } from './repeat-rows';
import { type RowPlan, type SyncInput, writesOnlyActuals } from './row-plan';
import { refuseOutsideScope } from './scope-rows';
import { resolveScope } from './sheet-scope';
import type { SyncClock } from './sync-clock';
import { replayedAnswer, type StoredAnswer, type StoredAnswers } from './stored-answers';

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

/** One caller's batch in a turn on the plan: its own context (actor, role, source), rows and hooks. */
export type SyncMember = { ctx: ServiceContext; input: SyncInput; hooks?: SyncHooks };

/** What the batches of a turn before this one left: the plan state, and its period's scores when known. */
export type TurnSoFar = {
  em: EntityManager;
  plan: PlanVersion;
  state: PlanState;
  scores: PlanScores | undefined;
  /** the batch keys answered earlier in this turn, not yet stored: their request's hash and who answered */
  keys: Map<string, { requestHash: string; member: number }>;
  /** the answers stored before the turn for its batch keys, read once when it took the plan's lock */
  stored: StoredAnswers;
  /** the audit events of the batches answered earlier in this turn, inserted together at its end */
  audit: HeldEvents;
  /** on SQLite, where the turn's audit events are inserted as they are recorded (ServiceContext.auditRows) */
  auditRows?: ServiceContext['auditRows'];
};

/** audit events recorded, held for the turn's one insert (ServiceContext.auditHeld) */
export type HeldEvents = NonNullable<ServiceContext['auditBuffer']>;

/** A batch decided, applied and answered in the turn. */
export type BatchDone = {
  outcome: SyncOutcome;
  requestHash: string;
  /** the plan's scores after it, and whether they were rescored from kept ones (trusted only if the stamp holds) */
  scores: PlanScores;
  reused: boolean;
  /** its answer with the whole plan scored again: when the stamp shows another writer came in between */
  scoredAgain: () => Promise<SyncOutcome>;
  wrote: boolean;
  /** the change the live feeds can tell without reading the plan (values of existing indicators, scores rescored) */
  change: SheetChange | null;
  /** the state it left, when that state is the whole of what it wrote (kept-state.ts) */
  left: KeptAfter | null;
  /** its audit events, held for the turn's insert (none without the fast paths: those went with the flush) */
  audit: HeldEvents;
};

/** A batch answered by a replay: of a stored answer, or of a batch earlier in the same turn. */
export type BatchReplay = { replay: SyncOutcome } | { replayOf: number };

/**
 * The plan's nodes by level and code (perspectives also by name), as a cruscotto row names them. A key two nodes hold
 * (the API refuses neither) names the first in the plan's order: the one plan lint and the importers leave the code
 * to, asking the later ones to change (test/integration/sync-dashboard-cells.test.ts).
 */
function knownNodes(state: PlanState): KnownNode {
  // indexed on the state, once per plan read (PlanState.nodeKeys); a row's version only for the rows a batch names
  const index = state.nodeKeys();
  return (key) => {
    const node = state.nodes.get(index.byKey.get(key)?.[0] ?? '');
    return node && { id: node.id, version: state.rowVersion(node) };
  };
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

export function hashOf(input: SyncInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify([input.year, input.checkpoint, input.mode, input.rows, ...(input.scope ? [input.scope] : [])]),
    )
    .digest('hex');
}

/** The answer stored for a batch key, or given earlier in this turn: a replay of it, or KEY_REUSED for other rows. */
async function replayOf(turn: TurnSoFar, input: SyncInput, requestHash: string): Promise<BatchReplay | null> {
  const batchKey = input.batchKey!;
  const earlier = turn.keys.get(batchKey);
  const prior =
    earlier ??
    (turn.stored.has(batchKey)
      ? turn.stored.get(batchKey)
      : await turn.em.findOne(SyncBatch, { plan: turn.plan.id, batchKey }));
  if (!prior) return null;
  if (prior.requestHash !== requestHash) {
    throw InputError.of(
      'batchKey',
      'KEY_REUSED',
      'this batch key was used for different rows; use a new key for a new batch',
    );
  }
  if (earlier) return { replayOf: earlier.member };
  return { replay: replayedAnswer(prior as StoredAnswer) };
}

/**
 * Whether a batch's writes may be held for the turn's one statement per table (turn-writes.ts): actual values of
 * indicators that have their measurement already, nothing created, deleted, moved or placed in a cruscotto — the
 * writes the unit of work updates set-based and whose state after it is kept whole (kept-state.ts).
 */
function holdable(read: PlanState, plans: RowPlan[], cruscotti: { placements: unknown[]; removed: Set<number> }) {
  if (cruscotti.placements.length > 0 || cruscotti.removed.size > 0) return false;
  return plans.every(
    (p) =>
      p.status !== 'created' &&
      p.status !== 'deleted' &&
      (p.status !== 'updated' ||
        (p.node instanceof Indicator && writesOnlyActuals(p) && read.measurementOf.has(p.node.id))),
  );
}

/**
 * One batch of a turn, decided against the state the batches before it left (`turn`), applied, and answered with
 * the plan's scores after it: exactly what it would do alone in a turn of its own. Its batch key is stored by the
 * turn, after the last answer is final. `beforeWrite` runs before its first write: a batch among others takes its
 * savepoint there (sync-rows.ts), or has its writes held for the turn's statement when they are `holdable`.
 */
export async function syncBatch(
  turn: TurnSoFar,
  member: SyncMember,
  beforeWrite?: (holdable: boolean) => Promise<boolean>,
): Promise<BatchDone | BatchReplay> {
  const { ctx, input, hooks = {} } = member;
  const clock = hooks.clock;
  const { em, plan } = turn;
  const requestHash = hashOf(input);
  const fast = ctx.fastPaths !== false;
  // its events held for the turn's one insert: a batch that fails takes its own with it (sync-rows.ts)
  const audit: HeldEvents = [];
  const tx: ServiceContext = {
    ...ctx,
    em,
    auditBuffer: fast ? audit : undefined,
    auditHeld: fast,
    auditRows: fast ? turn.auditRows : undefined,
    batchKey: input.batchKey ?? null,
  };
  if (input.batchKey) {
    const replay = await replayOf(turn, input, requestHash);
    if (replay) return replay;
  }
  if (!plan.cycle.years.includes(input.year)) {
    throw InputError.of(
      'year',
      'BAD_YEAR',
      `${input.year} is not a year of this plan (${plan.cycle.years.join(', ')})`,
    );
  }
  const read = turn.state;
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
    // a batch that will write takes its savepoint first (only rows accepted, or cruscotto entries, are written)
    const writes = plans.some((p) => p.status === 'created' || p.status === 'updated' || p.status === 'deleted');
    const held =
      (writes || cruscotti.placements.length > 0) && !!(await beforeWrite?.(holdable(read, plans, cruscotti)));
    clock?.mark('savepoint');
    // apply's own phases (adopt, inMemory, flush) on the batch's clock: where each batch of a turn spends its time
    ({ state, after, created } = await applyRows(tx, read, plans, nodeInput, clock, held));
    placed = await writePlacements(tx, plan, folded, plans, cruscotti, after);
    await hooks.afterWrite?.();
  }
  clock?.mark('apply');
  const moved = placed.size > 0 || cruscotti.removed.size > 0;
  const answerWith = async (scores: PlanScores) =>
    expandOutcome(
      // a conflict's last change may be one the turn holds still: the earlier batches' events, and its own
      await outcomeOf(tx, state, after, plans, nodeInput, scores, [...turn.audit, ...audit]),
      folded,
      input,
      placed,
      cruscotti.removed,
    );
  // the scores the batches before left (kept for the turn's stamp, or the previous batch's), rescored for the rows
  // this one wrote, when nothing else moved (rescore.ts)
  const reuse = reuseFor(tx, turn.scores, read, after, plans, moved);
  const scores = scoresAfter(after, reuse);
  const outcome = await answerWith(scores);
  clock?.mark('answer');
  const wrote = outcome.applied > 0 || moved;
  let change: SheetChange | null = null;
  let left: KeptAfter | null = null;
  const keeps = ctx.snapshots?.enabled && fast;
  if (outcome.applied > 0 && !moved && valuesOnly(read, after, plans)) {
    // told with the commit: the feeds of this period need not read the plan again (server/live/feeds.ts)
    if (reuse) change = sheetChangeOf(after, outcome);
    // the state after differs from the one read by the rows written, scores kept before or not (kept-state.ts)
    if (keeps) left = { read, after, created, valuesOnly: true };
  } else if (keeps && outcome.applied > 0 && keepsState(plans, placed, cruscotti.removed)) {
    // new rows: the state they left is kept from the rows as inserted, not read again by the next sync (B1)
    left = { read, after, created, valuesOnly: false };
  }
  clock?.mark('kept');
  return {
    outcome,
    requestHash,
    scores,
    reused: reuse !== undefined,
    scoredAgain: () => answerWith(scoresAfter(after)),
    wrote,
    change,
    left,
    audit,
  };
}
