import type { AggregateExplanation, AggregateResult, IndicatorExplanation, IndicatorResult } from '@core/scoring';
import type { Checkpoint } from '@core/vocabulary/enums';

type Result = IndicatorResult | AggregateResult;

/**
 * A score as clients read it: the number, its display, and why (the engine's explanation). The engine builds a
 * result's explanation and display on first access; so does the view: `rule`, `text`, `profile` and `explanation`
 * come from the explanation and `display` from the result when read, not when the view is made. A sync's answer,
 * a live feed and the sheet make a view per row, and most clients read the score and display alone (B1: building
 * every explanation up front was a tenth of the answer). JSON.stringify (the kept replay answer, the live events
 * through Redis) writes every field, explanation included, in the order of the former plain object.
 */
export class RealizationView {
  readonly #result: Result;
  readonly status: string;
  readonly score: number | null;
  readonly attainment: number | null;
  readonly passMark: number | null;
  readonly achieved: boolean | null;
  /** the result's own lists, read-only there: a view never changes them, so it does not copy them */
  readonly warnings: string[];
  readonly errors: string[];

  constructor(
    result: Result,
    readonly year: number,
    readonly checkpoint: Checkpoint,
  ) {
    this.#result = result;
    const aggregate = 'passMark' in result;
    this.status = result.status;
    this.score = result.score;
    this.attainment = aggregate ? null : (result as IndicatorResult).attainment;
    this.passMark = aggregate ? (result as AggregateResult).passMark : null;
    this.achieved = aggregate ? (result as AggregateResult).achieved : null;
    this.warnings = result.warnings as string[];
    this.errors = result.errors as string[];
  }

  get display(): string | null {
    return this.#result.display;
  }

  get rule(): string | null {
    return this.#result.explanation.rule ?? null;
  }

  get text(): string {
    return this.#result.explanation.text;
  }

  get profile(): string {
    return this.#result.explanation.profile;
  }

  get explanation(): IndicatorExplanation | AggregateExplanation {
    return this.#result.explanation;
  }

  toJSON() {
    return {
      year: this.year,
      checkpoint: this.checkpoint,
      status: this.status,
      score: this.score,
      display: this.display,
      attainment: this.attainment,
      passMark: this.passMark,
      achieved: this.achieved,
      rule: this.rule,
      text: this.text,
      warnings: this.warnings,
      errors: this.errors,
      profile: this.profile,
      explanation: this.explanation,
    };
  }
}

export function realizationView(
  result: Result | undefined,
  year: number,
  checkpoint: Checkpoint,
): RealizationView | null {
  return result ? new RealizationView(result, year, checkpoint) : null;
}
