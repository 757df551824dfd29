import { parseValue, type ParseContext } from '@core/values';
import type { ParsedValue } from '@core/values/types';

/** One row of the value-parsing tables (docs/scoring.md §3): the cell as typed, its context, what parseValue gives. */
export type ParseCase = [raw: string, ctx: ParseContext | undefined, expected: Omit<ParsedValue, 'raw'>];

export function expectParsed(raw: string, ctx: ParseContext | undefined, expected: Omit<ParsedValue, 'raw'>): void {
  expect(parseValue(raw, ctx)).toStrictEqual({ raw, ...expected });
}

/** A cell parseValue keeps as it was typed: plain text, no context, no warning, no proposal. */
export function expectPlainText(raw: string): void {
  expectParsed(raw, undefined, { kind: 'text', value: raw, warnings: [] });
}
