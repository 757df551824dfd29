/**
 * `ratio` (higher is better, docs/scoring.md §5.3): t numeric, t > 0; a numeric.
 * s = min(max(a/t, 0), 1); attainment = a/t (uncapped). A negative actual gives 0 + NEGATIVE_ACTUAL_CLAMPED.
 * `capRatio: false` drops the min.
 */
import { formatNumber as f } from '../display';
import { compatibleKinds, numberOf } from '../util';
import { fail, ok, type Rule, type RuleContext, type RuleOutcome } from './common';

export const ratioRule: Rule = { name: 'ratio', needs: ['target', 'actual', 'profile'], score: ratioScore };

/** The rule proper (project completion scores with it too). */
export function ratioScore({ target, actual, profile, explain }: RuleContext): RuleOutcome {
  const cap = profile.capRatio;
  const mode = cap ? 'capped' : 'uncapped';
  if (!target) return fail('TARGET_MISSING', mode);
  const t = numberOf(target);
  if (t !== t) return fail('TYPE_MISMATCH', mode);
  if (t <= 0) return fail('TARGET_NOT_POSITIVE', mode);
  const av = actual && actual.value;
  if (!av || actual!.notCompleted) return fail('TYPE_MISMATCH', mode);
  const a = numberOf(av);
  if (a !== a || !compatibleKinds(target.kind, av.kind)) return fail('TYPE_MISMATCH', mode);
  // a target so near zero that a/t overflows (5e-324 against 1e-15) is no usable positive target: never an
  // infinite score (test/core/scoring-properties.test.ts found it)
  if (!Number.isFinite(a / t)) return fail('TARGET_NOT_POSITIVE', mode);
  return ratioOf(a, t, cap, explain);
}

/** The ratio computation proper, on numbers already validated (t > 0). */
export function ratioOf(a: number, t: number, cap: boolean, explain: boolean): RuleOutcome {
  const mode = cap ? 'capped' : 'uncapped';
  const attainment = a / t;
  if (a < 0)
    return ok(0, attainment, mode, explain ? 'max(' + f(a) + '/' + f(t) + ', 0)' : null, 'NEGATIVE_ACTUAL_CLAMPED');
  if (cap)
    return ok(attainment < 1 ? attainment : 1, attainment, mode, explain ? 'min(' + f(a) + '/' + f(t) + ', 1)' : null);
  return ok(attainment, attainment, mode, explain ? f(a) + '/' + f(t) : null);
}
