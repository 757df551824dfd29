import type { AggregateExplanation } from '@core/scoring/aggregate-types';
import type { AggregateStatus, IndicatorStatus, RuleMode, RuleName } from '@core/scoring/types';
import type { Comparator, Placeholder, ValueKind } from '@core/values/types';
import * as results from '@core/vocabulary/results';

/**
 * The GraphQL enums of core/vocabulary/results.ts stand for the engine's string literals: the server answers those
 * literals and graphql-js turns each into its enum name, so a literal with no enum value would be an internal error
 * at run time. The types below fail to compile (npm run typecheck) when the two sets part. (The services' own answers,
 * a report's levels, a lint finding's severity and subject, a moved score's level, are typed by the enums themselves.)
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: Array<true> = [
  true satisfies Same<`${results.ParsedValueKind}`, ValueKind>,
  true satisfies Same<`${results.Comparator}`, Comparator>,
  true satisfies Same<`${results.PlaceholderKind}`, Placeholder>,
  true satisfies Same<`${results.ScoreStatus}`, IndicatorStatus | AggregateStatus>,
  true satisfies Same<`${results.RealizationRule}`, RuleName | AggregateExplanation['rule']>,
  true satisfies Same<`${results.RuleMode}`, RuleMode>,
  true satisfies Same<`${results.Weighting}`, AggregateExplanation['weighting']>,
];

it('every enum of the answers is the set of literals it stands for (checked by the compiler), in capitals', () => {
  expect(agree).toHaveLength(7);
  for (const [name, values] of Object.entries(results)) {
    for (const [key, value] of Object.entries(values as Record<string, string>)) {
      // GraphQL shows the key: the literal in capitals, or a name where the literal is a symbol ("<=" → AT_MOST)
      if (/^[a-z_]+$/.test(value)) expect(`${name}.${key}`).toBe(`${name}.${value.toUpperCase()}`);
      else expect(key).toMatch(/^[A-Z_]+$/);
    }
  }
});
