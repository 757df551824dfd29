import { LIMITS } from '@core/sheet/row';
import type { ServiceContext } from '../services/service-context';
import type { SyncOutcome } from './answer';
import type { SyncInput } from './row-plan';
import { type JoinLate, type Settled, type SyncHooks, syncTogether } from './sync-rows';

type Waiting<I, R> = { item: I; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * One turn of a plan's syncs at a time in this process, the others waiting here, in arrival order, without a
 * connection: waiting for the plan's lock inside a transaction held one of the pool's connections per waiting sync,
 * and 25 panes' syncs on one instance took all ten (bench B4 on PostgreSQL). When a turn ends, every sync that
 * arrived meanwhile is taken into the next turn together (`work` gets them all, as far as `together` and `fits`
 * allow, in order), and those arriving while a turn waits for the plan's lock join it when it gets the lock
 * (`JoinLate`): syncs of one plan are serial anyway (SQLite has one writer; across instances PostgreSQL's plan lock,
 * plan-lock.ts, decides), and a turn for each made the 50th pane wait for 49 turns. Different plans never wait for
 * each other. `fits` bounds a turn: the plan's lock is held for the whole turn, and another instance's
 * syncs of the plan wait for all of it.
 */
export class PlanQueue<I, R> {
  private readonly lines = new Map<string, Array<Waiting<I, R>>>();

  constructor(
    private readonly work: (items: I[], joinLate: JoinLate<I>) => Promise<Array<Settled<R>>>,
    private readonly together: (first: I, next: I) => boolean = () => true,
    private readonly fits: (turn: I[], next: I) => boolean = () => true,
  ) {}

  run(planId: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = { item, resolve, reject };
      const line = this.lines.get(planId);
      if (line) {
        line.push(waiting);
        return;
      }
      this.lines.set(planId, [waiting]);
      void this.serve(planId);
    });
  }

  /** the head of the line that may join `turn`, taken off the line: the first of a new turn always goes */
  private take(line: Array<Waiting<I, R>>, turn: Array<Waiting<I, R>>): Array<Waiting<I, R>> {
    const items = turn.map((w) => w.item);
    let n = 0;
    while (n < line.length) {
      const next = line[n].item;
      if (items.length > 0 && !(this.together(items[0], next) && this.fits(items, next))) break;
      items.push(next);
      n++;
    }
    return line.splice(0, n);
  }

  /** turn after turn, until nobody waits: the line's entry goes with the last */
  private async serve(planId: string): Promise<void> {
    const line = this.lines.get(planId)!;
    while (line.length > 0) {
      const turn = this.take(line, []);
      const joinLate = () => {
        const late = this.take(line, turn);
        turn.push(...late);
        return late.map((w) => w.item);
      };
      let settled: Array<Settled<R>>;
      try {
        settled = await this.work(
          turn.map((w) => w.item),
          joinLate,
        );
      } catch (error) {
        settled = turn.map(() => ({ error }));
      }
      turn.forEach((w, k) => {
        const answer = settled[k] ?? { error: new Error('no answer for this sync in its turn') };
        if ('error' in answer) w.reject(answer.error);
        else w.resolve(answer.value);
      });
    }
    this.lines.delete(planId);
  }

  /** Plans with a sync running or waiting (tests). */
  get size(): number {
    return this.lines.size;
  }
}

type Sync = { ctx: ServiceContext; input: SyncInput; hooks?: SyncHooks };

/** who may read what: batches share a turn's unit of work only if the tenant filter (tenant-filter.ts) is the same */
const readableBy = (ctx: ServiceContext) => JSON.stringify(ctx.access?.readableOrgIds()?.slice().sort() ?? null);

/** Batches one turn can take together: the same period, fast paths, kept values and readable organisations. */
export function sameTurn(a: Sync, b: Sync): boolean {
  return (
    a.input.year === b.input.year &&
    a.input.checkpoint === b.input.checkpoint &&
    (a.ctx.fastPaths !== false) === (b.ctx.fastPaths !== false) &&
    a.ctx.snapshots === b.ctx.snapshots &&
    readableBy(a.ctx) === readableBy(b.ctx)
  );
}

/**
 * At most this many batches in one turn. A turn holds the plan's lock from its first batch to its commit, and each
 * batch in it costs its own decide, apply and answer: 0.6-0.9 s at the loaded machine's pace (bench B4-pg, 6 December,
 * load 18), where a turn of 21 held the lock for 20 s and the other instance's turn of 24 waited 23 s for it. A sync
 * may wait for its instance's running turn, the other instance's, then its own: three turns of 8 at that pace, with
 * a turn's own cost (lock, read, commit, state kept: about 2 s loaded), stay under the panes' 30 s; at a quiet pace
 * (0.1-0.2 s a batch) a turn of 8 holds the lock for about a second and a half.
 */
export const TURN_BATCHES = 8;

/** A turn takes batches up to TURN_BATCHES and, together, no more rows than one batch may send (LIMITS). */
export function fitsTurn(turn: Sync[], next: Sync): boolean {
  const rows = turn.reduce((sum, s) => sum + s.input.rows.length, 0);
  return turn.length < TURN_BATCHES && rows + next.input.rows.length <= LIMITS.rowsPerBatch;
}

/** The process's queue of syncs, per plan. */
export const SYNC_TURNS = new PlanQueue<Sync, SyncOutcome>(syncTogether, sameTurn, fitsTurn);
