import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { type HeldUpdate, holdUpdates, writeHeld } from '../speed/set-update';

/** the savepoint a turn holding its batches' writes goes back to */
export const TURN_SAVEPOINT = 'turn_writes';

/** The turn's combined write failed: the turn is undone to its savepoint and run again one batch at a time. */
export class HeldWriteFailed extends Error {
  constructor(readonly reason: unknown) {
    super('the turn’s combined write failed');
  }
}

/**
 * How the batches of a turn write (sync-rows.ts). Each batch of a turn used to write alone, under its savepoint: a
 * savepoint and an update per batch, two round trips each waiting for an event loop busy with the panes' reads,
 * under the plan's lock (bench B4-pg: ~70 ms a batch of the turn's ~1.1 s). Here the batches whose writes are
 * `holdable` (sync-batch.ts: actual values of existing measurements) are decided and applied in memory one after the
 * other, in arrival order, each from the state the one before left (its updates held, set-update.ts holdUpdates,
 * each row taking its next version as if written), and their updates are written together at the end — or before
 * a batch that is not held, or before the turn reads the plan again — with one statement per table, each row's
 * version checked against the one it had before the turn's first write to it. One savepoint is taken before the
 * turn's first write; if the combined write fails (a row changed under the turn, a value the database refuses), the
 * turn goes back to it and runs again one batch at a time with a savepoint each (`off`), so that a bad batch fails
 * alone and the others keep their rows, exactly as before.
 */
export class TurnWrites {
  private readonly held = new Map<object, HeldUpdate>();
  /** the batch whose writes are being held, from its first write to the end of its turn */
  private holder: number | null = null;

  /**
   * `on`: hold what may be held (a turn of several batches with kept states); off, each batch writes alone. `saved`:
   * the savepoint taken before the turn's first write — already, with the plan's lock (plan-lock.ts, TURN_SAVEPOINT),
   * or null: the turn's own taken at its first held write, or the first writing batch's.
   */
  constructor(
    private readonly em: EntityManager,
    readonly on: boolean,
    private saved: string | null = null,
  ) {}

  /**
   * Before batch `k`'s first write: held (its updates join the held ones: true), or written alone (the held ones
   * written first, then its savepoint `own` taken). The turn's first write takes the savepoint the turn goes back to.
   * A batch held may flush only the rows it adopted (apply.ts): the unit of work is flushed whole after (write()).
   */
  async beforeWrite(
    k: number,
    holdable: boolean,
    own: { take: () => Promise<void>; name: string } | null,
  ): Promise<boolean> {
    // a batch alone in its turn (`own` null) takes no savepoint of its own: its failure fails the turn's transaction.
    // Held, it takes the turn's: a combined write that fails goes back to it and runs the batch again, its rows read
    if (!own && !(this.on && holdable)) return false;
    if (own && this.on && !this.saved && !holdable) {
      // the first writing batch's savepoint is the turn's: nothing was written before it
      await own.take();
      this.saved = own.name;
      return false;
    }
    if (this.on && !this.saved) {
      await (this.em as SqlEntityManager).execute(`savepoint ${TURN_SAVEPOINT}`, [], 'run');
      this.saved = TURN_SAVEPOINT;
    }
    if (this.on && holdable) {
      holdUpdates(this.em, this.held);
      this.holder = k;
      return true;
    }
    await this.write();
    await own?.take();
    return false;
  }

  /** whether batch `k`'s writes are held: a failure of it after its first write is undone only by running again */
  holds(k: number): boolean {
    return this.holder === k;
  }

  /**
   * Writes what is held (HeldWriteFailed if that fails), and ends the holding until a batch holds again. On
   * PostgreSQL `then` is sent after the held update in its round trip (the turn's bump of the plan's counter): its
   * rows, or null when nothing was held to write (then it was not run). While
   * holding, the unit of work is flushed whole first: a change a held batch's flush of its own rows did not examine
   * (none is made today: a held batch changes only the measurements it adopted) is held with the others, not lost.
   * `last`: the turn's end, whose transaction flushes whole before its commit (em.transactional): that flush writes
   * such a change, so the turn's rows are not compared a second time here (bench B4: each whole flush compares every
   * row the turn holds, ~4 ms a turn of 8 batches under the plan's lock).
   */
  async write(
    then?: { sql: string; params: unknown[] } | null,
    last = false,
  ): Promise<Array<Record<string, unknown>> | null> {
    const holding = this.holder !== null;
    this.holder = null;
    try {
      if (holding && !last) await this.em.flush();
    } catch (error) {
      this.held.clear();
      throw new HeldWriteFailed(error);
    } finally {
      holdUpdates(this.em, null);
    }
    if (this.held.size === 0) return null;
    try {
      return await writeHeld(this.em, this.held, then);
    } catch (error) {
      throw new HeldWriteFailed(error);
    } finally {
      this.held.clear();
    }
  }

  /** Undoes every write of the turn (its savepoint), for the turn to run again one batch at a time */
  async undo(): Promise<void> {
    holdUpdates(this.em, null);
    this.held.clear();
    this.holder = null;
    if (this.saved) await (this.em as SqlEntityManager).execute(`rollback to savepoint ${this.saved}`, [], 'run');
  }
}
