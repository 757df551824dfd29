/**
 * The record scoreIndicator returns: its fields are computed eagerly, while the explanation and the display of a
 * score are built on first access and memoized (docs/scoring.md §5.12), so that a roll-up of thousands of indicators
 * pays only for what it shows.
 */
import { scoreDisplay } from './display';
import { explain, type ProjectDetail } from './explain';
import { DEFAULT_PROFILE } from './profiles';
import { resolvePolarity } from './resolve';
import type {
  IndicatorExplanation,
  IndicatorInput,
  IndicatorResult,
  IndicatorStatus,
  RuleMode,
  RuleName,
  ScoreContext,
  SubjectType,
} from './types';

/**
 * What a record needs besides its input to build its explanation later, when it is not simply "an indicator scored
 * in `ctx`": an activity of a project, or a project with its activity roll-up. (Plain indicators store the context
 * itself: one field less per result, nothing allocated.)
 */
export class RecordSource {
  constructor(
    readonly ctx: ScoreContext,
    readonly type: SubjectType,
    readonly project: ProjectDetail | undefined,
  ) {}
}

/**
 * The result of `scoreIndicator`: plain, read-only fields; `explanation` and `display` are computed on first
 * access and memoized. `JSON.stringify` includes them; use `toPlain` before structured cloning or spreading.
 */
export class IndicatorRecord implements IndicatorResult {
  readonly id: string;
  readonly code: string | undefined;
  #input: IndicatorInput;
  /** the score context of a plain indicator, else a RecordSource */
  #source: ScoreContext | RecordSource;
  /** the display; undefined until first read for a scored result (then the half-up display of `score`) */
  #display: string | null | undefined;
  #explanation: IndicatorExplanation | undefined;

  constructor(
    input: IndicatorInput,
    source: ScoreContext | RecordSource,
    readonly status: IndicatorStatus,
    readonly rule: RuleName | null,
    readonly mode: RuleMode | null,
    readonly score: number | null,
    readonly attainment: number | null,
    /** undefined: the display of `score`, formatted on first read */
    display: string | null | undefined,
    readonly warnings: readonly string[],
    readonly errors: readonly string[],
    readonly activities: readonly IndicatorResult[] | undefined,
  ) {
    this.id = input.id;
    this.code = input.code;
    this.#input = input;
    this.#source = source;
    this.#display = display;
    this.#explanation = undefined;
  }

  /**
   * Half-up display of the score ("91.67%"), formatted on first read and memoized (most results of a roll-up are
   * never displayed one by one); the measured value for monitoring; null otherwise. A getter like `explanation`:
   * JSON.stringify and toPlain include it, object spread does not.
   */
  get display(): string | null {
    let d = this.#display;
    if (d === undefined) {
      const src = this.#source;
      const ctx = src instanceof RecordSource ? src.ctx : src;
      d = scoreDisplay(this.score, ctx.profile || DEFAULT_PROFILE);
      this.#display = d;
    }
    return d;
  }

  get explanation(): IndicatorExplanation {
    let e = this.#explanation;
    if (!e) {
      const input = this.#input;
      const src = this.#source;
      const plain = !(src instanceof RecordSource);
      const ctx = plain ? src : src.ctx;
      e = explain(
        this,
        input,
        ctx,
        plain ? 'indicator' : src.type,
        resolvePolarity(input),
        ctx.profile || DEFAULT_PROFILE,
        plain ? undefined : src.project,
      );
      this.#explanation = e;
    }
    return e;
  }

  toJSON(): IndicatorResult {
    return plainIndicator(this);
  }
}

/** A plain-object copy of an indicator result (explanation materialized, activities converted too). */
export function plainIndicator(r: IndicatorResult): IndicatorResult {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    score: r.score,
    attainment: r.attainment,
    display: r.display,
    rule: r.rule,
    mode: r.mode,
    warnings: r.warnings,
    errors: r.errors,
    explanation: r.explanation,
    activities: r.activities && r.activities.map(plainIndicator),
  };
}
