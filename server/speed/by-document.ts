/**
 * A computation over a GraphQL document and the request's variables, kept per document object with the variables it
 * read and their values: Apollo hands every request of one query text the same parsed document (its document store),
 * so a pane's reads, tens a second under B4, find the result of the first. The checks and prices done on the document
 * before execution (input-guard.ts, plan-cost.ts: a walk of the whole document each, one with graphql-js's TypeInfo)
 * were 3 % of B4's event loop (bench/results/2026-12-07.md, session readcpu).
 *
 * The contract: `compute` reads `variables` by property only (`variables[name]`, no keys, no `in`, no iteration) and
 * nothing else that may change (the schema is fixed per server; each server makes its own ByDocument), and its
 * result is not changed by whoever gets it. Then the same document with the same values of the variables read
 * takes the same path and gives the same result; another value of any of them computes again.
 */
export class ByDocument<T> {
  private readonly kept = new WeakMap<object, { read: Map<string, unknown>; value: T }>();
  /** computations run (tests: a document read again with the same values computes nothing) */
  computed = 0;

  constructor(private readonly compute: (document: any, variables: Record<string, unknown>) => T) {}

  of(document: object, variables: Record<string, unknown>): T {
    const known = this.kept.get(document);
    if (known && sameValues(known.read, variables)) return known.value;
    const read = new Map<string, unknown>();
    const watched = new Proxy(variables, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof name === 'string') read.set(name, value);
        return value;
      },
    });
    this.computed++;
    const value = this.compute(document, watched);
    this.kept.set(document, { read, value });
    return value;
  }
}

function sameValues(read: ReadonlyMap<string, unknown>, variables: Record<string, unknown>): boolean {
  for (const [name, value] of read) if (!Object.is(variables[name], value)) return false;
  return true;
}
