import type { Checkpoint } from '@core/vocabulary/enums';
import type { ScoreSnapshots } from '../services/score-snapshots';
import { RecentMap } from '../speed/recent-map';
import type { PlanState } from './plan-state';
import type { StatePatch } from './shared-states';

/**
 * the longest chain of told patches a turn brings its state forward by (shared-states.ts, stateFromTold): a turn
 * behind by more commits reads the plan anyway, so this many patches are remembered per plan and period
 */
export const LONGEST_CHAIN = 8;

/** the plans (and periods) whose patches are remembered, those told or asked most recently */
const PLANS_REMEMBERED = 64;

const periodOf = (planId: string, year: number, checkpoint: Checkpoint) => `${planId}|${year}|${checkpoint}`;
const keyOf = (planId: string, year: number, checkpoint: Checkpoint, to: string) =>
  `${periodOf(planId, year, checkpoint)}|${to}`;

/**
 * The state patches this instance has told or been told (shared-states.ts), by the stamp they lead to, as soon as
 * they are known: a sync holding the plan's lock whose kept state is behind brings it forward from their rows itself,
 * on its own connection (shared-states.ts, stateFromTold), instead of waiting for the patch to be applied on the
 * pool, which a loaded pool and a pane's read of the same stamp delayed by seconds (bench B4 on two instances).
 */
export class ToldPatches {
  /**
   * per plan and period, its patches by the stamp they lead to: each plan keeps its own last ones (64 across all
   * plans let a few busy plans push out a quiet one's patch before its next turn)
   */
  private readonly byPeriod = new RecentMap<string, RecentMap<string, StatePatch>>(PLANS_REMEMBERED);
  private readonly waiters = new Map<string, Array<(patch: StatePatch) => void>>();
  private readonly bringing = new Map<string, Promise<PlanState | null>>();

  add(patch: StatePatch): void {
    const period = periodOf(patch.to.planId, patch.year, patch.checkpoint);
    let patches = this.byPeriod.get(period);
    if (!patches) this.byPeriod.set(period, (patches = new RecentMap(LONGEST_CHAIN)));
    patches.set(patch.to.value, patch);
    const key = keyOf(patch.to.planId, patch.year, patch.checkpoint, patch.to.value);
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
    const known = this.byPeriod.get(periodOf(planId, year, checkpoint))?.get(to);
    if (known || ms <= 0) return known;
    const key = keyOf(planId, year, checkpoint, to);
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
