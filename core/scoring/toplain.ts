/**
 * Results of scoreIndicator and aggregate build their explanation and display on first access (memoized).
 * `toPlain` returns a deep plain-object copy with every explanation and display materialized: use it before
 * structuredClone / postMessage or before spreading a result. JSON.stringify does the same through toJSON.
 */
import { AggregateRecord, plainAggregate } from './aggregate';
import { IndicatorRecord, plainIndicator } from './indicator-record';
import { plainStrategic, StrategicRecord } from './strategic';

export function toPlain<T>(value: T): T {
  return convert(value) as T;
}

function convert(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof IndicatorRecord) return plainIndicator(v);
  if (v instanceof AggregateRecord) return plainAggregate(v);
  // its keys as a plain object, converted like one (the components become plain aggregates)
  if (v instanceof StrategicRecord) return convertKeys(plainStrategic(v));
  if (Array.isArray(v)) return v.map(convert);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  return convertKeys(v as object);
}

function convertKeys(v: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = convert((v as Record<string, unknown>)[k]);
  return out;
}
