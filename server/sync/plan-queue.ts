import type { ServiceContext } from '../services/service-context';
import type { SyncOutcome } from './answer';
import type { SyncInput } from './row-plan';
import { type Settled, type SyncHooks, syncTogether } from './sync-rows';

type Waiting<I, R> = { item: I; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * One turn of a plan's syncs at a time in this process, the others waiting here, in arrival order, without a
 * connection: waiting for the plan's lock inside a transaction held one of the pool's connections per waiting sync,
 * and 25 panes' syncs on one instance took all ten (bench B4 on PostgreSQL). When a turn ends, every sync that
 * arrived meanwhile is taken into the next turn together (`work` gets them all, as far as `together` allows, in
 * order): syncs of one plan are serial anyway (SQLite has one writer; across instances PostgreSQL's plan lock,
 * plan-lock.ts, decides), and a turn for each made the 50th pane wait for 49 turns. Different plans never wait for
 * each other.
 */
export class PlanQueue<I, R> {
  private readonly lines = new Map<string, Array<Waiting<I, R>>>();

  constructor(
    private readonly work: (items: I[]) => Promise<Array<Settled<R>>>,
    private readonly together: (first: I, next: I) => boolean = () => true,
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

  /** turn after turn, until nobody waits: the line's entry goes with the last */
  private async serve(planId: string): Promise<void> {
    const line = this.lines.get(planId)!;
    while (line.length > 0) {
      let n = 1;
      while (n < line.length && this.together(line[0].item, line[n].item)) n++;
      const turn = line.splice(0, n);
      let settled: Array<Settled<R>>;
      try {
        settled = await this.work(turn.map((w) => w.item));
      } catch (error) {
        settled = turn.map(() => ({ error }));
      }
      turn.forEach((w, k) => {
        const answer = settled[k];
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

/** The process's queue of syncs, per plan. */
export const SYNC_TURNS = new PlanQueue<Sync, SyncOutcome>(syncTogether, sameTurn);
