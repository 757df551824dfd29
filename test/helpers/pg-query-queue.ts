import { Client } from 'pg';

/**
 * pg warns ("client.query() when the client is already executing a query", a DeprecationWarning, once per process)
 * when a query is given to a client whose queue is not empty: inside a transaction (one connection) two reads ran at
 * once (the sync's read of the plan did, issue 13). pg 9 makes it an error. The warning itself does not reach a test
 * (Jest's process is not the one pg warns on), so the same check pg makes is made here, on every client: the
 * describe block that calls this fails if a query was queued behind another while it ran.
 */
export function refusePgQueryQueue(): void {
  const queued: string[] = [];
  const original = Client.prototype.query;
  beforeAll(() => {
    Client.prototype.query = function (this: Client & { _queryQueue?: unknown[] }, ...args: unknown[]) {
      if ((this._queryQueue?.length ?? 0) > 0) {
        const config = args[0] as string | { text?: string };
        queued.push(typeof config === 'string' ? config : String(config?.text));
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  });
  afterAll(() => {
    Client.prototype.query = original;
    expect(queued).toEqual([]);
  });
}
