import { parseValue, type ParseContext } from '@core/values';

/**
 * What the polarity tests (test/core/values-polarity*.test.ts) build their rows from: targets and thresholds typed
 * for plan year 2022, and the answer when no signal decides.
 */
export const year2022: ParseContext = { year: 2022, role: 'target' };
export const target = (raw: string, ctx: ParseContext = year2022) => parseValue(raw, ctx);
export const soglia = (raw: string, ctx: ParseContext = year2022) => parseValue(raw, { ...ctx, role: 'threshold' });
export const UNCONFIRMED = ['POLARITY_UNCONFIRMED'];

/** no signal at all: the profile's default, higher is better, to be confirmed (docs/scoring.md §4, signal 5) */
export const DEFAULT_HIGHER = {
  polarity: 'higher',
  confirmed: false,
  evidence: 'no polarity signal: higher is better (default)',
  evidenceIt: 'nessun segnale di polarità: più alto è meglio (predefinita)',
  signal: 'default',
  warnings: UNCONFIRMED,
} as const;
