/**
 * Inferences every document family needs once its cells are read (docs/scoring.md §4): a polarity proposed from the
 * target, the threshold order and the KPI words, per year when the value kind changes between years; the manual rule
 * for a qualitative target. Each one is reported as `inferred` with its evidence and stays unconfirmed.
 */
import { POLARITY_SIGNAL_IT } from '@core/vocabulary/reasons-it';
import { Checkpoint, Polarity, ScoringRule } from '@core/vocabulary/enums';
import { inferPolarity, parseValue, storedEvidence } from '@core/values';
import type { ParsedValue } from '@core/values';
import type { IndicatorDraft, PlanDraft, TargetDraft } from './draft';
import { indicatorsOf } from './draft';
import type { ReviewReport } from './review';

type KindFamily = 'time' | 'yes-no' | 'quantity' | 'none';

export function completeDraft(draft: PlanDraft, review: ReviewReport): void {
  for (const indicator of indicatorsOf(draft)) completeIndicator(indicator, review);
}

function completeIndicator(indicator: IndicatorDraft, review: ReviewReport): void {
  const subject = `indicator ${indicator.code}`;
  const ordered = [...indicator.targets].sort((a, b) => a.year - b.year || checkpointOrder(a) - checkpointOrder(b));
  const parsed = new Map(ordered.map((t) => [t, parseTarget(t)]));
  const stated = ordered.filter((t) => isStated(parsed.get(t) as ParsedValue));
  // The year with thresholds says most about direction; else the first stated target.
  const lead = stated.find((t) => t.thresholds.length > 0) ?? stated[0];

  if (!indicator.rule && stated.length === 0 && ordered.some((t) => parsed.get(t)?.placeholder === 'qualitative')) {
    indicator.rule = ScoringRule.MANUAL;
    const t = ordered.find((x) => parsed.get(x)?.placeholder === 'qualitative') as TargetDraft;
    review.inferred(
      t.line,
      subject,
      'RULE_INFERRED',
      `Qualitative target "${t.raw}": scored with the manual rule (a score and a justification note).`,
      `Target qualitativo "${t.raw}": valutato con la regola manuale (punteggio e nota di motivazione).`,
      `target ${t.year} "${t.raw}"`,
    );
  }

  ruleTextTargets(indicator, ordered, parsed, review);

  if (!indicator.polarity) {
    const inference = lead
      ? inferFor(lead, parsed.get(lead) as ParsedValue, indicator)
      : inferPolarity({ kpiText: kpiTextOf(indicator) });
    indicator.polarity = { value: inference.polarity as Polarity, evidence: storedEvidence(inference) };
    review.inferred(
      lead?.line ?? indicator.line,
      subject,
      'POLARITY_INFERRED',
      `Polarity proposed: ${inference.polarity} (${inference.signal}); to be confirmed.`,
      `Polarità proposta: ${ITALIAN[inference.polarity]} (${POLARITY_SIGNAL_IT[inference.signal] ?? inference.signal}); da confermare.`,
      storedEvidence(inference),
    );
    if (inference.warnings.includes('POLARITY_NON_MONOTONE')) {
      review.warning(
        lead?.line ?? indicator.line,
        subject,
        'POLARITY_NON_MONOTONE',
        'Target and thresholds are not in a monotone order: polarity not read from them.',
        'Target e soglie non sono in ordine monotono: la polarità non è stata dedotta da essi.',
        storedEvidence(inference),
      );
    }
  }

  // A year whose value is of another kind (a month in 2022, a count from 2023) gets its own polarity.
  const leadFamily = lead ? familyOf(parsed.get(lead) as ParsedValue) : 'none';
  for (const t of stated) {
    if (t.polarity || t === lead) continue;
    const family = familyOf(parsed.get(t) as ParsedValue);
    if (family === leadFamily || family === 'none') continue;
    const inference = inferFor(t, parsed.get(t) as ParsedValue, indicator);
    t.polarity = { value: inference.polarity as Polarity, evidence: storedEvidence(inference) };
    review.inferred(
      t.line,
      `${subject} ${t.year}`,
      'POLARITY_INFERRED',
      `Target ${t.year} "${t.raw}" is of another kind than "${lead?.raw}": polarity for ${t.year} proposed: ${inference.polarity}.`,
      `Il target ${t.year} "${t.raw}" è di tipo diverso da "${lead?.raw}": polarità ${t.year} proposta: ${ITALIAN[inference.polarity]}.`,
      storedEvidence(inference),
    );
  }
}

/**
 * A target printed in words (docs/scoring.md §3.2: kind text) is kept as printed; what scores it depends on what it
 * holds. A milestone without a number ("Avvio", "Nuovo regolamento") is judged by a person: the manual rule for that
 * year, as a qualitative target (§5.2.3 step 2). Words around a number ("700 posizioni", "75% delle richieste del
 * periodo") carry a proposal (§3.1): a person confirms the number, and the polarity's rule then scores it; until
 * then the target is text and the indicator says so instead of a score.
 */
function ruleTextTargets(
  indicator: IndicatorDraft,
  targets: TargetDraft[],
  parsed: Map<TargetDraft, ParsedValue>,
  review: ReviewReport,
): void {
  if (indicator.rule) return;
  const subject = `indicator ${indicator.code}`;
  for (const t of targets) {
    const p = parsed.get(t) as ParsedValue;
    if (p.kind !== 'text' || t.rule) continue;
    const at = `${t.year} ${t.checkpoint === Checkpoint.MID_YEAR ? '30/6' : '31/12'}`;
    if (!p.proposal) {
      t.rule = ScoringRule.MANUAL;
      review.inferred(
        t.line,
        subject,
        'RULE_INFERRED',
        `Target ${at} "${t.raw}" is a milestone in words, with no number: scored with the manual rule (a score and a justification note).`,
        `Il target ${at} "${t.raw}" è una tappa descritta a parole, senza numero: valutato con la regola manuale (punteggio e nota di motivazione).`,
        `target ${at} "${t.raw}"`,
      );
    } else {
      const number = `${p.proposal.comparator ?? ''}${p.proposal.value}${p.proposal.unit ? ` ${p.proposal.unit}` : ''}`;
      review.inferred(
        t.line,
        subject,
        'TARGET_PROPOSAL',
        `Target ${at} "${t.raw}" is kept as text; it proposes ${number}: confirm the number (then the polarity's rule scores it) or choose the manual rule.`,
        `Il target ${at} "${t.raw}" è conservato come testo; propone ${number}: confermare il numero (poi lo valuta la regola della polarità) o scegliere la regola manuale.`,
        `target ${at} "${t.raw}"`,
      );
    }
  }
}

function inferFor(t: TargetDraft, target: ParsedValue, indicator: IndicatorDraft) {
  const thresholds = [...t.thresholds]
    .sort((a, b) => b.score - a.score)
    .map((th) => parseValue(th.raw, { year: t.year, role: 'threshold' }));
  return inferPolarity({ target, thresholds, kpiText: kpiTextOf(indicator) });
}

function kpiTextOf(indicator: IndicatorDraft): string {
  return [indicator.title, indicator.formula ?? ''].join(' ');
}

function parseTarget(t: TargetDraft): ParsedValue {
  return parseValue(t.raw, { year: t.year, role: 'target' });
}

function isStated(p: ParsedValue): boolean {
  return p.kind !== 'empty' && p.kind !== 'placeholder';
}

function familyOf(p: ParsedValue): KindFamily {
  if (p.kind === 'date') return 'time';
  if (p.kind === 'boolean') return 'yes-no';
  if (p.kind === 'number' || p.kind === 'percent' || p.kind === 'currency' || p.kind === 'days') return 'quantity';
  return 'none';
}

function checkpointOrder(t: TargetDraft): number {
  return t.checkpoint === Checkpoint.MID_YEAR ? 0 : 1;
}

const ITALIAN: Record<string, string> = {
  higher: 'più alto è meglio',
  lower: 'più basso è meglio',
  deadline: 'scadenza (prima è meglio)',
  boolean: 'sì/no',
};
