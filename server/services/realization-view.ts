import type { AggregateExplanation, AggregateResult, IndicatorExplanation, IndicatorResult } from '@core/scoring';
import type { Checkpoint } from '@core/vocabulary/enums';

/** A score as clients read it: the number, its display, and why (the engine's explanation). */
export type RealizationView = {
  year: number;
  checkpoint: Checkpoint;
  status: string;
  score: number | null;
  display: string | null;
  attainment: number | null;
  passMark: number | null;
  achieved: boolean | null;
  rule: string | null;
  text: string;
  warnings: string[];
  errors: string[];
  profile: string;
  explanation: IndicatorExplanation | AggregateExplanation;
};

export function realizationView(
  result: IndicatorResult | AggregateResult | undefined,
  year: number,
  checkpoint: Checkpoint,
): RealizationView | null {
  if (!result) return null;
  const explanation = result.explanation;
  const aggregate = 'passMark' in result;
  return {
    year,
    checkpoint,
    status: result.status,
    score: result.score,
    display: result.display,
    attainment: aggregate ? null : (result as IndicatorResult).attainment,
    passMark: aggregate ? (result as AggregateResult).passMark : null,
    achieved: aggregate ? (result as AggregateResult).achieved : null,
    rule: explanation.rule ?? null,
    text: explanation.text,
    warnings: [...result.warnings],
    errors: [...result.errors],
    profile: explanation.profile,
    explanation,
  };
}
