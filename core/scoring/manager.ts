/**
 * Managers and incentive value (docs/scoring.md §5.9).
 * Manager score = Σ W(m,o)·s(o) / Σ W(m,o) over the manager's scored objectives, with the ManagerAssignment
 * weights of the evaluated plan version; unscored objectives are excluded and listed ("not scored"). A manager
 * evaluated through a dashboard scores that dashboard's aggregate. A joint assignment gives both managers the same
 * objective score (each manager lists it in their own portfolio).
 * incentiveValue(o, fund) = relevance coefficient (HIGH 5, MEDIUM 3, LOW 1) × fund unit value; reported with the
 * score, never turned into a payout.
 */
import { aggregate, plainAggregate } from './aggregate';
import { formatScore } from './display';
import { DEFAULT_PROFILE } from './profiles';
import type {
  AggregateChild,
  IncentiveLine,
  ManagerInput,
  ManagerObjectiveLine,
  ManagerResult,
  Relevance,
} from './aggregate-types';
import type { Checkpoint, ScoringProfile } from './types';

export const RELEVANCE_COEFFICIENT: Readonly<Record<Relevance, number>> = Object.freeze({ HIGH: 5, MEDIUM: 3, LOW: 1 });

const ITALIAN: Readonly<Record<string, Relevance>> = Object.freeze({ ALTA: 'HIGH', MEDIA: 'MEDIUM', BASSA: 'LOW' });

/** HIGH/ALTA, MEDIUM/MEDIA, LOW/BASSA (case-insensitive) → Relevance, else null. */
export function normaliseRelevance(r: string | null | undefined): Relevance | null {
  if (!r) return null;
  const u = r.trim().toUpperCase();
  if (u === 'HIGH' || u === 'MEDIUM' || u === 'LOW') return u;
  return ITALIAN[u] || null;
}

/** HIGH 5, MEDIUM 3, LOW 1; null for an unknown relevance. */
export function relevanceCoefficient(r: string | null | undefined): number | null {
  const n = normaliseRelevance(r);
  return n ? RELEVANCE_COEFFICIENT[n] : null;
}

/**
 * coefficient × unit value (Brescia: HIGH × 3.106 € = 15.530 €). `relevance` may be the coefficient itself.
 * NaN for an unknown relevance.
 */
export function incentiveValue(relevance: Relevance | 'ALTA' | 'MEDIA' | 'BASSA' | number, unitValue: number): number {
  const c = typeof relevance === 'number' ? relevance : relevanceCoefficient(relevance);
  return c === null ? NaN : c * unitValue;
}

/**
 * Recompute an incentive value and compare it with a printed one (imports MUST recompute and flag differences):
 * INCENTIVE_MISMATCH when they differ by more than `tolerance` (default half a cent).
 */
export function checkIncentive(
  printed: number,
  relevance: Relevance | 'ALTA' | 'MEDIA' | 'BASSA' | number,
  unitValue: number,
  tolerance = 0.005,
): { value: number; printed: number; warnings: string[] } {
  const value = incentiveValue(relevance, unitValue);
  const warnings = !(Math.abs(value - printed) <= tolerance) ? ['INCENTIVE_MISMATCH'] : [];
  return { value, printed, warnings };
}

export type ManagerOptions = {
  readonly profile?: ScoringProfile;
  readonly year?: number;
  readonly checkpoint?: Checkpoint;
};

export function scoreManager(input: ManagerInput, options: ManagerOptions = {}): ManagerResult {
  const profile = options.profile || DEFAULT_PROFILE;
  const subject = {
    type: 'manager' as const,
    id: input.id,
    code: input.code,
    year: options.year,
    checkpoint: options.checkpoint,
  };
  const funds = input.funds || [];
  if (!input.assignments && input.dashboard) {
    const d = input.dashboard;
    const total = aggregate(
      [{ id: d.id || 'dashboard', code: d.code, score: d.score, status: d.status, errors: d.errors }],
      {
        profile,
        rule: 'manager',
        subject,
        unscoredReason: 'not scored',
      },
    );
    return { ...plainAggregate(total), objectives: [] };
  }
  const assignments = input.assignments || [];
  const children: AggregateChild[] = new Array(assignments.length);
  const objectives: ManagerObjectiveLine[] = new Array(assignments.length);
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    children[i] = {
      id: a.objectiveId,
      code: a.code,
      weight: a.weight,
      score: a.score,
      status: a.status,
      errors: a.errors,
    };
    const relevance = normaliseRelevance(a.relevance);
    const coefficient = relevance ? RELEVANCE_COEFFICIENT[relevance] : null;
    const incentives: IncentiveLine[] =
      coefficient === null ? [] : funds.map((fd) => ({ fund: fd.name, value: coefficient * fd.unitValue }));
    objectives[i] = {
      objectiveId: a.objectiveId,
      code: a.code,
      weight: a.weight === undefined ? null : a.weight,
      score: a.score,
      display: formatScore(a.score, 'aggregate', profile),
      relevance,
      coefficient,
      incentives,
    };
  }
  const total = aggregate(children, { profile, rule: 'manager', subject, unscoredReason: 'not scored' });
  return { ...plainAggregate(total), objectives };
}
