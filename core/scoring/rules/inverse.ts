/**
 * `inverse` (lower is better, docs/scoring.md §5.3): t numeric, t ≥ 0; a numeric.
 * a ≤ t → 1; otherwise `target/actual` (default) → t/a, `zero` → 0. attainment = t/a when a > 0.
 */
import { formatNumber as f } from '../display';
import { compatibleKinds, numberOf } from '../util';
import { fail, ok, type Rule, type RuleContext, type RuleOutcome } from './common';

export const inverseRule: Rule = { name: 'inverse', needs: ['target', 'actual', 'profile'], score: inverseScore };

function inverseScore({ target, actual, profile, explain }: RuleContext): RuleOutcome {
  const mode = profile.inverseMiss;
  if (!target) return fail('TARGET_MISSING', mode);
  const t = numberOf(target);
  if (t !== t) return fail('TYPE_MISMATCH', mode);
  if (t < 0) return fail('TARGET_NOT_POSITIVE', mode);
  const av = actual && actual.value;
  if (!av || actual!.notCompleted) return fail('TYPE_MISMATCH', mode);
  const a = numberOf(av);
  if (a !== a || !compatibleKinds(target.kind, av.kind)) return fail('TYPE_MISMATCH', mode);
  return inverseOf(a, t, mode, explain);
}

/** The inverse computation proper, on numbers already validated (t ≥ 0); the column engine scores with it too. */
export function inverseOf(a: number, t: number, mode: 'target/actual' | 'zero', explain: boolean): RuleOutcome {
  const attainment = a > 0 ? t / a : null;
  const x = explain;
  if (a <= t) return ok(1, attainment, mode, x ? f(a) + ' ≤ ' + f(t) + ' → 1' : null);
  if (mode === 'zero') return ok(0, attainment, mode, x ? f(a) + ' > ' + f(t) + ' → 0' : null);
  return ok(t / a, attainment, mode, x ? f(t) + '/' + f(a) : null);
}
