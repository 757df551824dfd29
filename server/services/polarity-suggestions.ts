/**
 * What the plan lint says about an indicator's polarity and what confirmPolarities accepts (docs/scoring.md §4): a
 * keyword of the KPI is only a suggestion, made where nothing in the values (thresholds, a comparator) already says
 * the direction; a row monitored in every year has no polarity worth confirming.
 */
import { keywordSuggestion, type PolaritySuggestion } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import { TargetMode } from '@core/vocabulary/enums';
import type { Indicator, Target } from '../entities';

export type EffectiveOf = (target: Target) => ParsedValue | undefined;

export function polaritySuggestion(
  indicator: Indicator,
  targets: readonly Target[],
  effectiveOf: EffectiveOf,
): PolaritySuggestion | undefined {
  if (indicator.polarityConfirmed || indicator.polarity !== 'higher') return undefined;
  if (targets.some((t) => t.thresholds.length > 0 || effectiveOf(t)?.comparator)) return undefined;
  return keywordSuggestion([indicator.title, indicator.formula ?? ''].join(' '));
}

export function monitoredOnly(indicator: Indicator, targets: readonly Target[], effectiveOf: EffectiveOf): boolean {
  if (indicator.monitoring) return true;
  const stated = targets.filter((t) => {
    const v = effectiveOf(t);
    return t.mode === TargetMode.MONITORING || (v && v.kind !== 'empty');
  });
  return (
    stated.length > 0 &&
    stated.every((t) => t.mode === TargetMode.MONITORING || effectiveOf(t)?.placeholder === 'monitoring')
  );
}
