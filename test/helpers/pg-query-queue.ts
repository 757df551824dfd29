import { Client } from 'pg';

/** pg's own warning text: its check is the one made here */
export const PG_QUEUE_WARNING = 'Calling client.query() when the client is already executing a query';

type QueuingClient = Client & { _queryQueue?: unknown[]; _activeQuery?: unknown; __queueGuard?: true };

/**
 * pg warns ("client.query() when the client is already executing a query", a DeprecationWarning, once per process)
 * when a query is given to a client whose queue is not empty: two statements queued on one connection, which inside
 * a transaction interleave in no set order (the sync's read of the plan did, issue 13). pg 9 makes it an error. The
 * warning itself does not reach a test (it is printed once per process and never thrown), and pg only warns from the
 * third statement on (its check is a non-empty queue; the second waits as the queue's first). So the check is made
 * here, stricter, on every client of the test file's pg: a query given while another is still executing or queued is
 * recorded with its stack.
 *
 * Installed for every test file by test/pg-guard.ts: the test during which a query was queued fails with that stack.
 * A server in a child process (test/helpers/server-process.ts) is checked through its standard error instead.
 */
/** the queries queued so far and not yet taken, for this test file (one module instance per file's registry) */
const queued: string[] = [];

export function installPgQueryQueueGuard(): { take(): string[] } {
  const proto = Client.prototype as QueuingClient;
  if (!proto.__queueGuard) {
    const original = proto.query;
    proto.query = function (this: QueuingClient, ...args: unknown[]) {
      if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) {
        const config = args[0] as string | { text?: string };
        const text = typeof config === 'string' ? config : String(config?.text);
        const stack = new Error('queued behind another query').stack ?? '';
        queued.push(`${text.slice(0, 300)}\n${stack.split('\n').slice(1, 25).join('\n')}`);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof proto.query;
    proto.__queueGuard = true;
  }
  return { take: () => queued.splice(0) };
}

/** the error a test fails with when queries were queued on one pg client during it */
export function queuedQueryError(queued: string[], when: string): Error | null {
  if (!queued.length) return null;
  return new Error(
    `${queued.length} quer${queued.length === 1 ? 'y was' : 'ies were'} queued on a pg client already executing one ` +
      `(${when}; pg: "${PG_QUEUE_WARNING} is deprecated"). Two statements on one connection at once: ` +
      `serialise them (no Promise.all on one EntityManager or transaction). Each, with the stack that queued it:\n\n` +
      queued.join('\n\n'),
  );
}
