/**
 * The registry of scoring rules: one entry for every rule of the vocabulary, under its own name, and each rule
 * reads only the inputs it declares (the engine relies on `needs` to tell which rules are invalid without a target).
 */
import { DEFAULT_PROFILE, type ActualInput, type ThresholdInput } from '@core/scoring';
import { RULES, ruleNamed, runRule, type RuleContext } from '@core/scoring/rules';
import type { ParsedValue } from '@core/values/types';
import { ScoringRule } from '@core/vocabulary/enums';

const num = (value: number): ParsedValue => ({ raw: String(value), kind: 'number', value, warnings: [] });
const date = (iso: string): ParsedValue => ({ raw: iso, kind: 'date', value: iso, dateFrom: 'day', warnings: [] });
const bool = (value: boolean): ParsedValue => ({ raw: value ? 'SI' : 'NO', kind: 'boolean', value, warnings: [] });

test('every rule of the vocabulary has a registry entry under its own name, and nothing else does', () => {
  const names = Object.values(ScoringRule).sort();
  expect(Object.keys(RULES).sort()).toEqual(names);
  for (const name of names) expect(RULES[name].name).toBe(name);
});

test('a name that is not a rule finds none, inherited object keys included', () => {
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'Ratio', ''])
    expect(ruleNamed(name)).toBeUndefined();
  expect(runRule('toString' as never, {} as RuleContext).errors).toEqual(['RULE_UNKNOWN']);
});

test('only monitoring is never scored', () => {
  const unscored = Object.values(RULES)
    .filter((r) => r.score === null)
    .map((r) => r.name);
  expect(unscored).toEqual(['monitoring']);
});

/** Contexts that take every rule down its main paths: scored, late, missing pieces, explained or not. */
function contexts(): RuleContext[] {
  const thresholds: ThresholdInput[] = [
    { value: num(80), score: 0.8 },
    { value: num(50), score: 0.5 },
  ];
  const actuals: Array<ActualInput | undefined> = [
    undefined,
    { value: num(90) },
    { value: num(-5) },
    { value: date('2024-07-01') },
    { value: bool(true) },
    { value: num(1), notCompleted: true },
    { value: num(0), manualScore: 0.7, justification: 'verbale' },
  ];
  const targets = [undefined, num(100), date('2024-06-30'), bool(true)];
  const out: RuleContext[] = [];
  for (const target of targets) {
    for (const actual of actuals) {
      for (const polarity of ['higher', 'lower', 'deadline'] as const) {
        for (const explain of [false, true])
          out.push({ target, thresholds, actual, polarity, profile: DEFAULT_PROFILE, explain });
      }
    }
  }
  return out;
}

test.each(
  Object.values(RULES)
    .filter((r) => r.score !== null)
    .map((r) => [r.name, r] as const),
)('%s reads only what it declares', (_name, rule) => {
  const read = new Set<string>();
  for (const ctx of contexts()) {
    const watched = new Proxy(ctx, {
      get(target, key, receiver) {
        read.add(String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    rule.score!(watched);
  }
  read.delete('explain');
  expect([...read].filter((key) => !rule.needs.includes(key as never))).toEqual([]);
  // and the declaration is not padded: each declared input is read on some path
  expect([...rule.needs].sort()).toEqual([...read].sort());
});
