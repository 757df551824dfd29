import { randomUUID } from 'node:crypto';
import type { EntityClass, EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { Node } from '../entities/base';
import type { Coordination } from '../ops/redis';
import { readOnlyPlan, TREE_ENTITIES, TREE_KINDS, type TreeRows, withRowsOf } from '../services/plan-snapshot';
import { type PlanStamp, planStampStatement, readPlanStamp, stampOfRows } from '../services/plan-stamp';
import { type ScoreSnapshots, snapshotBytes } from '../services/score-snapshots';
import { readRowsIn, readTogether, rowsInRead } from '../speed/read-rows';
import { PlanVersion, ScoringProfile } from '../entities';
import { emptyWrites, stateAfter } from './after-state';
import { PlanState, SHEET_STATES } from './plan-state';
import { scoresAfter } from './rescore';
import { logStateEvent } from './sync-clock';
import { LONGEST_CHAIN, toldPatchesOf } from './told-patches';
import type { PlanScores } from '../services/realization';
import type { KeptState } from './kept-state';

/**
 * What a sync that kept its plan state after its commit (kept-state.ts, keepStateAfter) tells the other instances:
 * the stamp its state was read at (`from`), the stamp its commit left (`to`, only its own bump between them) and
 * the ids of the rows it wrote, by entity.
 */
export type StatePatch = {
  from: string;
  to: PlanStamp;
  year: number;
  checkpoint: Checkpoint;
  rows: Record<string, string[]>;
};

type Message = StatePatch & { sender: string };
type Draft = { stamp: string; state: PlanState; scores: PlanScores | undefined };

/** rows of these kinds may be new ones (a first target or actual); the others only replace a row the state has */
const CREATED_KINDS = new Set<keyof TreeRows>(['targets', 'revisions', 'measurements']);

/** the kinds of a plan snapshot by entity name, as a patch names its rows */
const KINDS = new Map<string, { type: EntityClass<Node>; key: keyof TreeRows; created: boolean }>(
  TREE_KINDS.map((key) => [
    TREE_ENTITIES[key].name,
    { type: TREE_ENTITIES[key], key, created: CREATED_KINDS.has(key) },
  ]),
);

/**
 * `base`, the state at `patch.from`, brought to `patch.to` by the rows the patch names, read again by id (a few
 * statements, not the plan): null when a row is missing, a kind cannot be patched, or the stamp read after the rows
 * is no longer `to` (a later writer: its rows may be among those read). On PostgreSQL the plan row, its profile,
 * the rows and the stamp are one round trip (readTogether, read-rows.ts), in that order: a sync holding the plan's
 * lock does this for the commit it is behind by, and each of the five round trips waited for an event loop busy
 * with the panes' reads (bench B4-pg).
 */
export async function patchedState(
  em: EntityManager,
  base: PlanState,
  patch: StatePatch,
): Promise<{ state: PlanState; exact: boolean } | null> {
  const planId = patch.to.planId;
  const named = Object.entries(patch.rows).map(([name, ids]) => ({ kind: KINDS.get(name), ids }));
  if (named.some((n) => !n.kind)) return null;
  const told =
    em.getDriver() instanceof PostgreSqlDriver
      ? await toldAtOnce(em, planId, named)
      : await toldOneByOne(em, planId, named);
  if (!told) return null;
  const replaced = new Map<string, Node>();
  const created = emptyWrites();
  for (const [k, { kind, ids }] of named.entries()) {
    const rows = told.rows[k];
    if (rows.length !== ids.length) return null;
    const known = new Set((base.snapshot[kind!.key] as Node[]).map((row) => row.id));
    for (const row of rows) {
      if (known.has(row.id)) replaced.set(row.id, row);
      else if (kind!.created) (created[kind!.key] as Node[]).push(row);
      else return null;
    }
  }
  const { plan } = told;
  const exact = told.stamp.value === patch.to.value;
  const snapshot = { ...withRowsOf(base.snapshot, replaced, TREE_KINDS), plan: plan as PlanState['snapshot']['plan'] };
  const mid = base.patched(snapshot, replaced.values());
  return { state: stateAfter(mid, created), exact };
}

type Named = Array<{ kind?: { type: EntityClass<Node> }; ids: string[] }>;
type Told = { plan: PlanVersion; rows: Node[][]; stamp: PlanStamp };

/** the plan row (with its profile), the named rows and then the stamp, one statement after the other; null: missing */
async function toldOneByOne(em: EntityManager, planId: string, named: Named): Promise<Told | null> {
  const plan = await readOnlyPlan(em, planId);
  const rows: Node[][] = [];
  for (const { kind, ids } of named) {
    rows.push(await readRowsIn(em, kind!.type, 'id', ids));
    if (rows[rows.length - 1].length !== ids.length) return null;
  }
  if (!plan) return null;
  return { plan, rows, stamp: await readPlanStamp(em, planId) };
}

/** the same reads in one round trip, in the same order (the profile by the plan row's reference) */
async function toldAtOnce(em: EntityManager, planId: string, named: Named): Promise<Told | null> {
  const profileOf = (em as SqlEntityManager).getKnex()('plan_version').select('scoring_profile_id').where('id', planId);
  const reads = [
    await rowsInRead(em, PlanVersion, 'id', [planId]),
    await rowsInRead(em, ScoringProfile, 'id', profileOf),
  ];
  for (const { kind, ids } of named) reads.push(await rowsInRead(em, kind!.type, 'id', ids));
  reads.push({ ...(await planStampStatement(em, planId)), meta: null });
  const [plans, profiles, ...rest] = await readTogether(em, reads);
  const [plan] = plans as PlanVersion[];
  const stampRows = rest.pop() as Array<Record<string, unknown>>;
  if (!plan || stampRows.length === 0) return null;
  if (plan.scoringProfile) [plan.scoringProfile] = profiles as ScoringProfile[];
  return { plan, rows: rest as Node[][], stamp: stampOfRows(planId, stampRows) };
}

/**
 * The indicators whose rows the patch names: the ones whose scores it may have moved. The patch's ids are looked up
 * in sets, and the plan's targets walked only when it names targets or revisions: scanning the patch's list once per
 * measurement of the plan, and mapping every target for a patch of actuals, took ~60 ms of a loaded event loop per
 * told commit in B4-pg (140 actuals against the plan's measurements; session pgreads), on the turn that holds the
 * plan's lock (stateFromTold) or while the other instance's readers wait for that state.
 */
export function indicatorsOf(state: PlanState, patch: StatePatch): Set<string> {
  const out = new Set(patch.rows.Indicator ?? []);
  const measurements = new Set(patch.rows.Measurement ?? []);
  if (measurements.size > 0)
    for (const m of state.snapshot.measurements) if (measurements.has(m.id)) out.add(m.indicator.id);
  const targets = new Set(patch.rows.Target ?? []);
  const revisions = new Set(patch.rows.TargetRevision ?? []);
  if (revisions.size > 0) for (const r of state.snapshot.revisions) if (revisions.has(r.id)) targets.add(r.target.id);
  if (targets.size === 0) return out;
  let found = 0;
  for (const t of state.snapshot.targets)
    if (targets.has(t.id)) {
      out.add(t.indicator.id);
      found++;
    }
  // a named target (or a named revision's) the state lacks: the state is not the patch's, as before when looked up
  if (found < targets.size) throw new Error(`the told patch to ${patch.to.value} names targets the plan state lacks`);
  return out;
}

/**
 * How long a turn waits for the receipt's apply of its stamp, once started, before reading the told rows itself: the
 * apply reads on the pool, which a burst of panes' reads can hold (a turn of 8 holds the lock ~2 s loaded).
 */
const JOIN_MS = 500;

/**
 * The plan state at `now`, for a sync holding the plan's lock whose state read before its turn (`early`) is behind:
 * brought forward on the turn's own connection from the rows named by the patches told since (toldPatchesOf),
 * followed back from `now` to `early`'s stamp or a state kept here, all their rows read in one patch (rows committed:
 * the stamp moved). Waits at most `ms` for a patch not yet received; null when one is missing, a row cannot be
 * patched, or the stamp moved under the reads: then the plan is read. Kept, with its scores, for this instance's
 * readers of `now` (the same state as applying the patches one by one gives). When the receipt's apply is bringing
 * this instance to `now` already, its state instead (waited for at most JOIN_MS): the same rows are not read twice.
 */
export async function stateFromTold(
  em: EntityManager,
  snapshots: ScoreSnapshots,
  early: KeptState | null,
  now: PlanStamp,
  year: number,
  checkpoint: Checkpoint,
  ms: number,
): Promise<PlanState | null> {
  const told = toldPatchesOf(snapshots);
  // the receipt's apply bringing this instance's state to `now` already (its reads on the pool): its state
  const applying = told.beingBrought(now.planId, year, checkpoint, now.value);
  if (applying) {
    const start = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, JOIN_MS, null)));
    // an apply that fails costs this turn its own read, never its batches
    const state = await Promise.race([applying.catch(() => null), late]).finally(() => clearTimeout(timer));
    logStateEvent('join', { to: now.value, start, end: Date.now(), got: !!state });
    if (state) return state;
  }
  return told.bringHere(now.planId, year, checkpoint, now.value, () =>
    fromTold(em, snapshots, early, now, year, checkpoint, ms),
  );
}

/** stateFromTold's own part: the told rows read on the turn's connection */
async function fromTold(
  ...[em, snapshots, early, now, year, checkpoint, ms]: Parameters<typeof stateFromTold>
): Promise<PlanState | null> {
  const told = toldPatchesOf(snapshots);
  const deadline = Date.now() + ms;
  const chain: StatePatch[] = [];
  let base: PlanState | undefined;
  for (let at = now.value; !base && chain.length < LONGEST_CHAIN;) {
    const patch = await told.leadingTo(now.planId, year, checkpoint, at, deadline - Date.now());
    if (!patch) return null;
    chain.unshift(patch);
    at = patch.from;
    const mine = early?.stamp.value === at && early.state.year === year && early.state.checkpoint === checkpoint;
    base = mine ? early.state : snapshots.peekKept<PlanState>(SHEET_STATES, now.planId, year, checkpoint, at);
  }
  if (!base) return null;
  const rows: Record<string, string[]> = {};
  for (const patch of chain)
    for (const [name, ids] of Object.entries(patch.rows)) rows[name] = [...new Set([...(rows[name] ?? []), ...ids])];
  const whole: StatePatch = { from: chain[0].from, to: now, year, checkpoint, rows };
  const patched = await patchedState(em, base, whole);
  if (!patched?.exact) return null;
  const { state } = patched;
  const prev = snapshots.peek(now.planId, year, checkpoint, whole.from)?.scores;
  const scores = prev && scoresAfter(state, { prev, changed: indicatorsOf(state, whole) });
  snapshots.putKept(SHEET_STATES, now, year, checkpoint, state, snapshotBytes(state.snapshot));
  if (scores) snapshots.put(now, year, checkpoint, { scores, snapshot: null });
  return state;
}

/**
 * Several instances keep the same plan's state (bench B4 on two instances): without this, every sync committed on
 * the other instance left this one's kept state at an old stamp, and its next sync read the whole plan again inside
 * its turn, once before its transaction and once in it, holding the plan's lock. Each values-only sync now tells
 * the rows it wrote over Redis, and an instance holding the state it started from brings that state to the new
 * stamp from those rows alone. Messages are applied one after the other, in the order Redis delivers them; a lost
 * one costs a plan read, never a wrong answer (a state is served only at its own stamp). Without Redis, nothing.
 * Returns the function that stops.
 */
export function shareSheetStates(
  em: EntityManager,
  snapshots: ScoreSnapshots,
  coordination: Coordination | null,
  onError: (error: unknown) => void,
): () => void {
  if (!coordination || !snapshots.enabled) return () => undefined;
  const self = randomUUID();
  const told = toldPatchesOf(snapshots);
  const channel = `${coordination.prefix}sheet-states`;
  const subscriber = coordination.connect('sheet-states');
  let chain = Promise.resolve();
  let open = true;
  /**
   * States (and scores) brought to a stamp whose rows were read after a later commit: maybe newer than their stamp
   * in some rows, so never served, only patched further. Every row newer than its stamp was written by a later
   * commit, whose patch reads it again: the first patch whose rows are read while the stamp is still its own
   * makes the state exact, and kept.
   */
  const drafts = new Map<string, Draft>();
  /** `base` brought to the patch's stamp and kept, with its scores: the state when exact, else null (a draft) */
  const bring = async (patch: StatePatch, base: PlanState, prev: PlanScores | undefined, start: number) => {
    const { year, checkpoint } = patch;
    const key = `${patch.to.planId}|${year}|${checkpoint}`;
    const patched = await patchedState(em.fork(), base, patch);
    const read = Date.now();
    if (!patched) {
      logStateEvent('apply', { to: patch.to.value, start, read, end: read, result: 'missing' });
      return null;
    }
    const { state, exact } = patched;
    // and the scores, rescored for the indicators written, so that this instance's next sync reuses them too
    const scores = prev && scoresAfter(state, { prev, changed: indicatorsOf(state, patch) });
    if (!exact) {
      drafts.set(key, { stamp: patch.to.value, state, scores });
      logStateEvent('apply', { to: patch.to.value, start, read, end: Date.now(), result: 'draft' });
      return null;
    }
    const result = snapshots.putKept(SHEET_STATES, patch.to, year, checkpoint, state, snapshotBytes(state.snapshot));
    if (scores) snapshots.put(patch.to, year, checkpoint, { scores, snapshot: null });
    logStateEvent('apply', { to: patch.to.value, start, read, end: Date.now(), result });
    return state;
  };
  const apply = async (patch: StatePatch) => {
    const { planId } = patch.to;
    const { year, checkpoint, from } = patch;
    const key = `${planId}|${year}|${checkpoint}`;
    const draft = drafts.get(key)?.stamp === from ? drafts.get(key) : undefined;
    drafts.delete(key);
    const start = Date.now();
    // a sync of this instance brought its state to the stamp already (stateFromTold): nothing left to do
    if (snapshots.peekKept(SHEET_STATES, planId, year, checkpoint, patch.to.value) && !draft)
      return logStateEvent('apply', { to: patch.to.value, start, end: start, result: 'was kept' });
    // or is bringing it now, holding the plan's lock: its state, not the same rows read and rescored a second time
    const turn = draft ? undefined : told.beingBrought(planId, year, checkpoint, patch.to.value);
    if (turn && (await turn.catch(() => null)))
      return logStateEvent('apply', { to: patch.to.value, start, end: Date.now(), result: 'brought by the turn' });
    const base = snapshots.peekKept<PlanState>(SHEET_STATES, planId, year, checkpoint, from) ?? draft?.state;
    if (!base || !open) return logStateEvent('apply', { to: patch.to.value, start, end: start, result: 'no base' });
    const prev = snapshots.peek(planId, year, checkpoint, from)?.scores ?? draft?.scores;
    await told.bringHere(planId, year, checkpoint, patch.to.value, () => bring(patch, base, prev, start));
  };
  subscriber.subscribe(channel).catch(onError);
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    try {
      const message = JSON.parse(text) as Message;
      if (message.sender === self) return;
      logStateEvent('receipt', { from: message.from, to: message.to.value });
      told.add(message);
      chain = chain.then(() => apply(message)).catch(onError);
    } catch (error) {
      onError(error);
    }
  });
  snapshots.patchable.add(SHEET_STATES);
  snapshots.announce = (message) => {
    const patch = message as StatePatch;
    logStateEvent('announce', { from: patch.from, to: patch.to.value });
    // this instance's own commits are links of the chain a later turn here follows back (stateFromTold)
    told.add(patch);
    coordination.commands.publish(channel, JSON.stringify({ ...patch, sender: self })).catch(onError);
  };
  return () => {
    open = false;
    snapshots.announce = () => undefined;
  };
}
