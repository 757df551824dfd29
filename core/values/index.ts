export type { Comparator, ParsedValue, Placeholder, Polarity, ValueKind } from './types';
export { parseValue, isNumericValue, scaleSuspect } from './parse';
export type { ParseContext, NumericKind } from './parse';
export { inferPolarity, storedEvidence } from './polarity';
export { keywordSuggestion, polarityFromValue } from './polarity-from-value';
export type { PolarityFromValue, PolaritySuggestion } from './polarity-from-value';
export type { PolarityInference, PolarityInput, PolaritySignal } from './polarity';
export { VALUE_WARNINGS, POLARITY_WARNINGS } from './codes';
export type { ValueWarning, PolarityWarning } from './codes';
