/**
 * Office.js batching: a RequestContext queues actions until `sync()`, which sends them as one request. A proxy's
 * properties exist on the add-in side only after `load()` and a sync (reading earlier throws PropertyNotLoaded). Each
 * sync is measured as the JSON Office would exchange — the queued actions, then the loaded values — and, where the
 * platform has one, the payload limit refuses it (Excel on the web: 5 MB per request and per response,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
import type { Engine } from './edits';
import { itemNotFound, payloadTooLarge, propertyNotLoaded } from './errors';

export type SyncRecord = { actions: number; requestBytes: number; responseBytes: number };

type Action = { path: string; name: string; args: unknown; run: () => (() => void) | void; response?: () => unknown };

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value ?? null)).length;

export class RequestContext {
  readonly workbook: import('./workbook').Workbook;
  readonly runtime: { enableEvents: boolean; load(properties?: string): unknown };
  readonly application: { suspendScreenUpdatingUntilNextSync(): void; calculate(type: string): void };
  private queue: Action[] = [];

  constructor(
    readonly engine: Engine,
    readonly limitBytes: number | null,
    readonly syncs: SyncRecord[],
    makeWorkbook: (context: RequestContext) => import('./workbook').Workbook,
  ) {
    this.workbook = makeWorkbook(this);
    const enqueue = (name: string, args: unknown, run: Action['run'], response?: () => unknown) =>
      this.enqueue('runtime', name, args, run, response);
    const model = () => this.engine.model;
    let loaded: boolean | undefined;
    this.runtime = {
      get enableEvents(): boolean {
        if (loaded === undefined) throw propertyNotLoaded('enableEvents');
        return loaded;
      },
      set enableEvents(on: boolean) {
        enqueue('enableEvents', on, () => {
          model().eventsEnabled = on;
        });
      },
      load() {
        let value = false;
        enqueue(
          'load',
          'enableEvents',
          () => {
            value = model().eventsEnabled;
            return () => {
              loaded = value;
            };
          },
          () => ({ enableEvents: value }),
        );
        return this;
      },
    };
    this.application = {
      suspendScreenUpdatingUntilNextSync: () =>
        this.enqueue('application', 'suspendScreenUpdatingUntilNextSync', null, () => undefined),
      calculate: (type: string) => this.enqueue('application', 'calculate', type, () => undefined),
    };
  }

  /**
   * Queues one action. `run` executes it when the request reaches Excel and may return a commit, applied only if the
   * whole response comes back (loaded values reach the proxies then); `response` is what the action sends back.
   */
  enqueue(path: string, name: string, args: unknown, run: Action['run'], response?: () => unknown): void {
    this.queue.push({ path, name, args, run, response });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const request = actions.map((a) => ({ o: a.path, n: a.name, a: a.args }));
    const record: SyncRecord = { actions: actions.length, requestBytes: jsonBytes(request), responseBytes: 0 };
    this.syncs.push(record);
    // the request crosses a process (or network) boundary: never synchronous, even when empty
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.limitBytes !== null && record.requestBytes > this.limitBytes)
      throw payloadTooLarge('Request', record.requestBytes, this.limitBytes);
    const commits: Array<() => void> = [];
    const responses: unknown[] = [];
    // actions run in order; the first failure ends the request and the actions before it stay applied
    for (const action of actions) {
      const commit = action.run();
      if (commit) commits.push(commit);
      if (action.response) responses.push(action.response());
    }
    record.responseBytes = jsonBytes(responses);
    // Office does not say whether the writes of a request whose response is too large stay applied; here they do, and
    // only the loaded values are lost, which is the conservative reading for an add-in that retries smaller reads
    if (this.limitBytes !== null && record.responseBytes > this.limitBytes)
      throw payloadTooLarge('Response', record.responseBytes, this.limitBytes);
    for (const commit of commits) commit();
  }
}

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

export function propertyList(arg: LoadArg): string[] {
  if (arg === undefined) return ['*'];
  const raw =
    typeof arg === 'string'
      ? arg
      : Array.isArray(arg)
        ? arg.join(',')
        : Array.isArray(arg.select)
          ? arg.select.join(',')
          : (arg.select ?? '*');
  return raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A proxy: names its target by a path, resolves it when an action runs, keeps what load() brought back. */
export abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: RequestContext,
    readonly path: string,
    private readonly resolver: () => T | null,
    private readonly nullable = false,
  ) {
    if (nullable) {
      // *OrNullObject: isNullObject is known after the next sync without a load
      let found = false;
      context.enqueue(
        path,
        'isNullObject',
        null,
        () => {
          found = this.resolver() !== null;
          return () => this.loaded.set('isNullObject', !found);
        },
        () => ({ isNullObject: !found }),
      );
    }
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** the model object now; throws ItemNotFound (as the action would fail in Excel) when it does not exist */
  target(): T {
    const found = this.resolver();
    if (found === null) throw this.missing();
    return found;
  }

  /** how Excel's ItemNotFound names this object */
  protected abstract readonly what: string;

  /** the error of an action on this object when it does not exist: ItemNotFound naming it, at its path */
  protected missing(): Error {
    return itemNotFound(this.what, this.path);
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as V;
  }

  /**
   * The properties the add-in only reads, each defined as `read(name)` (PropertyNotLoaded until a load is synced);
   * the class declares each one's type as office.js does, with `declare readonly`.
   */
  protected static readOnly<C extends ClientObject<unknown>>(
    this: abstract new (...args: never[]) => C,
    ...names: Array<keyof C & string>
  ): void {
    for (const name of names)
      Object.defineProperty(this.prototype, name, {
        get(this: C) {
          return this.read(name);
        },
        configurable: true,
      });
  }

  load(arg?: LoadArg): this {
    const properties = propertyList(arg);
    let snapshot: Record<string, unknown> = {};
    this.context.enqueue(
      this.path,
      'load',
      properties,
      () => {
        // a null object loads nothing, without failing the request; any other missing object fails it (ItemNotFound)
        if (this.nullable && this.resolver() === null) return;
        snapshot = this.snapshot(properties);
        return () => {
          for (const [k, v] of Object.entries(snapshot)) this.loaded.set(k, v);
        };
      },
      () => snapshot,
    );
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** the loaded properties' values, read from the model while the action runs */
  protected abstract snapshot(properties: string[]): Record<string, unknown>;

  /** queues a change to the target (a property set or a method call) */
  protected act(name: string, args: unknown, apply: (target: T) => void): void {
    this.context.enqueue(this.path, name, args, () => apply(this.target()));
  }

  /** a property the add-in sets that is one field of the model object */
  protected assign<K extends keyof T>(name: string, key: K, value: T[K]): void {
    this.act(name, value, (target) => {
      target[key] = value;
    });
  }

  /**
   * `onChanged` as Excel gives it: `add` registers the handler when the request is synced (through `subscribe`, on
   * the target), and the registration it answers removes it at the next sync.
   */
  protected changedEvent(subscribe: (target: T, handler: (args: unknown) => unknown) => () => void) {
    return {
      add: (handler: (args: unknown) => unknown) => {
        let remove: () => void = () => undefined;
        this.act('onChanged.add', null, (target) => {
          remove = subscribe(target, handler);
        });
        return {
          context: this.context,
          remove: () =>
            this.act('onChanged.remove', null, () => {
              remove();
            }),
        };
      },
    };
  }
}

/** picks the asked properties out of all a proxy can load; an unknown name is Excel's InvalidArgument */
export function pick(
  all: Record<string, () => unknown>,
  properties: string[],
  what: string,
  invalid: (p: string) => Error,
): Record<string, unknown> {
  const wanted = properties.includes('*') ? Object.keys(all) : properties.filter((p) => !p.includes('/'));
  void what;
  const out: Record<string, unknown> = {};
  for (const p of wanted) {
    if (!all[p]) throw invalid(p);
    out[p] = all[p]();
  }
  return out;
}
