/**
 * Effective target and rule resolution (docs/scoring.md §5.2.1, §5.2.3).
 */
import type { IndicatorInput, ParsedValue, Polarity, RuleName, TargetInput } from './types';

/** docs/scoring.md §4: the default rule of each polarity. */
export const POLARITY_DEFAULT_RULE: Readonly<Record<Polarity, RuleName>> = Object.freeze({
  higher: 'ratio',
  lower: 'inverse',
  deadline: 'deadline',
  boolean: 'boolean',
});

/** A target with thresholds for this year. */
export function hasThresholds(target: TargetInput | undefined): boolean {
  return !!target && !!target.thresholds && target.thresholds.length > 0;
}

function isQualitative(v: ParsedValue): boolean {
  return v.kind === 'placeholder' && v.placeholder === 'qualitative';
}

/**
 * docs/scoring.md §5.2.3, per (indicator, year, checkpoint):
 * 1. the explicit rule on the target;
 * 2. a qualitative target ("qualitativa") → `manual` (value kinds are per year, docs/domain.md §8.11, so this is read like a
 *    target-level declaration);
 * 3. the indicator's rule — an indicator-level `bands` only in years that have thresholds;
 * 4. `bands` when thresholds exist for that year;
 * 5. the polarity default (target polarity override first): higher → ratio, lower → inverse,
 *    deadline → deadline, boolean → boolean.
 */
export function resolveRule(input: IndicatorInput, target: TargetInput | undefined = input.target): RuleName {
  if (target) {
    if (target.rule) return target.rule;
    if (isQualitative(target.value)) return 'manual';
  }
  const th = hasThresholds(target);
  const r = input.rule;
  if (r && (r !== 'bands' || th)) return r;
  if (th) return 'bands';
  return POLARITY_DEFAULT_RULE[(target && target.polarity) || input.polarity];
}

/** The polarity in force for the year: the target's override, else the indicator's. */
export function resolvePolarity(input: IndicatorInput, target: TargetInput | undefined = input.target): Polarity {
  return (target && target.polarity) || input.polarity;
}

/** One entry of a target's revision history (revisions are appended, never overwritten). */
export type TargetRevision = {
  readonly value: ParsedValue;
  readonly kind: 'original' | 'revised';
  /** only approved revisions count; default true */
  readonly approved?: boolean;
  readonly act?: string;
  readonly date?: string;
  readonly note?: string;
};

/**
 * docs/scoring.md §5.2.1: the effective target is the latest approved revision (in the order given, i.e. append order) within
 * the plan version being evaluated; a "nuova previsione" therefore replaces the original for scoring. The
 * original is returned as well, to be kept and shown. null when no revision is approved.
 */
export function effectiveTarget(
  revisions: readonly TargetRevision[],
): { value: ParsedValue; revision: 'original' | 'revised'; original?: ParsedValue } | null {
  let eff: TargetRevision | undefined;
  let original: TargetRevision | undefined;
  for (let i = 0; i < revisions.length; i++) {
    const r = revisions[i];
    if (r.approved === false) continue;
    if (!original && r.kind === 'original') original = r;
    eff = r;
  }
  if (!eff) return null;
  if (eff.kind === 'original' || !original || original === eff) return { value: eff.value, revision: eff.kind };
  return { value: eff.value, revision: 'revised', original: original.value };
}
