/**
 * What every proxy of the Excel double shares, and the rules that make real Office code right or wrong: a property
 * reads only after load + context.sync(), ...OrNullObject proxies answer isNullObject after a sync, and Office's
 * errors with their codes. (The double as a whole: index.ts; the queue and the sync: context.ts.)
 */
import type { FakeContext } from './context';

const encoder = new TextEncoder();
export const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value ?? null)).length;

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export function notLoaded(property: string): OfficeError {
  return new OfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): OfficeError {
  return new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}`);
}

export type LoadArg = string | string[] | { select?: string } | undefined;

function propertyList(arg: LoadArg): string[] {
  if (arg === undefined) return ['*'];
  const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : (arg.select ?? '*');
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A proxy: resolves its model object when a command runs, and keeps what load() brought back. */
export abstract class ClientObject<T> {
  protected loaded = new Map<string, unknown>();
  private cache: T | null | undefined;

  constructor(
    protected readonly context: FakeContext,
    private readonly resolver: () => T | null,
    nullable = false,
  ) {
    if (nullable) {
      // like Office: isNullObject is known after the next sync without an explicit load
      context.enqueue(0, () => {
        const found = this.target(true) !== null;
        return () => this.loaded.set('isNullObject', !found);
      });
    }
  }

  /** what the proxy brought back, as Office would have sent it (for the response size) */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** the model object, resolved once (an ...OrNullObject proxy may resolve to null) */
  target(allowNull = false): T | null {
    if (this.cache === undefined) this.cache = this.resolver();
    if (this.cache === null && !allowNull) throw itemNotFound(this.constructor.name);
    return this.cache;
  }

  protected must(): T {
    return this.target() as T;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  load(arg?: LoadArg): this {
    const properties = propertyList(arg);
    let snapshot: Record<string, unknown> = {};
    this.context.enqueue(
      bytesOf(properties),
      () => {
        snapshot = this.snapshot(properties);
        return () => {
          for (const [k, v] of Object.entries(snapshot)) this.loaded.set(k, v);
        };
      },
      () => bytesOf(snapshot),
    );
    return this;
  }

  /** the loaded properties' values, read from the model while the command runs */
  protected abstract snapshot(properties: string[]): Record<string, unknown>;

  protected set(payload: unknown, apply: (target: T) => void): void {
    this.context.enqueue(bytesOf(payload), () => apply(this.must()));
  }
}

export function pick(all: Record<string, unknown>, properties: string[]): Record<string, unknown> {
  if (properties.includes('*')) return all;
  const out: Record<string, unknown> = {};
  for (const p of properties) {
    if (!(p in all)) throw new OfficeError('InvalidArgument', `unknown property ${p}`);
    out[p] = all[p];
  }
  return out;
}
