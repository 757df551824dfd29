/**
 * One sync of a plan at a time in this process, the others waiting here, in arrival order, without a connection.
 * Syncs of a plan take turns anyway (SQLite has one writer; PostgreSQL's plan lock, plan-lock.ts, is taken inside
 * the transaction): waiting for that turn inside a transaction held one of the pool's connections per waiting sync,
 * and 25 panes' syncs on one instance took all ten, so the plan's reads waited for a connection behind syncs
 * (bench B4 on PostgreSQL). Across instances the plan lock still decides; here each instance queues its own.
 * Different plans never wait for each other.
 */
export class PlanQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(planId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(planId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.tails.set(planId, tail);
    await before;
    try {
      return await work();
    } finally {
      release();
      // the last in line leaves no entry behind
      if (this.tails.get(planId) === tail) this.tails.delete(planId);
    }
  }

  /** Plans with a sync running or waiting (tests). */
  get size(): number {
    return this.tails.size;
  }
}

/** The process's queue of syncs, per plan. */
export const SYNC_TURNS = new PlanQueue();
