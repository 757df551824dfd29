/**
 * Status presence tests and exclusion reasons (docs/scoring.md §5.2.2). Order of the statuses:
 * monitoring → neutralised → not_applicable → missing → invalid → scored.
 */
import type { ActualInput, ChildStatus, IndicatorStatus, ParsedValue, RuleName, TargetInput } from './types';
import { isNonBlank } from './util';

export const STATUS_ORDER: readonly IndicatorStatus[] = Object.freeze([
  'monitoring',
  'neutralised',
  'not_applicable',
  'missing',
  'invalid',
  'scored',
] as IndicatorStatus[]);

/**
 * A cell that holds no value: empty, or the placeholders "-", "//", "-------" (not_applicable) and
 * "n.d." (not_available). Never 0 (docs/domain.md §8.14).
 */
export function isNoValue(v: ParsedValue | undefined): boolean {
  if (!v) return true;
  if (v.kind === 'empty') return true;
  if (v.kind === 'placeholder') return v.placeholder === 'not_applicable' || v.placeholder === 'not_available';
  return v.value === undefined && v.raw.trim().length === 0;
}

/** A target is present unless absent, empty or a no-value placeholder ("-" = no target this year). */
export function targetPresent(target: TargetInput | undefined): boolean {
  return !!target && !isNoValue(target.value);
}

/** An empty (not "-") target cell, or no target at all: NO_TARGET for the data-quality report (31/12 only). */
export function targetEmpty(target: TargetInput | undefined): boolean {
  return !target || target.value.kind === 'empty' || (target.value.kind !== 'placeholder' && isNoValue(target.value));
}

/**
 * An actual is present when the rule has something to score: the manual score for `manual`; the explicit
 * "not completed" marker; or a value that is not empty, "-" or "n.d.".
 */
export function actualPresent(actual: ActualInput | undefined, rule: RuleName): boolean {
  if (!actual) return false;
  if (rule === 'manual') return actual.manualScore !== undefined && actual.manualScore !== null;
  if (actual.notCompleted) return true;
  return !isNoValue(actual.value);
}

/** Neutralisation: the flag with a non-empty reason; a flag without reason is NEUTRALISATION_REASON_MISSING. */
export function neutralisation(actual: ActualInput | undefined): 'none' | 'valid' | 'reason_missing' {
  if (!actual || !actual.neutralised) return 'none';
  return isNonBlank(actual.neutralisationReason) ? 'valid' : 'reason_missing';
}

/** Why a child is left out of an aggregate (docs/scoring.md §5.5, §5.12). */
export function exclusionReason(
  status: ChildStatus | undefined,
  errors: readonly string[] | undefined,
  unscored: string,
): string {
  switch (status) {
    case 'monitoring':
      return 'monitoring';
    case 'neutralised':
      return 'neutralised';
    case 'not_applicable':
      return 'not applicable';
    case 'missing':
      return 'missing';
    case 'invalid':
      return errors && errors.length > 0 ? 'invalid: ' + errors.join(', ') : 'invalid';
    default:
      return unscored;
  }
}
