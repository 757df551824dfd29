/**
 * `manual` (docs/scoring.md §5.3): the entered score, a fraction in [0, 1], **and** a non-empty justification; author and
 * timestamp are kept in the explanation. No target is needed (qualitative indicators).
 */
import { formatNumber as f } from '../display';
import type { ErrorCode } from '../types';
import { isNonBlank } from '../util';
import { fail, failMany, ok, type Rule, type RuleContext, type RuleOutcome } from './common';

export const manualRule: Rule = { name: 'manual', needs: ['actual'], score: manualScore };

function manualScore({ actual, explain }: RuleContext): RuleOutcome {
  const s = actual ? actual.manualScore : undefined;
  const inRange = typeof s === 'number' && s >= 0 && s <= 1;
  const justified = !!actual && isNonBlank(actual.justification);
  if (!inRange && !justified) {
    const both: ErrorCode[] = ['MANUAL_SCORE_OUT_OF_RANGE', 'MANUAL_JUSTIFICATION_MISSING'];
    return failMany(both);
  }
  if (!inRange) return fail('MANUAL_SCORE_OUT_OF_RANGE');
  if (!justified) return fail('MANUAL_JUSTIFICATION_MISSING');
  return ok(
    s as number,
    null,
    null,
    explain ? 'entered ' + f(s as number) + ' (' + JSON.stringify(actual!.justification!.trim()) + ')' : null,
  );
}
