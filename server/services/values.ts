import { parseValue, polarityFromValue, type ParseContext } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import { AuditAction } from '@core/vocabulary/enums';
import { cellError } from '@core/sheet/messages';
import type { Indicator } from '../entities/indicator';
import type { Target } from '../entities/target';
import type { FieldProblem } from '../errors';
import { POLARITY_IT } from './plan-lint-messages';
import { recordChange, snapshot } from './audit';
import type { ServiceContext } from './service-context';
import type { StoredThreshold } from '../entities/parsed-value';

/** Parses a cell as typed, in the context of its indicator (unit) and year (month names). */
export function parseFor(
  raw: string,
  indicator: Pick<Indicator, 'unit'> | null,
  year: number | null,
  role: ParseContext['role'],
): ParsedValue {
  return parseValue(raw, { year: year ?? undefined, unit: indicator?.unit ?? undefined, role });
}

export function parseThresholds(
  input: Array<{ value: string; score: number }>,
  indicator: Pick<Indicator, 'unit'> | null,
  year: number | null,
): StoredThreshold[] {
  return input.map((t) => ({ value: parseFor(t.value, indicator, year, 'threshold'), score: t.score }));
}

/**
 * A target value typed through a mutation decides the polarity of an indicator nobody confirmed, as in the sheet
 * sync (docs/scoring.md §4): a date or SI/NO can mean nothing else; a plain number never overrides what it had.
 */
export function inferPolarityFrom(ctx: ServiceContext, indicator: Indicator, value: ParsedValue): void {
  if (indicator.polarityConfirmed) return;
  const decision = polarityFromValue(value);
  if (decision.signal !== 'value-kind' || decision.polarity === indicator.polarity) return;
  const before = snapshot(ctx.em, indicator);
  indicator.polarity = decision.polarity as Indicator['polarity'];
  indicator.polarityEvidence = `${decision.evidenceIt} — ${decision.evidence}`;
  recordChange(ctx, indicator, AuditAction.UPDATE, before, snapshot(ctx.em, indicator), indicator.org);
}

/** A polarity stated in a mutation is a person's word: confirmed unless the input says otherwise. */
export function statedPolarity(indicator: Indicator, input: Record<string, unknown>, mode: 'create' | 'update'): void {
  if (input.polarity != null && input.polarityConfirmed === undefined) {
    indicator.polarityConfirmed = true;
    if (input.polarityEvidence === undefined) indicator.polarityEvidence = null;
  } else if (mode === 'create' && input.polarity == null && input.polarityEvidence == null) {
    const decision = polarityFromValue(null);
    indicator.polarityEvidence = `${decision.evidenceIt} — ${decision.evidence}`;
  }
}

const NUMERIC_RULES = new Set(['ratio', 'inverse', 'bands']);

/**
 * A date given to an indicator that compares numbers would only score invalid (TYPE_MISMATCH) in silence: refused
 * with the reason, as the sheet sync refuses it on its cell. An indicator whose polarity nobody confirmed is spared
 * while it has no target: its first date target makes it a deadline (inferPolarityFrom).
 */
export function dateUnderNumericRule(
  indicator: Indicator,
  target: Pick<Target, 'polarity' | 'rule'> | null,
  value: ParsedValue | null | undefined,
): FieldProblem[] {
  if (value?.kind !== 'date' || (!indicator.polarityConfirmed && !target)) return [];
  const polarity = target?.polarity ?? indicator.polarity;
  const rule = target?.rule ?? indicator.rule ?? null;
  const numeric = rule ? NUMERIC_RULES.has(rule) : polarity === 'higher' || polarity === 'lower';
  if (!numeric) return [];
  const { message, messageIt } = cellError('value', 'DATE_UNDER_NUMERIC_RULE', {
    raw: value.raw,
    polarity: rule ?? polarity,
    polarityIt: POLARITY_IT[rule ?? polarity] ?? rule ?? polarity,
  });
  return [{ field: 'value', code: 'DATE_UNDER_NUMERIC_RULE', message: `${messageIt} — ${message}`, messageIt }];
}
