import { polarityFromValue, storedEvidence } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import { AuditAction } from '@core/vocabulary/enums';
import { type CellError, cellError } from '@core/sheet/messages';
import { readValueCell } from '@core/sheet/parse-row';
import type { Indicator } from '../entities/indicator';
import type { Target } from '../entities/target';
import type { FieldProblem } from '../errors';
import { POLARITY_IT } from './plan-lint-messages';
import { recordChange, snapshot } from './audit';
import type { ServiceContext } from './service-context';
import type { StoredThreshold } from '../entities/parsed-value';

/** A sheet cell's error as a field problem of a mutation: Italian first, then English, as every message to users. */
export function problemOf(error: CellError, field = error.column): FieldProblem {
  return { field, code: error.code, message: error.message, messageIt: error.messageIt };
}

/**
 * A value typed through a mutation, read exactly as the sheet sync reads its cell (core/sheet/parse-row.ts): what
 * syncRows refuses ("31/02/2022", "1e309", a formula, free text) is a problem on `field` here too (issue 13, finding 6).
 */
export function readValue(
  field: string,
  raw: string,
  indicator: Pick<Indicator, 'unit'> | null,
  year: number | null,
  role: 'target' | 'actual' | 'threshold',
  problems: FieldProblem[],
): ParsedValue | undefined {
  const read = readValueCell(field, raw, { year: year ?? undefined, unit: indicator?.unit ?? undefined, role });
  if ('error' in read) {
    problems.push(problemOf(read.error));
    return undefined;
  }
  return read.value;
}

export function parseThresholds(
  input: Array<{ value: string; score: number }>,
  indicator: Pick<Indicator, 'unit'> | null,
  year: number | null,
  problems: FieldProblem[],
): StoredThreshold[] {
  const out: StoredThreshold[] = [];
  input.forEach((t, i) => {
    const value = readValue(`thresholds.${i}.value`, t.value, indicator, year, 'threshold', problems);
    if (value) out.push({ value, score: t.score });
  });
  return out;
}

/** The years of the plan's cycle a value may be filed under: any other is BAD_YEAR, as on a sheet. */
export function yearProblems(field: string, year: number, years: readonly number[]): FieldProblem[] {
  return years.includes(year) ? [] : [problemOf(cellError(field, 'BAD_YEAR', { raw: year }))];
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
  indicator.polarityEvidence = storedEvidence(decision);
  recordChange(ctx, indicator, AuditAction.UPDATE, before, snapshot(ctx.em, indicator), indicator.org);
}

/** A polarity stated in a mutation is a person's word: confirmed unless the input says otherwise. */
export function statedPolarity(indicator: Indicator, input: Record<string, unknown>, mode: 'create' | 'update'): void {
  if (input.polarity != null && input.polarityConfirmed === undefined) {
    indicator.polarityConfirmed = true;
    if (input.polarityEvidence === undefined) indicator.polarityEvidence = null;
  } else if (mode === 'create' && input.polarity == null && input.polarityEvidence == null) {
    const decision = polarityFromValue(null);
    indicator.polarityEvidence = storedEvidence(decision);
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
  const error = cellError('value', 'DATE_UNDER_NUMERIC_RULE', {
    raw: value.raw,
    polarity: rule ?? polarity,
    polarityIt: POLARITY_IT[rule ?? polarity] ?? rule ?? polarity,
  });
  return [problemOf(error)];
}
