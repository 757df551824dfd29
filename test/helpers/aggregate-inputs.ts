/**
 * Inputs of the roll-up tests (docs/scoring.md §5.5–§5.9): aggregate children built by hand, and real indicator
 * results scored by ratio in the 2022 year-end context. `num` keeps the raw text as String(value), unlike
 * scoring-inputs.ts (decimal comma).
 */
import { scoreIndicator, type AggregateChild, type AggregateResult, type IndicatorResult } from '@core/scoring';
import type { ParsedValue } from '@core/values/types';

export const num = (value: number): ParsedValue => ({ raw: String(value), kind: 'number', value, warnings: [] });
export const C = { year: 2022, checkpoint: '31/12' as const };
/** a real indicator result with score a/t (ratio) */
export const ratio = (id: string, a: number, t = 10): IndicatorResult =>
  scoreIndicator(
    {
      id,
      code: id,
      polarity: 'higher',
      target: { mode: 'scored', value: num(t), revision: 'original' },
      actual: { value: num(a) },
    },
    C,
  );
/** a hand-built aggregate child */
export const child = (
  id: string,
  score: number | null,
  weight?: number | null,
  status?: AggregateChild['status'],
): AggregateChild => ({ id, code: id, score, weight, status });
/** a scored result (indicator or aggregate) as a child of the next level up, with the weight of its edge */
export const asChild = (
  r: IndicatorResult | AggregateResult | AggregateChild,
  weight?: number | null,
): AggregateChild => ({
  id: r.id,
  code: r.code,
  score: r.score,
  status: r.status,
  errors: r.errors,
  weight,
});
