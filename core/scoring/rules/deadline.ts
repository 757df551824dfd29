/**
 * `deadline` (earlier is better, docs/scoring.md §5.3): t a date; a a date or the explicit "not completed" marker.
 * a ≤ t → 1. Late by L = a − t calendar days (UTC day counts): `deadlineLate: zero` (default) → 0;
 * `linear` with graceDays G > 0 → max(0, 1 − L/G). "Not completed" → 0.
 */
import { formatNumber as f } from '../display';
import { dateErrorOf, dateOf } from '../util';
import { fail, ok, type Rule, type RuleContext, type RuleOutcome } from './common';

export const deadlineRule: Rule = { name: 'deadline', needs: ['target', 'actual', 'profile'], score: deadlineScore };

function deadlineScore({ target, actual, profile, explain }: RuleContext): RuleOutcome {
  const g = profile.graceDays;
  const mode = profile.deadlineLate === 'linear' && g > 0 ? 'linear' : 'zero';
  if (!target) return fail('TARGET_MISSING', mode);
  const t = dateOf(target);
  if (t !== t) return fail(dateErrorOf(target), mode);
  if (actual && actual.notCompleted) return ok(0, null, mode, 'not completed → 0');
  const av = actual && actual.value;
  if (!av) return fail('TYPE_MISMATCH', mode);
  const a = dateOf(av);
  if (a !== a) return fail(dateErrorOf(av), mode);
  const x = explain;
  const ts = target.value as string;
  const as = av.value as string;
  const late = a - t;
  if (late <= 0) return ok(1, null, mode, x ? as + ' ≤ ' + ts + ' → 1' : null);
  if (mode === 'zero') return ok(0, null, mode, x ? as + ' > ' + ts + ' (' + late + ' days late) → 0' : null);
  const s = 1 - late / g;
  return ok(s > 0 ? s : 0, null, mode, x ? 'max(0, 1 − ' + late + '/' + f(g) + ')' : null);
}
