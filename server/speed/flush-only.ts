import type { EntityManager } from '@mikro-orm/core';

/** the parts of MikroORM 6's UnitOfWork this leans on (unit-of-work/UnitOfWork.js, computeChangeSets) */
type ScopedUnitOfWork = {
  identityMap: Iterable<object>;
  computeChangeSets(): void;
};

/**
 * A flush of `em` that examines only `rows` (and what they and the entities persisted since the last flush reach by
 * their relations): MikroORM's flush computes a change set for every managed entity of the unit of work, each
 * compared field by field with its snapshot. A sync turn adopts every row its batches name before the first batch
 * (adopt-rows.ts, adoptForTurn), so each batch's flush compared all the turn's rows: 8 batches of 20 rows, 8 × 160
 * change sets per turn for 160 rows written (bench B4-pg: ~15 % of the time the plan's lock was held).
 *
 * Only for a flush whose changes are all in `rows`: a change to any other managed entity is not seen by it, and is
 * found by the next whole flush. The sync uses it for a batch whose updates are held (turn-writes.ts): the turn
 * flushes whole before writing what is held, or, at its end, its transaction does before the commit (the held updates
 * written just before), so a change missed here is held or written then, never lost.
 *
 * MikroORM's computeChangeSets iterates the identity map once, to cascade the persist to every managed entity; the
 * identity map is replaced, for that call alone, by one whose iteration gives `rows` and whose every other member
 * is the real one's (its stores are shared: an entity it registers is registered).
 */
export async function flushOnly(em: EntityManager, rows: Iterable<object>): Promise<void> {
  const uow = em.getUnitOfWork() as unknown as ScopedUnitOfWork;
  const real = uow.identityMap;
  const compute = Object.getPrototypeOf(uow).computeChangeSets as ScopedUnitOfWork['computeChangeSets'];
  const only = Object.create(real as object, { [Symbol.iterator]: { value: () => [...rows][Symbol.iterator]() } });
  uow.computeChangeSets = function (this: ScopedUnitOfWork) {
    this.identityMap = only;
    try {
      compute.call(this);
    } finally {
      this.identityMap = real;
    }
  };
  try {
    await em.flush();
  } finally {
    delete (uow as Partial<ScopedUnitOfWork>).computeChangeSets;
  }
}
