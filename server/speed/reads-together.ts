import type { EntityManager } from '@mikro-orm/core';

type Reads = readonly (() => Promise<unknown>)[];
type Answers<T extends Reads> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Several independent reads through one entity manager: at once on the pool's connections, or one after the other
 * when `em` is inside a transaction. A transaction is one connection, and pg's client queues a query given while
 * another runs: a DeprecationWarning ("Calling client.query() when the client is already executing a query"), an
 * error from pg 9 on, and statements of one transaction in an order nobody chose (issue 13). (On SQLite every
 * statement runs whole as it is given, so nothing changes there.) Every test fails on such a queued query
 * (test/helpers/pg-query-queue.ts), so a `Promise.all` of queries on an entity manager that may be in a transaction
 * goes through here.
 */
export async function readsTogether<T extends Reads>(em: EntityManager, reads: T): Promise<Answers<T>> {
  if (!em.isInTransaction()) return (await Promise.all(reads.map((read) => read()))) as Answers<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Answers<T>;
}
