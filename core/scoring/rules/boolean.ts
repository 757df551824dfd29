/** `boolean` (docs/scoring.md §5.3): a boolean; SI / true / done → 1, else 0. The target (e.g. "SI/NO") must be a boolean. */
import { fail, ok, type Rule, type RuleContext, type RuleOutcome } from './common';

export const booleanRule: Rule = { name: 'boolean', needs: ['target', 'actual'], score: booleanScore };

function booleanScore({ target, actual, explain }: RuleContext): RuleOutcome {
  if (!target) return fail('TARGET_MISSING');
  if (target.kind !== 'boolean' || typeof target.value !== 'boolean') return fail('TYPE_MISMATCH');
  if (actual && actual.notCompleted) return ok(0, null, null, 'not completed → 0');
  const av = actual && actual.value;
  if (!av || av.kind !== 'boolean' || typeof av.value !== 'boolean') return fail('TYPE_MISMATCH');
  const x = explain;
  return av.value ? ok(1, null, null, x ? av.raw + ' → 1' : null) : ok(0, null, null, x ? av.raw + ' → 0' : null);
}
