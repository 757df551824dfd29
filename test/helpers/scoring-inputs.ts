import {
  DEFAULT_PROFILE,
  nextProfileVersion,
  scoreIndicator,
  type ActualInput,
  type IndicatorInput,
  type IndicatorResult,
  type ScoreContext,
  type ScoringProfile,
  type TargetInput,
  type ThresholdInput,
} from '@core/scoring';
import type { ParsedValue, Polarity } from '@core/values/types';
import { thresholdsAt80And60 } from './indicator-cells';

/**
 * Hand-built inputs of the scoring tests: ParsedValue objects as the parser would give them (the parser is tested on
 * its own, so a scoring test never depends on it), targets, thresholds and the 2022 year-end context.
 */

export const num = (value: number, raw = String(value).replace('.', ',')): ParsedValue => ({
  raw,
  kind: 'number',
  value,
  warnings: [],
});
export const pct = (value: number, raw = String(value).replace('.', ',') + '%'): ParsedValue => ({
  raw,
  kind: 'percent',
  value,
  unit: '%',
  warnings: [],
});
export const eur = (value: number, raw = '€ ' + value): ParsedValue => ({
  raw,
  kind: 'currency',
  value,
  unit: 'EUR',
  warnings: [],
});
export const days = (value: number, raw = value + ' gg'): ParsedValue => ({
  raw,
  kind: 'days',
  value,
  unit: 'days',
  warnings: [],
});
export const date = (iso: string, raw = iso): ParsedValue => ({
  raw,
  kind: 'date',
  value: iso,
  dateFrom: 'day',
  warnings: [],
});
export const month = (iso: string, raw: string): ParsedValue => ({
  raw,
  kind: 'date',
  value: iso,
  dateFrom: 'month-name',
  warnings: [],
});
export const bool = (value: boolean, raw = value ? 'SI' : 'NO'): ParsedValue => ({
  raw,
  kind: 'boolean',
  value,
  warnings: [],
});
export const ph = (placeholder: NonNullable<ParsedValue['placeholder']>, raw: string): ParsedValue => ({
  raw,
  kind: 'placeholder',
  placeholder,
  warnings: [],
});
export const empty = (): ParsedValue => ({ raw: '', kind: 'empty', warnings: [] });
export const text = (raw: string, proposal?: ParsedValue['proposal'], warnings: string[] = []): ParsedValue => ({
  raw,
  kind: 'text',
  value: raw,
  proposal,
  warnings,
});
export const dash = () => ph('not_applicable', '-');
export const nd = () => ph('not_available', 'n.d.');

export const tgt = (value: ParsedValue, extra: Partial<TargetInput> = {}): TargetInput => ({
  mode: 'scored',
  value,
  revision: 'original',
  ...extra,
});
export const th = (value: ParsedValue, score: number): ThresholdInput => ({ value, score });

export const Y2022: ScoreContext = { year: 2022, checkpoint: '31/12' };
export const score = (i: IndicatorInput, ctx: ScoreContext = Y2022): IndicatorResult => scoreIndicator(i, ctx);

/** The 2022 year-end context under a profile changed from the default one. */
export const withProfile = (changes: Partial<ScoringProfile>): ScoreContext => ({
  ...Y2022,
  profile: nextProfileVersion(DEFAULT_PROFILE, changes as never),
});

/** An indicator (id "i", code 1.1) of a rule test; the actual as a bare value or with its neutralisation and note. */
export function ind(
  polarity: Polarity,
  target: TargetInput | undefined,
  actual: ParsedValue | ActualInput | undefined,
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  const a =
    actual === undefined ? undefined : 'raw' in actual ? { value: actual as ParsedValue } : (actual as ActualInput);
  return { id: 'i', code: '1.1', polarity, target, actual: a, ...extra };
}

/** An indicator of a worked example, its code doubling as its id so that rolled-up results name it. */
export function namedIndicator(
  id: string,
  polarity: Polarity,
  target: TargetInput | undefined,
  actual: ParsedValue | undefined,
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  return { id, code: id, polarity, target, actual: actual ? { value: actual } : undefined, ...extra };
}

/**
 * A banded indicator of a worked example (docs/scoring.md §6.5, the Sondrio plan's tables): its target with the
 * thresholds at 80% and 60%, and its actual.
 */
export const banded = (
  code: string,
  polarity: Polarity,
  target: ParsedValue,
  at80: ParsedValue,
  at60: ParsedValue,
  actual: ParsedValue | undefined,
): IndicatorInput =>
  namedIndicator(code, polarity, tgt(target, { thresholds: thresholdsAt80And60(at80, at60) }), actual);
