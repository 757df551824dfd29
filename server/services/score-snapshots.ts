import type { EntityManager } from '@mikro-orm/core';
import { LRUCache } from 'lru-cache';
import type { Checkpoint } from '@core/vocabulary/enums';
import { countCacheLookup } from '../ops/metrics';
import { budgetCache, type CacheBudget } from './budget-cache';
import type { PlanSnapshot } from './plan-snapshot';
import { ORG_WIDE_ENTITIES, type PlanStamp, readPlanStamp } from './plan-stamp';
import type { PlanScores } from './realization';

/** The name of this cache in the metrics and on the invalidation channel. */
export const PLAN_SCORES = 'plan-scores';

/**
 * A plan's scores for one (year, checkpoint), with the period's rows when they were read outside the unit of work
 * (read-only rows may be shared between requests; managed entities belong to their request and are never kept).
 */
export type ScoredPlan = { scores: PlanScores; snapshot: PlanSnapshot | null };

type Entry = ScoredPlan & { stamp: string; orgId: string };

/** Approximate bytes of a kept snapshot: a score with its explanation, a row with its parsed values. */
export const BYTES_PER_RESULT = 2_000;
const BYTES_PER_ROW = 600;

/** Approximate bytes of a plan snapshot's rows (all periods or one). */
export function snapshotBytes(p: PlanSnapshot): number {
  const rows =
    p.perspectives.length +
    p.strategicObjectives.length +
    p.operationalObjectives.length +
    p.indicators.length +
    p.targets.length +
    p.revisions.length +
    p.measurements.length +
    p.entries.length;
  return rows * BYTES_PER_ROW;
}

/** Approximate bytes of a plan's scores, every result counted (those shared with other scores too). */
export function scoresBytes(s: PlanScores): number {
  const results =
    s.indicators.size +
    s.operationalObjectives.size +
    s.strategicObjectives.size +
    s.perspectives.size +
    s.dashboards.size +
    s.units.size +
    s.managers.size +
    1;
  return results * BYTES_PER_RESULT;
}

function sizeOf(entry: Entry): number {
  return scoresBytes(entry.scores) + (entry.snapshot ? snapshotBytes(entry.snapshot) : 0);
}

/** Another read-only value of a plan kept per stamp and period (the sheet's plan state), with its size. */
type Kept = { value: object; bytes: number; stamp: string; orgId: string };

/**
 * Scores computed once per change of a plan, not per read (issue 15, item 3): the scored plan of (plan version,
 * year, checkpoint) is kept with the plan's change stamp (plan-stamp.ts), which every read checks in one statement
 * before using it. The stamp, not the invalidation message, is what keeps answers right: a write commits a new
 * stamp with its rows, so a read on any instance sees it at once, whether or not Redis told that instance (a lost
 * pub/sub message, a reconnecting subscriber). The drops that writes send (drop(), server/ops/invalidation.ts) only
 * free the memory of entries that can no longer be served.
 *
 * The scores are the same for every reader of the plan (visibility is by organisation, checked by the stamp's
 * statement through the tenant filter), so they are kept once per plan, never per user.
 *
 * Bounded by entries and by approximate size (SCORE_CACHE_MB); 0 turns it off: every read computes, as before.
 */
export class ScoreSnapshots {
  private readonly cache: LRUCache<string, Entry> | null;
  /** keep(): other read-only values per stamp, in a budget of their own of the same size */
  private readonly others: LRUCache<string, Kept> | null;
  /** the key of each value kept in `others`, for grow() */
  private readonly keyOfKept = new WeakMap<object, string>();
  /** keep(): the values being built, per key and stamp, which readers of the same stamp wait for instead of building */
  private readonly building = new Map<string, { stamp: string; value: Promise<object> }>();
  /**
   * kept kinds a plan's drop leaves in place (still served only at their own stamp): another instance's write is
   * told with the rows it changed, and the value kept before it is brought to the new stamp from those alone
   * (server/sync/shared-states.ts), which the drop arriving first would have thrown away
   */
  readonly patchable = new Set<string>();
  /** shared(): the scored plans being built, per stamp of a period, which other readers of that stamp wait for */
  private readonly scoring = new Map<string, Promise<ScoredPlan>>();
  /** otherKept(): the readers of a plan's period and kind waiting for their stamp's value, told of another's */
  private readonly newer = new Map<string, Set<(stamp: string) => void>>();
  /** whenKept(): who waits for which stamp of a key */
  private readonly waiters = new Map<string, Array<{ stamp: string; resolve: (value: object | undefined) => void }>>();
  /** tells the other instances what a writer kept (server/sync/shared-states.ts); nothing without Redis */
  announce: (message: object) => void = () => undefined;

  /** `budget` also bounds the scores the panes were last given (server/sync/score-trail.ts), a part of it */
  constructor(readonly budget: CacheBudget) {
    this.cache = budgetCache(budget, 500, sizeOf);
    this.others = budgetCache<Kept>(budget, 500, (kept) => kept.bytes);
  }

  get enabled(): boolean {
    return this.cache !== null;
  }

  /** The plan's stamp, read before the rows a caller scores (so what it keeps is never older than its stamp). */
  async stamp(em: EntityManager, planId: string): Promise<PlanStamp | null> {
    return this.cache ? readPlanStamp(em, planId) : null;
  }

  /** The kept scores of the plan at this stamp, counted as a hit or a miss. */
  get(stamp: PlanStamp | null, year: number, checkpoint: Checkpoint): ScoredPlan | undefined {
    if (!this.cache || !stamp) return undefined;
    const entry = this.cache.get(keyOf(stamp.planId, year, checkpoint, stamp.value));
    const hit = entry?.stamp === stamp.value;
    countCacheLookup(PLAN_SCORES, hit);
    return hit ? entry : undefined;
  }

  /** the kept scores of the plan's period at the stamp `value`, if they are those (not counted) */
  peek(planId: string, year: number, checkpoint: Checkpoint, value: string): ScoredPlan | undefined {
    const entry = this.cache?.get(keyOf(planId, year, checkpoint, value));
    return entry?.stamp === value ? entry : undefined;
  }

  /** Keeps scores computed from rows read after `stamp` was: never older than it, maybe newer (then the next stamp differs). */
  put(stamp: PlanStamp | null, year: number, checkpoint: Checkpoint, scored: ScoredPlan): void {
    if (!this.cache || !stamp) return;
    this.cache.set(keyOf(stamp.planId, year, checkpoint, stamp.value), {
      ...scored,
      stamp: stamp.value,
      orgId: stamp.orgId,
    });
  }

  /**
   * The scored plan of the stamp: the kept one, else the one another reader is building for it (waited for), else
   * `build`'s, whose whole answer the caller gets back (`built`) while what `scoredOf` takes of it is kept and handed
   * to the readers that waited. One read of the plan per stamp however many readers ask at once and whatever each
   * builds (the tree's scores, the Relazione table with them, the sheet's scores): the tree's scores and the report
   * of one request each found nothing kept and read the plan twice (issue 16), and after a write the panes of an
   * instance that read the new stamp at once each scored the whole plan, copying it to a compute thread (bench B4 on
   * PostgreSQL, session pgcpu). A failed build is not kept: its waiters fail with it, the next reader builds. Without
   * a stamp (cache off), `build`.
   */
  async shared<T>(
    stamp: PlanStamp | null,
    year: number,
    checkpoint: Checkpoint,
    build: () => Promise<T>,
    scoredOf: (built: T) => ScoredPlan,
  ): Promise<{ built: T } | { scored: ScoredPlan }> {
    const kept = this.get(stamp, year, checkpoint);
    if (kept) return { scored: kept };
    if (!this.cache || !stamp) return { built: await build() };
    const key = keyOf(stamp.planId, year, checkpoint, stamp.value);
    const pending = this.scoring.get(key);
    if (pending) return { scored: await pending };
    const building = build();
    const scoring = building.then((built) => {
      const scored = scoredOf(built);
      this.put(stamp, year, checkpoint, scored);
      return scored;
    });
    this.scoring.set(key, scoring);
    try {
      await scoring;
      return { built: await building };
    } finally {
      if (this.scoring.get(key) === scoring) this.scoring.delete(key);
    }
  }

  /** The scores of the stamp: kept, being built by another reader, or `build`'s, kept (shared()). */
  async scoredOnce(
    stamp: PlanStamp | null,
    year: number,
    checkpoint: Checkpoint,
    build: () => Promise<ScoredPlan>,
  ): Promise<PlanScores> {
    const got = await this.shared(stamp, year, checkpoint, build, (scored) => scored);
    return 'built' in got ? got.built.scores : got.scored.scores;
  }

  /**
   * Stamp, then the scored plan: kept, being built by another reader, or `build`'s (which reads the rows and scores
   * them), kept for the next read; its rows only when `shareable` (read-only rows: managed entities belong to their
   * request's unit of work), so a reader given another's scores may get no rows with them.
   */
  async read(
    em: EntityManager,
    planId: string,
    year: number,
    checkpoint: Checkpoint,
    build: () => Promise<ScoredPlan & { shareable: boolean }>,
  ): Promise<ScoredPlan> {
    const stamp = await this.stamp(em, planId);
    const got = await this.shared(stamp, year, checkpoint, build, ({ scores, snapshot, shareable }) => ({
      scores,
      snapshot: shareable ? snapshot : null,
    }));
    return 'built' in got ? { scores: got.built.scores, snapshot: got.built.snapshot } : got.scored;
  }

  /**
   * A read-only value of the plan at `stamp` for the period, named by `kind` (counted in the metrics as that
   * name): the kept one of the same stamp, or `build`'s, kept (read after the stamp: never older than it). For values
   * no reader changes, such as the sheet's plan state of read-only rows (sync/plan-state.ts): `sheetRows` of an
   * unchanged plan, a delta or every row, reads none of its rows again. Readers of a stamp whose value is being
   * built wait for that build (one read of the plan however many ask at once), or for the value of the same stamp
   * its writer keeps meanwhile (putKept), whichever comes first: then the build is told to stop (`stop`). Without a
   * stamp (cache off), `build`.
   */
  async keep<T extends object>(
    kind: string,
    stamp: PlanStamp | null,
    year: number,
    checkpoint: Checkpoint,
    build: (stop: AbortSignal) => Promise<T>,
    bytes: (value: T) => number,
  ): Promise<T> {
    if (!this.others || !stamp) return build(new AbortController().signal);
    const key = otherKeyOf(stamp.planId, year, checkpoint, stamp.value, kind);
    const kept = this.others.get(key);
    const hit = kept?.stamp === stamp.value;
    countCacheLookup(kind, hit);
    if (hit) return kept.value as T;
    // after a write, every pane asks the new stamp's rows at once (bench B4): one reads them, the others wait for it
    const pending = this.building.get(key);
    if (pending?.stamp === stamp.value) return this.builtOrKept(key, stamp.value, pending.value as Promise<T>);
    const stop = new AbortController();
    const building = build(stop.signal);
    this.building.set(key, { stamp: stamp.value, value: building });
    try {
      const value = await this.builtOrKept(key, stamp.value, building);
      if (this.others.get(key)?.stamp === stamp.value) {
        // kept by its writer while built: the build is not wanted any more (its rejection, if it stops, is nobody's)
        building.catch(() => undefined);
        stop.abort();
        return value;
      }
      this.others.set(key, { value, bytes: bytes(value), stamp: stamp.value, orgId: stamp.orgId });
      this.keyOfKept.set(value, key);
      this.tellWaiters(key, stamp.value, value);
      this.tellNewer(otherKeyOf(stamp.planId, year, checkpoint, '', kind), stamp.value);
      return value;
    } finally {
      if (this.building.get(key)?.value === building) this.building.delete(key);
    }
  }

  /**
   * A build of `key` at `stamp`, or the value its writer keeps for that stamp meanwhile (putKept: another instance's
   * told patch, a sync's state after its commit), whichever comes first. The readers of a new stamp that came before
   * its told patch waited for their whole read of the plan: sliced, on an event loop busy with the panes' reads, 13-20
   * s of bench B4-pg, when the patch was kept 0.4 s after they began (session pgturn, 7 December).
   */
  private async builtOrKept<T>(key: string, stamp: string, building: Promise<T>): Promise<T> {
    let waiter: { stamp: string; resolve: (value: object | undefined) => void } | undefined;
    const kept = new Promise<T>((resolve) => {
      waiter = { stamp, resolve: (value) => resolve(value as T) };
      const list = this.waiters.get(key) ?? [];
      list.push(waiter);
      this.waiters.set(key, list);
    });
    try {
      return await Promise.race([building, kept]);
    } finally {
      const left = (this.waiters.get(key) ?? []).filter((w) => w !== waiter);
      if (left.length) this.waiters.set(key, left);
      else this.waiters.delete(key);
    }
  }

  /**
   * Keeps a read-only value of the plan at `stamp` that its writer made (not a lookup: nothing is counted), for the
   * readers of that stamp; a value kept for the same stamp stays. One being built is not waited for: readers
   * already waiting for the build get the built value, those of the stamp that come now and the syncs waiting
   * (whenKept) get this one (a sync under the plan's lock waited seconds for a pane's read of the whole plan).
   * Says which.
   */
  putKept<T extends object>(
    kind: string,
    stamp: PlanStamp,
    year: number,
    checkpoint: Checkpoint,
    value: T,
    bytes: number,
  ): 'kept' | 'kept while built' | 'was kept' | 'off' {
    if (!this.others) return 'off';
    const key = otherKeyOf(stamp.planId, year, checkpoint, stamp.value, kind);
    if (this.others.get(key)?.stamp === stamp.value) return 'was kept';
    const built = this.building.get(key)?.stamp === stamp.value;
    this.others.set(key, { value, bytes, stamp: stamp.value, orgId: stamp.orgId });
    this.keyOfKept.set(value, key);
    this.tellWaiters(key, stamp.value, value);
    this.tellNewer(otherKeyOf(stamp.planId, year, checkpoint, '', kind), stamp.value);
    return built ? 'kept while built' : 'kept';
  }

  /**
   * The next stamp other than `stamp` whose value of `kind` is kept for the plan's period (putKept, or a build
   * kept): what a reader waiting for its own stamp's value looks for (keepNewest, newest-kept.ts). `stop` when no
   * longer waiting.
   */
  otherKept(kind: string, stamp: PlanStamp, year: number, checkpoint: Checkpoint) {
    const period = otherKeyOf(stamp.planId, year, checkpoint, '', kind);
    let tell: (other: string) => void = () => undefined;
    const kept = new Promise<string>((resolve) => (tell = (other) => other !== stamp.value && resolve(other)));
    const listeners = this.newer.get(period) ?? new Set();
    this.newer.set(period, listeners.add(tell));
    const stop = () => {
      listeners.delete(tell);
      if (listeners.size === 0 && this.newer.get(period) === listeners) this.newer.delete(period);
    };
    return { kept, stop };
  }

  private tellNewer(period: string, stamp: string): void {
    for (const tell of [...(this.newer.get(period) ?? [])]) tell(stamp);
  }

  /**
   * Counts `bytes` more (fewer when negative) in the size of a kept value that came to hold them after it was kept:
   * the texts kept on a plan state (server/speed/kept-texts.ts, the realization read's rows and the deltas, a
   * megabyte a state and scores) are in the budget with the state they hang on. A value grown past the budget leaves;
   * one no longer kept counts nothing.
   */
  grow(value: object, bytes: number): void {
    const key = this.keyOfKept.get(value);
    const kept = key === undefined ? undefined : this.others?.peek(key);
    if (!kept || kept.value !== value) return;
    kept.bytes += bytes;
    // set again: the cache takes the new size (sizeCalculation), and evicts what it must
    this.others!.set(key!, kept);
  }

  /**
   * The value of `kind` at the stamp `value` as soon as it is kept here, or undefined after `ms` (at once with 0):
   * a sync holding its plan's lock waits a moment for the state another instance's sync tells (shared-states.ts)
   * rather than reading the whole plan under the lock.
   */
  whenKept<T extends object>(
    kind: string,
    planId: string,
    year: number,
    checkpoint: Checkpoint,
    value: string,
    ms: number,
  ): Promise<T | undefined> {
    const now = this.peekKept<T>(kind, planId, year, checkpoint, value);
    if (now || ms <= 0) return Promise.resolve(now);
    const key = otherKeyOf(planId, year, checkpoint, value, kind);
    return new Promise((resolve) => {
      const waiter = { stamp: value, resolve: (kept: object | undefined) => resolve(kept as T | undefined) };
      const list = this.waiters.get(key) ?? [];
      list.push(waiter);
      this.waiters.set(key, list);
      setTimeout(() => {
        const left = (this.waiters.get(key) ?? []).filter((w) => w !== waiter);
        if (left.length) this.waiters.set(key, left);
        else this.waiters.delete(key);
        waiter.resolve(undefined);
      }, ms).unref();
    });
  }

  private tellWaiters(key: string, stamp: string, value: object): void {
    const list = this.waiters.get(key);
    if (!list) return;
    const told = list.filter((w) => w.stamp === stamp);
    if (told.length === 0) return;
    const left = list.filter((w) => w.stamp !== stamp);
    if (left.length) this.waiters.set(key, left);
    else this.waiters.delete(key);
    for (const w of told) w.resolve(value);
  }

  /** the value of `kind` kept for the plan's period at the stamp `value`, if it is that one (not counted) */
  peekKept<T extends object>(kind: string, planId: string, year: number, checkpoint: Checkpoint, value: string) {
    const kept = this.others?.get(otherKeyOf(planId, year, checkpoint, value, kind));
    return kept?.stamp === value ? (kept.value as T) : undefined;
  }

  /**
   * Frees what a write made stale: `plan:<id>` every period of that plan, `org:<id>` every plan of an organisation
   * (a change with no plan, such as a profile or a fund value), null everything (messages may have been missed).
   * Keys other than these drop nothing. The scores of a stamp whose value of a patchable kind is kept stay with it:
   * the other instance's patch from that stamp rescores them (server/sync/shared-states.ts), and the drop of that
   * same commit, published before its patch, arrived first and left it nothing to rescore, so the plan was scored
   * whole by its sync, under the plan's lock, and by every pane (bench B4 on PostgreSQL, session pgcpu).
   */
  drop(key: string | null): void {
    if (!this.cache) return;
    if (key === null) {
      this.cache.clear();
      this.others?.clear();
      return;
    }
    const [kind, id] = splitKey(key);
    if (kind !== 'plan' && kind !== 'org') return;
    for (const cache of [this.cache, this.others] as Array<LRUCache<string, Entry | Kept>>)
      for (const [k, entry] of cache.entries()) {
        if (cache === this.others && this.patchable.has(k.slice(k.lastIndexOf('|') + 1))) continue;
        if (cache === this.cache && this.beside(k)) continue;
        if ((kind === 'plan' && k.startsWith(`${id}|`)) || (kind === 'org' && entry.orgId === id)) cache.delete(k);
      }
  }

  /** whether a value of a patchable kind is kept at the scores' key `key` (its plan, period and stamp) */
  private beside(key: string): boolean {
    for (const kind of this.patchable) if (this.others?.has(`${key}|${kind}`)) return true;
    return false;
  }

  /** Scored plans kept now (tests, metrics). */
  get size(): number {
    return this.cache?.size ?? 0;
  }
}

/**
 * One entry per stamp, not one per period: while syncs commit one after another, a read that began at one stamp
 * finishes after the next sync kept its own; with one entry per period it missed, scored the whole plan again and
 * put back the older stamp's scores over the newer, which the next sync then missed too (bench B4). Older stamps
 * leave by the cache's bounds and the plan's drops.
 */
function keyOf(planId: string, year: number, checkpoint: Checkpoint, stamp: string): string {
  return `${planId}|${year}|${checkpoint}|${stamp}`;
}

/** An answer kept beside the scores (a kind of read) at one stamp; with an empty stamp, the period's list of them. */
function otherKeyOf(planId: string, year: number, checkpoint: Checkpoint, stamp: string, kind: string): string {
  return `${keyOf(planId, year, checkpoint, stamp)}|${kind}`;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** Changes with no plan that still move its scores (plan-stamp.ts): their organisation's entries go. */
const ORG_WIDE = new Set(['ScoringProfile', ...ORG_WIDE_ENTITIES]);

/** The key of drop() for one committed change; null when it moves no score (a token, a user, a membership). */
export function dropKeyOf(change: { planId: string | null; orgId: string | null; entityType: string }): string | null {
  if (change.planId) return `plan:${change.planId}`;
  return change.orgId && ORG_WIDE.has(change.entityType) ? `org:${change.orgId}` : null;
}
