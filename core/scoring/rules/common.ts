/**
 * Shared shapes of the indicator rules (docs/scoring.md §5.3). Each rule is a pure function of one context (the engine fills one
 * reused context object: nothing to allocate per scored indicator) whose outcome is written to one shared, reused
 * place:
 * - the numbers (score, attainment) to a Float64Array — unboxed, so a rule allocates nothing for them (read them
 *   with `outcomeScore()` / `outcomeAttainment()`);
 * - the rest (mode, formula, errors, warning, band points) to one shared object, whose fields only ever hold
 *   shared constants on the scoring hot path (strings, frozen error lists).
 * An outcome is therefore valid only until the next rule runs: callers read it right away (scoreIndicator and the
 * explanation builder do; a rule never runs another rule, except `project` completion wrapping `ratio`).
 */
import type {
  ActualInput,
  ErrorCode,
  ParsedValue,
  Polarity,
  RuleMode,
  RuleName,
  ScoringProfile,
  ThresholdInput,
  WarningCode,
} from '../types';

/**
 * What a rule is given. `target` is the effective target value (undefined when there is none); `explain` builds the
 * formula string (and band points): false on the scoring hot path, true when explaining.
 */
export type RuleContext = {
  target: ParsedValue | undefined;
  thresholds: readonly ThresholdInput[] | undefined;
  actual: ActualInput | undefined;
  polarity: Polarity;
  profile: ScoringProfile;
  explain: boolean;
};

/** An input of a rule: a field of its context (`explain` aside, which every rule honours). */
export type RuleInput = Exclude<keyof RuleContext, 'explain'>;

/** A scoring rule of §5.3, as the engine's registry (rules/index.ts) holds it. */
export type Rule = {
  readonly name: RuleName;
  /** the inputs the rule reads; an indicator without a target is invalid (TARGET_MISSING) unless `target` is absent */
  readonly needs: readonly RuleInput[];
  /** the outcome for one context; null for a rule that is never scored (monitoring) */
  readonly score: ((ctx: RuleContext) => RuleOutcome) | null;
};

/** The non-numeric part of an outcome; `outcomeScore()` / `outcomeAttainment()` give the numbers. */
export type RuleOutcome = {
  readonly mode: RuleMode | null;
  /** the formula with values substituted (null when invalid or when not asked to explain) */
  readonly formula: string | null;
  /** non-null → invalid (score null) */
  readonly errors: readonly ErrorCode[] | null;
  readonly warning: WarningCode | null;
  /** bands rule: the points used, sorted by decreasing score (only when explaining) */
  readonly bands: ReadonlyArray<readonly [number | string, number]> | undefined;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const OUT: Mutable<RuleOutcome> = { mode: null, formula: null, errors: null, warning: null, bands: undefined };

/** [score, attainment, 1 when there is an attainment] of the last outcome (a scored one: `errors === null`). */
const NUM = new Float64Array(3);

/** The score of the outcome just returned, or null (invalid). */
export function outcomeScore(): number | null {
  return OUT.errors === null ? NUM[0] : null;
}

/** The attainment of the outcome just returned, or null (invalid, or a rule without one). */
export function outcomeAttainment(): number | null {
  return OUT.errors === null && NUM[2] === 1 ? NUM[1] : null;
}

const ERR_CACHE = new Map<ErrorCode, readonly ErrorCode[]>();

function errorsOf(code: ErrorCode): readonly ErrorCode[] {
  let errs = ERR_CACHE.get(code);
  if (!errs) {
    errs = Object.freeze([code]);
    ERR_CACHE.set(code, errs);
  }
  return errs;
}

/** An invalid outcome with one error code (the code arrays are shared and frozen). */
export function fail(code: ErrorCode, mode: RuleMode | null = null): RuleOutcome {
  return failMany(errorsOf(code), mode);
}

export function failMany(codes: readonly ErrorCode[], mode: RuleMode | null = null): RuleOutcome {
  return settle(mode, null, codes, null, undefined);
}

/** Fills the one reused outcome (OUT) with what a rule decided, refused or scored alike. */
function settle(
  mode: RuleMode | null,
  formula: string | null,
  errors: readonly ErrorCode[] | null,
  warning: WarningCode | null,
  bands: ReadonlyArray<readonly [number | string, number]> | undefined,
): RuleOutcome {
  const o = OUT;
  o.mode = mode;
  o.formula = formula;
  o.errors = errors;
  o.warning = warning;
  o.bands = bands;
  return o;
}

/** A scored outcome (`attainment` null when the rule has none). */
export function ok(
  score: number,
  attainment: number | null,
  mode: RuleMode | null,
  formula: string | null,
  warning: WarningCode | null = null,
  bands?: ReadonlyArray<readonly [number | string, number]>,
): RuleOutcome {
  NUM[0] = score;
  if (attainment === null) {
    NUM[1] = 0;
    NUM[2] = 0;
  } else {
    NUM[1] = attainment;
    NUM[2] = 1;
  }
  return settle(mode, formula, null, warning, bands);
}

/** Change the mode of the outcome just returned (project completion = ratio with mode `completion`). */
export function withMode(o: RuleOutcome, mode: RuleMode): RuleOutcome {
  (o as Mutable<RuleOutcome>).mode = mode;
  return o;
}
