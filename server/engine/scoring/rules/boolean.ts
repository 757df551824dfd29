/** `boolean` (§5.3): a boolean; SI / true / done → 1, else 0. The target (e.g. "SI/NO") must be a boolean. */
import { fail, ok, type RuleArgs, type RuleOutcome } from './common';

export function booleanRule(args: RuleArgs): RuleOutcome {
  const target = args.target;
  if (!target) return fail('TARGET_MISSING');
  if (target.kind !== 'boolean' || typeof target.value !== 'boolean') return fail('TYPE_MISMATCH');
  const actual = args.actual;
  if (actual && actual.notCompleted) return ok(0, null, null, 'not completed → 0');
  const av = actual && actual.value;
  if (!av || av.kind !== 'boolean' || typeof av.value !== 'boolean') return fail('TYPE_MISMATCH');
  const x = args.explain;
  return av.value ? ok(1, null, null, x ? av.raw + ' → 1' : null) : ok(0, null, null, x ? av.raw + ' → 0' : null);
}
