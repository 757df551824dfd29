/**
 * Warning codes attached to parsed values and inferred polarities. Names shared with the scoring engine come from
 * docs/scoring.md §5.13; the others describe what the parser saw, so that the import review can show it to a user.
 */
export const VALUE_WARNINGS = {
  /** docs/scoring.md §5.13: "2.33" read as 2.33, but it may be a mistyped thousands separator */
  AMBIGUOUS_DECIMAL_POINT: 'AMBIGUOUS_DECIMAL_POINT',
  /** docs/scoring.md §5.13: a percent value ≤ 1.5 among percent siblings > 1.5 (a fraction typed where points were meant?) */
  SCALE_SUSPECT: 'SCALE_SUSPECT',
  /** docs/scoring.md §5.13: a day-first date that does not exist (31/02/2022); the cell stays text */
  INVALID_DATE: 'INVALID_DATE',
  /** docs/scoring.md §5.13: text where a number was expected, or a proposed number not yet confirmed */
  TYPE_MISMATCH: 'TYPE_MISMATCH',
  /** a month name with no year to resolve it against: never guessed */
  MONTH_WITHOUT_YEAR: 'MONTH_WITHOUT_YEAR',
  /** "1,234.5", "3,2,1": neither Italian nor English format, so not read as a number */
  MIXED_DECIMAL_SEPARATORS: 'MIXED_DECIMAL_SEPARATORS',
  /** a spreadsheet formula ("=1+1") pasted as a value; formulas are never evaluated */
  FORMULA_NOT_ALLOWED: 'FORMULA_NOT_ALLOWED',
  /** invisible control or format characters were removed before parsing */
  CONTROL_CHARACTERS: 'CONTROL_CHARACTERS',
  /** the unit typed in the cell ("105 €") differs from the indicator's unit ('%') */
  UNIT_MISMATCH: 'UNIT_MISMATCH',
  /** a range ("da 1 a 3") is not a single value; nothing is proposed */
  RANGE_NOT_SUPPORTED: 'RANGE_NOT_SUPPORTED',
  /** "- 5": a sign separated from its number, which may also be a "-" placeholder next to a 5 */
  DETACHED_SIGN: 'DETACHED_SIGN',
  /** a target-only form ("SI/NO") used as an actual or a threshold */
  BOOLEAN_TARGET_FORM: 'BOOLEAN_TARGET_FORM',
  /** digits beyond what a double can hold (overflow to Infinity) */
  NUMBER_OUT_OF_RANGE: 'NUMBER_OUT_OF_RANGE',
  /** an internal failure, caught so that parsing never throws; should never be seen */
  PARSE_FAILED: 'PARSE_FAILED',
} as const;

export const POLARITY_WARNINGS = {
  /** docs/scoring.md §4/§5.13: every inferred polarity is a proposal until a user confirms it */
  POLARITY_UNCONFIRMED: 'POLARITY_UNCONFIRMED',
  /** docs/scoring.md §4: target and thresholds do not move one way; flagged, not guessed */
  POLARITY_NON_MONOTONE: 'POLARITY_NON_MONOTONE',
} as const;

export type ValueWarning = (typeof VALUE_WARNINGS)[keyof typeof VALUE_WARNINGS];
export type PolarityWarning = (typeof POLARITY_WARNINGS)[keyof typeof POLARITY_WARNINGS];
