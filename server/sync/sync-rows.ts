import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { LIMITS } from '@core/sheet/row';
import { AuditEvent, PlanVersion } from '../entities';
import { InputError, NotFoundError } from '../errors';
import type { ServiceContext } from '../services/service-context';
import { flushAuditBuffer } from '../services/audit';
import { bumpedBy, bumpPlanNow, bumpStatement } from '../services/plan-change-counter';
import { noteCommitDetail } from '../services/committed-changes';
import { onlyBumpedBy, type PlanStamp, planVersionOf, readPlanStamp } from '../services/plan-stamp';
import type { PlanScores } from '../services/realization';
import { rowByRow } from '../speed/bound-insert';
import type { SyncOutcome } from './answer';
import { adoptForTurn } from './adopt-rows';
import { type KeptAfter, keepStateAfter, stateBeforeTurn, stateInTurn, stateLeft } from './kept-state';
import { loadPlanState, type PlanState } from './plan-state';
import { takeTurnWith } from './plan-lock';
import { HeldWriteFailed, TURN_SAVEPOINT, TurnWrites } from './turn-writes';
import { readStoredAnswers, storeAnswers } from './stored-answers';
import { sendsOnlyActuals, type SyncInput } from './row-plan';
import {
  type BatchDone,
  type BatchReplay,
  type SyncHooks,
  type SyncMember,
  syncBatch,
  type TurnSoFar,
} from './sync-batch';

export type { SyncInput, SyncMode, RowStatus } from './row-plan';
export type { AffectedScore, RowResult, SyncOutcome } from './answer';
export type { SyncHooks, SyncMember } from './sync-batch';

/** One caller's answer, or the error its batch failed with. */
export type Settled<T> = { value: T } | { error: unknown };

/**
 * Takes, from the line of those still waiting (plan-queue.ts), the ones that may join the running turn now: called
 * once the turn holds the plan's lock, it gives those that arrived while the turn waited for it, which would
 * otherwise each wait for the lock again in a turn of their own. Answered with the turn, after the items it was given.
 */
export type JoinLate<I> = () => I[];

/**
 * The stamp the transaction's commit will leave, when the scores computed in it are those of that stamp: the sync
 * bumps the plan's counter itself (once, if it wrote) and reads the stamp again; kept only if nothing but this bump
 * moved it since `before`, read before the plan's rows (a mutation committed in between, on PostgreSQL, would have
 * changed rows these scores did not see). Then no other writer can move it before the commit: on PostgreSQL the
 * bumped row stays locked, SQLite writes one transaction at a time.
 */
async function scoresToKeep(
  em: EntityManager,
  before: PlanStamp,
  wrote: boolean,
  bumped: Array<Record<string, unknown>> | null,
): Promise<PlanStamp | null> {
  const after = bumped
    ? bumpedBy(em, before.planId, bumped)
    : wrote
      ? await bumpPlanNow(em, before.planId)
      : await readPlanStamp(em, before.planId);
  return onlyBumpedBy(before, after, wrote ? 1 : 0) ? after : null;
}

async function planOf(em: EntityManager, planId: string, refresh = false): Promise<PlanVersion> {
  const plan = await em.findOne(PlanVersion, { id: planId }, { populate: ['cycle'], refresh });
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  return plan;
}

function tooLarge(input: SyncInput): Settled<SyncOutcome> | undefined {
  if (input.rows.length <= LIMITS.rowsPerBatch) return undefined;
  const message = `at most ${LIMITS.rowsPerBatch} rows per batch, got ${input.rows.length}; split the sheet into several batches`;
  return { error: InputError.of('rows', 'BATCH_TOO_LARGE', message) };
}

/**
 * A batch that fails among others is undone alone: a savepoint taken before its first write is rolled back, the
 * batches before and after it keep their rows (as a failed transaction of its own would leave them). Taken only by a
 * batch about to write (syncBatch's beforeWrite): one that fails before writing has nothing to undo (a replay, a batch
 * key reused, a year the plan does not have, an atomic batch refused, every row a conflict write nothing). Never
 * released: a released savepoint is one round trip more per batch, and one left is committed with the turn; a turn
 * holds at most TURN_BATCHES (plan-queue.ts), well under the 64 subtransactions a PostgreSQL session keeps in its
 * cache. A statement failing in the database before the savepoint (a read, on PostgreSQL) leaves the transaction
 * aborted, and the turn fails whole: nothing committed, every caller its error, as when the commit fails.
 */
function savepointFor(em: EntityManager, k: number) {
  const sql = em as SqlEntityManager;
  let taken = false;
  return {
    name: `batch_${k}`,
    take: async () => {
      if (taken) return;
      await sql.execute(`savepoint batch_${k}`, [], 'run');
      taken = true;
    },
    undo: async () => {
      if (taken) await sql.execute(`rollback to savepoint batch_${k}`, [], 'run');
    },
  };
}

/**
 * The state a batch of the turn left, for the next batch to decide from. Carried when the batch kept its whole state
 * after (kept-state.ts): the rows it changed as their updates returned them, or as read when left unchanged, the plan
 * row as read (no statement), the unit of work kept (its managed rows are as stored, and none of them is in the
 * state). Else the plan read again, with the unit of work cleared: after a batch that failed (its managed rows hold
 * what its savepoint undid), or one whose writes are not all in its state after (deletes, cruscotto entries).
 */
async function afterBatch(
  turn: TurnSoFar,
  done: BatchDone | undefined,
  input: SyncInput,
  fast: boolean,
  writes: TurnWrites,
) {
  const { em } = turn;
  if (done && !done.wrote) {
    turn.scores = done.scores;
    return;
  }
  const left = fast && done?.left ? await stateLeft(em, done.left) : null;
  if (left) {
    turn.state = left;
    turn.scores = done!.scores;
    return;
  }
  // the held writes go first: the rows are read again from the database, and the unit of work holding them cleared
  await writes.write();
  em.clear();
  turn.plan = await planOf(em, input.planId);
  if (!done) return;
  turn.state = await loadPlanState(em, input.planId, input.year, input.checkpoint, { readOnly: fast });
  turn.scores = undefined;
}

/** the state the turn's writers left, when each kept its whole state after (kept-state.ts): kept after the commit */
function leftByAll(first: TurnSoFar['state'], writers: BatchDone[]): KeptAfter | null {
  if (writers.length === 0 || writers.some((d) => !d.left)) return null;
  const created = new Set<object>();
  for (const d of writers) for (const row of d.left!.created) created.add(row);
  const last = writers[writers.length - 1].left!;
  return { read: first, after: last.after, created, valuesOnly: writers.every((d) => d.left!.valuesOnly) };
}

/**
 * Whether a turn of these batches may hold its writes (turn-writes.ts), for its savepoint to go with the plan's lock
 * (plan-lock.ts): several batches, or one whose rows send actual values alone of indicators that have their
 * measurement (sync-batch.ts decides, `holdable`; a guess wrong either way costs a savepoint, or a round trip for it)
 */
function mayHold(inputs: SyncInput[], early: PlanState | undefined): boolean {
  if (inputs.length > 1) return true;
  const [{ rows }] = inputs;
  // its rows' measurements exist in the state read before the turn: a first actual is created, not held
  return (
    !!early &&
    rows.length > 0 &&
    rows.every((row) => sendsOnlyActuals(row) && !!row.rowId && early.measurementOf.has(row.rowId))
  );
}

/**
 * Applies a sheet's rows to one plan version for one (year, checkpoint), in one transaction: valid rows are
 * written (partial) or nothing is unless every row is valid (atomic); a stale row is a conflict, never an
 * overwrite; a retried batch key returns the first answer. Three phases, in sync-batch.ts: decide (decide.ts) reads
 * the plan with a fixed number of statements as read-only rows and decides each row's status; apply (apply.ts)
 * writes the accepted rows set-based; answer (answer.ts) scores the plan as it now is in memory (not re-read). With
 * the fast paths off (server/speed), the plan is read as managed entities and every write, created rows and audit
 * events included, goes through one flush.
 */
export async function syncRows(ctx: ServiceContext, input: SyncInput, hooks: SyncHooks = {}): Promise<SyncOutcome> {
  const [answer] = await syncTogether([{ ctx, input, hooks }]);
  if ('error' in answer) throw answer.error;
  return answer.value;
}

/**
 * Several callers' batches of one plan and period in ONE turn (plan-queue.ts gathers those waiting): one plan lock,
 * one plan read, one counter bump, one commit, one state kept after it. Each batch is decided, in arrival order,
 * against the state the batches before it left, so its answer (conflicts, replays, an atomic batch's refusal, its
 * audit events) is the one it would have had in a turn of its own; one that fails is undone alone (a savepoint).
 * The turn on a plan is serial whatever is done in it: 50 panes' syncs, one turn each, made each pane wait for 49
 * turns (bench B4 on PostgreSQL); a turn for all those waiting costs little more than one.
 */
export async function syncTogether(
  given: SyncMember[],
  joinLate?: JoinLate<SyncMember>,
): Promise<Array<Settled<SyncOutcome>>> {
  const members = [...given];
  const settled: Array<Settled<SyncOutcome> | undefined> = [];
  const going: number[] = [];
  const enter = (joining: SyncMember[]) => {
    for (const m of joining) {
      m.hooks?.clock?.mark('queue');
      const refused = tooLarge(m.input);
      if (!refused) going.push(settled.length);
      settled.push(refused);
    }
  };
  enter(members);
  if (going.length === 0) return settled as Array<Settled<SyncOutcome>>;
  // plan, period, fast paths and kept values are the same for every batch of a turn (plan-queue.ts)
  const { ctx, input } = members[going[0]];
  const clock = members[going[0]].hooks?.clock;
  const fast = ctx.fastPaths !== false;
  let alone = going.length === 1;
  let before: PlanStamp | null = null;
  let keep: PlanStamp | null = null;
  let kept: PlanScores | null = null;
  let keptState: KeptAfter | null = null;
  try {
    // the plan as read-only rows before the turn: the writer's turn is not held while the whole plan is read
    const early = await stateBeforeTurn(ctx, input.planId, input.year, input.checkpoint);
    for (const k of going) await members[k].hooks?.beforeTurn?.();
    clock?.mark('early');
    await ctx.em.transactional(async (em) => {
      clock?.mark('begin');
      const stamped = !!ctx.snapshots?.enabled;
      // with a stamp to tell it, the plan row is read before the lock, not while holding it (checked below)
      const planRead = stamped ? await planOf(em, input.planId) : null;
      // batches that will hold their writes (below): their savepoint goes with the lock, as does the stamp read
      // before the rows are read (the scores computed below are kept only if no other writer came between)
      const saveWithLock =
        fast &&
        stamped &&
        mayHold(
          going.map((k) => members[k].input),
          early?.state,
        );
      const taken = await takeTurnWith(em, input.planId, {
        savepoint: saveWithLock ? TURN_SAVEPOINT : undefined,
        stamp: stamped,
      });
      before = taken.stamp;
      clock?.mark('lock');
      // the syncs that arrived while this turn waited for the lock join it: each would wait for the lock again
      const late = joinLate?.() ?? [];
      members.push(...late);
      enter(late);
      clock?.note('late', late.length);
      alone = going.length === 1;
      // the plan row read before the lock is the one under it when the stamp has its version (an update moves it)
      const plan =
        planRead && before && planVersionOf(before) === planRead.version
          ? planRead
          : await planOf(em, input.planId, true);
      clock?.mark('lookup');
      // the state read before the turn, if no writer came in between (its stamp is still `before`), else read now
      const read = await stateInTurn(em, early, before, plan.id, input.year, input.checkpoint, fast, ctx.snapshots);
      clock?.note('reread', read !== early?.state);
      clock?.note('together', going.length);
      clock?.mark('read');
      // with kept states, the batches' updates of values held and written together at the turn's end (turn-writes.ts);
      // a batch alone in its turn too: its measurements written into copies of the rows read, not adopted with a read
      // and flushed through the unit of work (adopt-rows.ts), and its update sent with the plan counter's bump
      const holding = fast && !!ctx.snapshots?.enabled;
      // the rows the batches name, adopted once for the turn, not with three statements in each batch (adopt-rows.ts);
      // when held, the measurements of rows typing actuals alone are not: their batches write into copies of the rows
      // read instead
      if (fast && !alone)
        await adoptForTurn(
          em,
          read,
          going.map((k) => members[k].input),
          holding,
        );
      clock?.mark('adoptTurn');
      // the answers stored for the turn's batch keys, read once (stored-answers.ts), not by each keyed batch
      const stored = await readStoredAnswers(
        em,
        plan.id,
        going.map((k) => members[k].input),
      );
      const scores = before ? ctx.snapshots?.get(before, input.year, input.checkpoint)?.scores : undefined;
      // SQLite: each audit event inserted as it is recorded, its snapshots' texts never held for the turn's end
      const auditRows = fast ? await rowByRow(em, AuditEvent.name) : null;
      const start = (p: PlanVersion): TurnSoFar => ({
        em,
        plan: p,
        state: read,
        scores,
        keys: new Map(),
        stored,
        audit: [],
        auditRows,
      });
      let turn = start(plan);
      let writes = new TurnWrites(em, holding, taken.saved ? TURN_SAVEPOINT : null);
      let ran: Ran;
      // the counter's bump when it went with the held write (bumpStatement): the rows it returned
      let bumped: Array<Record<string, unknown>> | null = null;
      try {
        ran = await runBatches(turn, members, going, settled, writes, alone, fast);
        // a turn that wrote bumps the plan's counter: on PostgreSQL in the held write's round trip, one less after it
        const wrote = [...ran.done.values()].some((d) => d.wrote);
        // the last write of the turn: what no batch flushed is written by the transaction's flush before its commit
        bumped = await writes.write(before && wrote ? bumpStatement(em, input.planId) : null, true);
        clock?.mark('batches');
      } catch (error) {
        if (!(error instanceof HeldWriteFailed)) throw error;
        // the combined write failed: the turn undone, and run again one batch at a time, each with its savepoint
        clock?.note('again', true);
        await writes.undo();
        em.clear();
        for (const k of going) settled[k] = undefined;
        turn = start(await planOf(em, input.planId));
        writes = new TurnWrites(em, false);
        await adoptForTurn(
          em,
          read,
          going.map((k) => members[k].input),
        );
        ran = await runBatches(turn, members, going, settled, writes, alone, fast);
      }
      const { done, replays } = ran;
      const answered = [...done.values()];
      if (before)
        keep = await scoresToKeep(
          em,
          before,
          answered.some((d) => d.wrote),
          bumped,
        );
      clock?.mark('bump');
      if (!keep && answered.some((d) => d.reused)) {
        // another writer came between `before` and the rows read (PostgreSQL): what was kept is not theirs
        for (const d of answered) d.outcome = await d.scoredAgain();
      } else {
        // told with the commit: the feeds of this period need not read the plan again (server/live/feeds.ts)
        for (const d of answered) if (d.change) noteCommitDetail(em, d.change);
        keptState = leftByAll(
          read,
          answered.filter((d) => d.wrote),
        );
      }
      // every batch's audit events in one insert (per chunk of bound values): those of a failed batch were never added
      await flushAuditBuffer({ ...ctx, em, auditBuffer: turn.audit, auditHeld: false, auditRows });
      clock?.mark('auditTurn');
      // every keyed batch's answer in one insert: an await per batch, under the plan's lock, held the next turn
      await storeAnswers(
        em,
        fast,
        turn.plan,
        [...done].flatMap(([k, { requestHash, outcome }]) => {
          const batchKey = members[k].input.batchKey;
          return batchKey ? [{ batchKey, requestHash, outcome }] : [];
        }),
      );
      for (const [k, d] of done) settled[k] = { value: d.outcome };
      for (const [k, r] of replays) {
        const outcome = 'replay' in r ? r.replay : JSON.parse(JSON.stringify(done.get(r.replayOf)!.outcome));
        settled[k] = { value: { ...outcome, replayed: true } };
      }
      kept = answered.length > 0 ? answered[answered.length - 1].scores : null;
      clock?.mark('finish');
    });
    clock?.mark('commit');
  } catch (error) {
    if (alone) throw error;
    for (const k of going) settled[k] = { error };
    return settled as Array<Settled<SyncOutcome>>;
  } finally {
    for (const k of going) members[k].ctx.em.clear();
  }
  // committed: the next read of this period, on this instance, finds the scores the answer was computed from
  if (keep && kept) ctx.snapshots!.put(keep, input.year, input.checkpoint, { scores: kept, snapshot: null });
  // and the plan's next sync, or sheetRows, finds the rows of that stamp without reading the plan (kept-state.ts);
  // committed already: a failed read here costs the next sync its plan read, never a batch its answer
  const left = keptState as KeptAfter | null;
  if (keep && before && left) await keepStateAfter(ctx, left, before, keep).catch(() => undefined);
  clock?.mark('keepAfter');
  return settled as Array<Settled<SyncOutcome>>;
}

type Ran = { done: Map<number, BatchDone>; replays: Map<number, BatchReplay> };

/**
 * The turn's batches, in arrival order, each decided against the state the batches before it left: a batch that
 * fails is undone alone (its savepoint, savepointFor), and its error settled; one whose writes were held fails the
 * whole run (HeldWriteFailed: only running the turn again undoes what it held).
 */
async function runBatches(
  turn: TurnSoFar,
  members: SyncMember[],
  going: number[],
  settled: Array<Settled<SyncOutcome> | undefined>,
  writes: TurnWrites,
  alone: boolean,
  fast: boolean,
): Promise<Ran> {
  const { em } = turn;
  const done = new Map<number, BatchDone>();
  const replays = new Map<number, BatchReplay>();
  for (const k of going) {
    const member = members[k];
    member.hooks?.clock?.mark('wait');
    let result: BatchDone | BatchReplay | undefined;
    const savepoint = savepointFor(em, k);
    try {
      // alone, a batch takes no savepoint of its own (its failure fails the turn), but has its writes held if it may
      result = await syncBatch(turn, member, (held) => writes.beforeWrite(k, held, alone ? null : savepoint));
      if ('outcome' in result) {
        done.set(k, result);
        turn.audit.push(...result.audit);
        if (member.input.batchKey) turn.keys.set(member.input.batchKey, { requestHash: result.requestHash, member: k });
      } else replays.set(k, result);
    } catch (error) {
      if (alone) throw error;
      if (writes.holds(k) || error instanceof HeldWriteFailed) throw new HeldWriteFailed(error);
      await savepoint.undo();
      settled[k] = { error };
    }
    if (k !== going[going.length - 1])
      await afterBatch(turn, result && 'outcome' in result ? result : undefined, member.input, fast, writes);
    member.hooks?.clock?.mark('afterBatch');
  }
  return { done, replays };
}
