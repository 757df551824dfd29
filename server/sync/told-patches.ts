import type { Checkpoint } from '@core/vocabulary/enums';
import type { ScoreSnapshots } from '../services/score-snapshots';
import type { PlanState } from './plan-state';
import type { StatePatch } from './shared-states';

/** patches remembered per instance: a turn behind by more than a few commits reads the plan anyway */
const REMEMBERED = 64;

const keyOf = (planId: string, year: number, checkpoint: Checkpoint, to: string) =>
  `${planId}|${year}|${checkpoint}|${to}`;

/**
 * The state patches this instance has told or been told (shared-states.ts), by the stamp they lead to, as soon as
 * they are known: a sync holding the plan's lock whose kept state is behind brings it forward from their rows itself,
 * on its own connection (shared-states.ts, stateFromTold), instead of waiting for the patch to be applied on the
 * pool, which a loaded pool and a pane's read of the same stamp delayed by seconds (bench B4 on two instances).
 */
export class ToldPatches {
  private readonly byStamp = new Map<string, StatePatch>();
  private readonly waiters = new Map<string, Array<(patch: StatePatch) => void>>();
  private readonly bringing = new Map<string, Promise<PlanState | null>>();

  add(patch: StatePatch): void {
    const key = keyOf(patch.to.planId, patch.year, patch.checkpoint, patch.to.value);
    this.byStamp.delete(key);
    this.byStamp.set(key, patch);
    // a Map keeps insertion order: the first keys are the oldest
    for (const old of this.byStamp.keys()) {
      if (this.byStamp.size <= REMEMBERED) break;
      this.byStamp.delete(old);
    }
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    for (const resolve of waiting ?? []) resolve(patch);
  }

  /** the patch leading to the stamp `to`, as soon as it is known here, or undefined after `ms` (at once with 0) */
  async leadingTo(
    planId: string,
    year: number,
    checkpoint: Checkpoint,
    to: string,
    ms: number,
  ): Promise<StatePatch | undefined> {
    const key = keyOf(planId, year, checkpoint, to);
    const known = this.byStamp.get(key);
    if (known || ms <= 0) return known;
    return new Promise((resolve) => {
      const waiter = (patch: StatePatch | undefined) => {
        clearTimeout(timer);
        const left = (this.waiters.get(key) ?? []).filter((w) => w !== waiter);
        if (left.length) this.waiters.set(key, left);
        else this.waiters.delete(key);
        resolve(patch);
      };
      const timer = setTimeout(() => waiter(undefined), ms);
      timer.unref();
      this.waiters.set(key, [...(this.waiters.get(key) ?? []), waiter]);
    });
  }

  /**
   * Runs `bring`, which brings the state of this instance to stamp `to` from told rows and gives it when exact at
   * `to` (else null), and shows it to beingBrought until it ends. Two brought the same stamp at once on the receiving
   * instance, the receipt's apply on the pool and the sync turn holding the plan's lock (stateFromTold), reading and
   * rescoring the same rows on one event loop: the turn's part held the lock 0.1-1.4 s (bench B4-pg, session
   * pgturn2). Whichever comes second awaits the first (beingBrought), and does its own part only if that gives none.
   */
  bringHere(
    planId: string,
    year: number,
    checkpoint: Checkpoint,
    to: string,
    bring: () => Promise<PlanState | null>,
  ): Promise<PlanState | null> {
    const key = keyOf(planId, year, checkpoint, to);
    const mine = bring().finally(() => {
      if (this.bringing.get(key) === mine) this.bringing.delete(key);
    });
    this.bringing.set(key, mine);
    return mine;
  }

  /** the bringing of stamp `to` running here now (bringOnce), if any: its state, or null when it gives none */
  beingBrought(
    planId: string,
    year: number,
    checkpoint: Checkpoint,
    to: string,
  ): Promise<PlanState | null> | undefined {
    return this.bringing.get(keyOf(planId, year, checkpoint, to));
  }
}

const perInstance = new WeakMap<ScoreSnapshots, ToldPatches>();

/** the told patches of the instance whose kept values are `snapshots` */
export function toldPatchesOf(snapshots: ScoreSnapshots): ToldPatches {
  let told = perInstance.get(snapshots);
  if (!told) {
    told = new ToldPatches();
    perInstance.set(snapshots, told);
  }
  return told;
}
