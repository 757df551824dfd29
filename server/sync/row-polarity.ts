/**
 * A sheet row's polarity when the row does not state one (docs/scoring.md §4): decided from the target's value, as
 * everywhere data comes in, and a date that would still be compared under a numeric rule refused on its cell.
 */
import { polarityFromValue, storedEvidence, type PolarityFromValue } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import { cellError } from '@core/sheet/messages';
import { Indicator } from '../entities';
import type { PlanState } from './plan-state';
import type { RowPlan, SyncInput } from './row-plan';

/**
 * The inference this row brings, or undefined when it brings none: a new indicator always gets one (the default
 * too, stated as such); an existing indicator whose polarity nobody confirmed takes a new target's date or SI/NO
 * (a kind that can mean nothing else), never a default over what it had.
 */
export function rowInference(p: RowPlan): PolarityFromValue | undefined {
  const v = p.parsed.values;
  if (p.level !== 'indicator' || v.polarity !== undefined) return undefined;
  const node = p.node as Indicator | undefined;
  if (!node) return polarityFromValue(v.target ?? null);
  if (node.polarityConfirmed || !v.target) return undefined;
  const decision = polarityFromValue(v.target);
  return decision.signal === 'value-kind' && decision.polarity !== node.polarity ? decision : undefined;
}

/** How the evidence is stored on the indicator: Italian first, then English. */
export function evidenceText(d: PolarityFromValue): string {
  return storedEvidence(d);
}

const ITALIAN: Record<string, string> = {
  higher: 'più alto è meglio',
  lower: 'più basso è meglio',
  ratio: 'rapporto',
  inverse: 'inverso',
  bands: 'soglie',
};

const NUMERIC_RULES = new Set(['ratio', 'inverse', 'bands']);

/**
 * A date target or actual under a rule that compares numbers would only ever score invalid (TYPE_MISMATCH) while
 * the row came back accepted: it is refused on the cell that holds the date, saying why and what to type instead.
 */
export function checkDateUnderNumericRule(state: PlanState, p: RowPlan, input: SyncInput): void {
  if (p.level !== 'indicator') return;
  const v = p.parsed.values;
  const node = p.node as Indicator | undefined;
  const target = node ? state.target(node.id, input.year) : undefined;
  const polarity = v.polarity ?? rowInference(p)?.polarity ?? target?.polarity ?? node?.polarity ?? ('higher' as const);
  const rule = v.rule !== undefined ? v.rule : (target?.rule ?? node?.rule ?? null);
  const numeric = rule ? NUMERIC_RULES.has(rule) : polarity === 'higher' || polarity === 'lower';
  if (!numeric) return;
  const targetValue: ParsedValue | null | undefined =
    v.target !== undefined ? v.target : state.effective(target)?.value;
  const actual: ParsedValue | null | undefined =
    v.actual !== undefined ? v.actual : node ? state.measurementOf.get(node.id)?.value : undefined;
  const details = { polarity: rule ?? polarity, polarityIt: ITALIAN[rule ?? polarity] ?? rule ?? polarity };
  if (targetValue?.kind === 'date' && (p.changes.has('target') || !node || p.changes.has('polarity')))
    p.errors.push(cellError('target', 'DATE_UNDER_NUMERIC_RULE', { ...details, raw: targetValue.raw }));
  else if (actual?.kind === 'date' && (p.changes.has('actual') || p.changes.has('polarity') || p.changes.has('rule')))
    p.errors.push(cellError('actual', 'DATE_UNDER_NUMERIC_RULE', { ...details, raw: actual.raw }));
}
