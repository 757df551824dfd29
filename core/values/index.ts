export type { Comparator, ParsedValue, Placeholder, Polarity, ValueKind } from './types';
export { parseValue, isNumericValue, scaleSuspect } from './parse';
export type { ParseContext, NumericKind } from './parse';
export { inferPolarity } from './polarity';
export type { PolarityInference, PolarityInput, PolaritySignal } from './polarity';
export { VALUE_WARNINGS, POLARITY_WARNINGS } from './codes';
export type { ValueWarning, PolarityWarning } from './codes';
