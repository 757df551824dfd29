/**
 * Managers by assignment period (docs/scoring.md §5.9). An assignment holds from `validFrom` to `validTo` (both
 * included, null = open): a re-weighting on 1/7 (Brescia) or a change of manager mid-year gives a manager two
 * sets of assignments in one year. Each set is scored on its own weights and never added to the other (adding them
 * printed "somma 170%" and counted objectives twice). The manager's score is the set in force at the checkpoint's
 * date (30/6 or 31/12) — or, for a manager who left before it, the last set they held — unless the profile says
 * `managerPeriods: 'pro-rata'`: then every period's score weighs by its days.
 */
import { aggregate, plainAggregate } from './aggregate';
import { scoreManager, type ManagerOptions } from './manager';
import type { ManagerAssignmentInput, ManagerInput, ManagerPeriod, ManagerResult } from './aggregate-types';
import type { Checkpoint } from './types';

const DAY = 86_400_000;

/** The date a checkpoint closes: 30/6 → YYYY-06-30, 31/12 → YYYY-12-31. */
export function checkpointDate(year: number, checkpoint: Checkpoint): string {
  return checkpoint === '30/6' ? `${year}-06-30` : `${year}-12-31`;
}

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

export type AssignmentPeriod = {
  readonly from: string;
  readonly to: string;
  readonly assignments: readonly ManagerAssignmentInput[];
};

/**
 * The spans of [1 January, checkpoint date] over which the set of assignments stays the same, in date order; spans
 * with no assignment are left out. Assignments wholly outside the span (one starting 1/7, at 30/6) are in none.
 */
export function assignmentPeriods(
  assignments: readonly ManagerAssignmentInput[],
  year: number,
  checkpoint: Checkpoint,
): AssignmentPeriod[] {
  const start = dayOf(`${year}-01-01`);
  const end = dayOf(checkpointDate(year, checkpoint));
  const spans = assignments.map((a) => ({
    a,
    from: Math.max(start, a.validFrom ? dayOf(a.validFrom) : start),
    to: Math.min(end, a.validTo ? dayOf(a.validTo) : end),
  }));
  const cuts = new Set<number>([start]);
  for (const s of spans)
    if (s.from <= s.to) {
      cuts.add(s.from);
      if (s.to < end) cuts.add(s.to + 1);
    }
  const bounds = [...cuts].sort((x, y) => x - y);
  const periods: AssignmentPeriod[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const from = bounds[i];
    const to = i + 1 < bounds.length ? bounds[i + 1] - 1 : end;
    const held = spans.filter((s) => s.from <= from && s.to >= to).map((s) => s.a);
    if (held.length) periods.push({ from: isoOf(from), to: isoOf(to), assignments: held });
  }
  return periods;
}

/**
 * scoreManager over the periods of the year: the result is the period that counts (or the pro-rata mean of all),
 * with every period listed in `periods`. Without validity dates this is scoreManager exactly.
 */
export function scoreManagerByPeriod(
  input: ManagerInput,
  options: ManagerOptions & { readonly year: number; readonly checkpoint: Checkpoint },
): ManagerResult {
  const all = input.assignments;
  if (!all || !all.some((a) => a.validFrom || a.validTo)) return scoreManager(input, options);
  const spans = assignmentPeriods(all, options.year, options.checkpoint);
  if (spans.length === 0) return { ...scoreManager({ ...input, assignments: [] }, options), periods: [] };
  const end = checkpointDate(options.year, options.checkpoint);
  const scored = spans.map((p) => ({ p, r: scoreManager({ ...input, assignments: p.assignments }, options) }));
  const periods: ManagerPeriod[] = scored.map(({ p, r }) => ({
    from: p.from,
    to: p.to,
    days: dayOf(p.to) - dayOf(p.from) + 1,
    inForce: p.to === end,
    score: r.score,
    display: r.display,
    weightSum: r.weightSum,
    warnings: r.warnings,
    objectives: r.objectives,
  }));
  const last = scored[scored.length - 1].r;
  if (periods.length === 1 || (options.profile?.managerPeriods ?? 'checkpoint') !== 'pro-rata')
    return { ...last, periods };
  const days = periods.map((p) => p.days);
  const total = aggregate(
    periods.map((p) => ({ id: `${p.from}/${p.to}`, code: `${p.from}–${p.to}`, score: p.score })),
    {
      profile: options.profile,
      rule: 'manager',
      weights: days,
      acceptedWeightSums: [days.reduce((s, d) => s + d, 0)],
      subject: { type: 'manager', id: input.id, code: input.code, year: options.year, checkpoint: options.checkpoint },
      unscoredReason: 'not scored',
    },
  );
  return { ...plainAggregate(total), objectives: last.objectives, periods };
}
