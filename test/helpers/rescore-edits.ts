/**
 * Random edits of the rows a sync may write of existing indicators (actual value, neutralisation, manual score,
 * weight, effective target, replaced status), seeded: what the rescore tests (sync-rescore-equal, sync-rescore-few)
 * score again and compare with the whole plan scored.
 */
import { parseValue } from '@core/values';
import { IndicatorStatus } from '@core/vocabulary/enums';
import { Measurement } from '../../server/entities';
import type { Indicator, TargetRevision } from '../../server/entities';
import type { PlanSnapshot } from '../../server/services/plan-snapshot';

/** a small seeded generator (mulberry32): the same edits on every run, another seed for another sequence */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** another object of the same row (same class, same fields) with `fields` changed: the kept rows stay as they were */
function changedCopy<T extends object>(row: T, fields: Partial<T>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(row)) as T, row, fields);
}

/** a new actual of indicator `id` for the period, with `fields` over an empty one */
function firstActual(
  s: PlanSnapshot,
  id: string,
  year: number,
  checkpoint: string,
  fields: Partial<Measurement>,
): Measurement {
  const indicator = s.indicators.find((i) => i.id === id)!;
  return Object.assign(Object.create(Measurement.prototype) as Measurement, {
    id: `new-${id}-${year}-${checkpoint}`,
    indicator,
    year,
    checkpoint,
    value: null,
    neutralised: false,
    neutralisationReason: null,
    manualScore: null,
    manualJustification: null,
    author: null,
    notCompleted: false,
    recordedAt: new Date(0),
    version: 1,
    ...fields,
  });
}

const KINDS = ['actual', 'cleared', 'neutralised', 'manual', 'weight', 'target', 'replaced'] as const;

/** `s` with one random edit of indicator `id` for (year, checkpoint): a new snapshot, the old one untouched */
export function edited(
  s: PlanSnapshot,
  id: string,
  year: number,
  checkpoint: string,
  next: () => number,
): PlanSnapshot {
  const kind = KINDS[Math.floor(next() * KINDS.length)];
  const inPeriod = (r: { year: number; checkpoint: string }) => r.year === year && r.checkpoint === checkpoint;
  const value = parseValue(String(Math.round(next() * 300) / 10));
  const out = { ...s };
  if (kind === 'weight' || kind === 'replaced') {
    out.indicators = s.indicators.map((i) =>
      i.id !== id
        ? i
        : changedCopy<Indicator>(
            i,
            kind === 'weight'
              ? { weight: Math.round(next() * 50) }
              : { status: i.status === IndicatorStatus.REPLACED ? IndicatorStatus.ACTIVE : IndicatorStatus.REPLACED },
          ),
    );
  } else if (kind === 'target') {
    const target = s.targets.find((t) => t.indicator.id === id && inPeriod(t));
    const last = target && s.revisions.filter((r) => r.target.id === target.id && r.approved).at(-1);
    out.revisions = s.revisions.map((r) => (r === last ? changedCopy<TargetRevision>(r, { value }) : r));
  } else {
    const fields: Partial<Measurement> =
      kind === 'actual'
        ? { value, neutralised: false, manualScore: null }
        : kind === 'cleared'
          ? { value: null }
          : kind === 'neutralised'
            ? { neutralised: true, neutralisationReason: 'prova' }
            : { manualScore: Math.round(next() * 100) / 100 };
    const had = s.measurements.some((m) => m.indicator.id === id && inPeriod(m));
    out.measurements = had
      ? s.measurements.map((m) => (m.indicator.id === id && inPeriod(m) ? changedCopy<Measurement>(m, fields) : m))
      : // a first actual of the period (the Sondrio plan has none): a new row, as the sync inserts it
        [...s.measurements, firstActual(s, id, year, checkpoint, fields)];
  }
  return out;
}
