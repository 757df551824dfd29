/** Shared shapes of the indicator rules (§5.3). Each rule is a pure function RuleArgs → RuleOutcome. */
import type {
  ActualInput,
  ErrorCode,
  ParsedValue,
  Polarity,
  RuleMode,
  ScoringProfile,
  ThresholdInput,
  WarningCode,
} from '../types';

export type RuleArgs = {
  /** the effective target value (undefined when there is none) */
  readonly target: ParsedValue | undefined;
  readonly thresholds: readonly ThresholdInput[] | undefined;
  readonly actual: ActualInput | undefined;
  readonly polarity: Polarity;
  readonly profile: ScoringProfile;
  /** build the formula string (and band points): false on the scoring hot path, true when explaining */
  readonly explain: boolean;
};

export type RuleOutcome = {
  /** null → invalid, with `errors` */
  readonly score: number | null;
  readonly attainment: number | null;
  readonly mode: RuleMode | null;
  /** the formula with values substituted (null when invalid or when not asked to explain) */
  readonly formula: string | null;
  readonly errors: readonly ErrorCode[] | null;
  readonly warning: WarningCode | null;
  /** bands rule: the points used, sorted by decreasing score */
  readonly bands?: ReadonlyArray<readonly [number | string, number]>;
};

export type Rule = (args: RuleArgs) => RuleOutcome;

const ERR_CACHE = new Map<ErrorCode, readonly ErrorCode[]>();

/** An invalid outcome with one error code (the code arrays are shared and frozen). */
export function fail(code: ErrorCode, mode: RuleMode | null = null): RuleOutcome {
  let errs = ERR_CACHE.get(code);
  if (!errs) {
    errs = Object.freeze([code]);
    ERR_CACHE.set(code, errs);
  }
  return { score: null, attainment: null, mode, formula: null, errors: errs, warning: null };
}

export function failMany(codes: readonly ErrorCode[], mode: RuleMode | null = null): RuleOutcome {
  return { score: null, attainment: null, mode, formula: null, errors: codes, warning: null };
}

export function ok(
  score: number,
  attainment: number | null,
  mode: RuleMode | null,
  formula: string | null,
  warning: WarningCode | null = null,
): RuleOutcome {
  return { score, attainment, mode, formula, errors: null, warning };
}
