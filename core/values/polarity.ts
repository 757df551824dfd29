import type { ParsedValue, Polarity } from './types';
import { POLARITY_WARNINGS } from './codes';
import { dayNumber, monthNumber } from './dates';
import { isNumericValue } from './parse';
import { keywordSuggestion, polarityFromValue, type PolaritySuggestion } from './polarity-from-value';

/**
 * Polarity inference on import (docs/scoring.md §4). It only *proposes*: the result is never confirmed, carries
 * POLARITY_UNCONFIRMED, and says in words which signal decided it, so that a reviewer can accept or override it.
 */
export type PolaritySignal = 'value-kind' | 'comparator' | 'threshold-order' | 'default';

export type PolarityInput = {
  target?: ParsedValue;
  /** in the order of decreasing score: "soglia 80%" before "soglia 60%" */
  thresholds?: ParsedValue[];
  kpiText?: string;
};

export type PolarityInference = {
  polarity: Polarity;
  confirmed: false;
  /** which signal decided, in English; evidenceIt says the same in Italian (stored "italiano — English") */
  evidence: string;
  evidenceIt: string;
  signal: PolaritySignal;
  warnings: string[];
  /** a keyword's hint, never applied (plan lint POLARITY_SUGGESTION) */
  suggestion?: PolaritySuggestion;
};

/** What each polarity means, in the words of the evidence: Italian and English side by side. */
const VERDICT: Record<Polarity, { it: string; en: string }> = {
  higher: { it: 'più alto è meglio', en: 'higher is better' },
  lower: { it: 'più basso è meglio', en: 'lower is better' },
  deadline: { it: 'prima è meglio (scadenza)', en: 'earlier is better (deadline)' },
  boolean: { it: 'fatto o non fatto (SI/NO)', en: 'done or not done (boolean)' },
};

const TOPIC_IT: Record<PolaritySuggestion['topic'], string> = {
  time: 'tempi',
  cost: 'costi',
  defects: 'errori',
  reduction: 'riduzione',
};

/** How an inference's evidence is stored on an indicator and in a review: Italian first, then English. */
export function storedEvidence(d: { evidence: string; evidenceIt: string }): string {
  return `${d.evidenceIt} — ${d.evidence}`;
}

export function inferPolarity(input: PolarityInput): PolarityInference {
  const { target, kpiText } = input;
  const thresholds = (input.thresholds ?? []).filter(isStated);
  const warnings: string[] = [POLARITY_WARNINGS.POLARITY_UNCONFIRMED];
  const propose = (
    polarity: Polarity,
    signal: PolaritySignal,
    evidence: string,
    evidenceIt: string,
  ): PolarityInference => ({
    polarity,
    confirmed: false,
    evidence,
    evidenceIt,
    signal,
    warnings,
  });
  const points: Point[] = [
    ...(target && isStated(target) ? [{ label: 'target', value: target }] : []),
    ...thresholds.map((value) => ({ label: 'soglia', value })),
  ];

  // 1. Value kind: a date or a month can only be a deadline; "SI/NO" only a yes/no. Decided by the same function
  // as the sheet sync, the mutations and the add-in (polarityFromValue); the evidence here adds the thresholds.
  const byValue = polarityFromValue(target);
  if (target && byValue.signal === 'value-kind' && byValue.polarity === 'deadline') {
    const order = orderOf(points);
    if (order.direction === 'increasing') {
      return propose(
        'deadline',
        'value-kind',
        `${order.chain}: ${datesWord(target)}, ${VERDICT.deadline.en}`,
        `${order.chain}: ${datesWordIt(target)}, ${VERDICT.deadline.it}`,
      );
    }
    if (order.direction === 'decreasing' || order.direction === 'non-monotone') {
      // Value kind still decides, but thresholds earlier than the target contradict "thresholds are worse".
      warnings.push(POLARITY_WARNINGS.POLARITY_NON_MONOTONE);
      const disorder = `${listOf(points)} are not in chronological order (flagged)`;
      const disorderIt = `${listOf(points)} non sono in ordine cronologico (segnalato)`;
      return propose(
        'deadline',
        'value-kind',
        `target ${describe(target)} is ${dateWord(target)}; ${disorder}: ${VERDICT.deadline.en}`,
        `il target ${describe(target)} è ${dateWordIt(target)}; ${disorderIt}: ${VERDICT.deadline.it}`,
      );
    }
    return propose(
      'deadline',
      'value-kind',
      `target ${describe(target)} is ${dateWord(target)}: ${VERDICT.deadline.en}`,
      `il target ${describe(target)} è ${dateWordIt(target)}: ${VERDICT.deadline.it}`,
    );
  }
  if (target && byValue.signal === 'value-kind' && byValue.polarity === 'boolean') {
    return propose(
      'boolean',
      'value-kind',
      `target ${describe(target)} is a yes/no value: ${VERDICT.boolean.en}`,
      `il target ${describe(target)} è un valore SI/NO: ${VERDICT.boolean.it}`,
    );
  }

  // 2. Comparator: "≤ 30" says lower is better; a comparator proposed from text ("almeno 300") counts too.
  const comparator = target?.comparator ?? target?.proposal?.comparator;
  if (target && comparator) {
    const polarity: Polarity = comparator.startsWith('<') ? 'lower' : 'higher';
    const source = target.comparator ? 'has comparator' : 'proposes comparator';
    const sourceIt = target.comparator ? 'ha il comparatore' : 'propone il comparatore';
    return propose(
      polarity,
      'comparator',
      `target ${describe(target)} ${source} ${comparator}: ${VERDICT[polarity].en}`,
      `il target ${describe(target)} ${sourceIt} ${comparator}: ${VERDICT[polarity].it}`,
    );
  }

  // 3. Thresholds are always worse than the target, so their direction is the polarity's.
  let flagged = '';
  let flaggedIt = '';
  if (points.length > 1) {
    const order = orderOf(points);
    const read = polarityOfOrder(order);
    if (read) {
      return propose(
        read,
        'threshold-order',
        `${order.chain}: ${VERDICT[read].en}`,
        `${order.chain}: ${VERDICT[read].it}`,
      );
    }
    if (order.direction === 'decreasing' || order.direction === 'non-monotone') {
      // Dates getting earlier as the score drops, or numbers zig-zagging: no direction to read.
      warnings.push(POLARITY_WARNINGS.POLARITY_NON_MONOTONE);
      flagged = `${listOf(points)} are not monotone (flagged, not guessed); `;
      flaggedIt = `${listOf(points)} non sono monotoni (segnalato, non dedotto); `;
    }
  }

  // 4. Keywords are wrong about half the time ("% pratiche evase entro 5 giorni" is higher-is-better): they never
  // decide, they only ride along as a suggestion the plan lint shows for a person to confirm.
  const keyword = kpiText ? keywordSuggestion(kpiText) : undefined;
  if (keyword) {
    return {
      ...propose(
        'higher',
        'default',
        `${flagged}no polarity signal in the values: ${VERDICT.higher.en} (default); the KPI text mentions "${keyword.word}" (${keyword.topic}), so lower may be better: to be confirmed`,
        `${flaggedIt}nessun segnale di polarità nei valori: ${VERDICT.higher.it} (predefinita); il KPI cita "${keyword.word}" (${TOPIC_IT[keyword.topic]}), quindi forse più basso è meglio: da confermare`,
      ),
      suggestion: keyword,
    };
  }

  // 5. Year trajectories are ignored on purpose (a higher-is-better target may fall 25% → 15% → 10%).
  return propose(
    'higher',
    'default',
    `${flagged}no polarity signal: ${VERDICT.higher.en} (default)`,
    `${flaggedIt}nessun segnale di polarità: ${VERDICT.higher.it} (predefinita)`,
  );
}

/** Empty cells and placeholders ("-", "monitoraggio") are absences, not points on the scale. */
function isStated(value: ParsedValue): boolean {
  return value.kind !== 'empty' && value.kind !== 'placeholder';
}

// A month name with no year stays text (never guessed), yet it still says "deadline".
function isYearlessMonth(value: ParsedValue): boolean {
  return value.kind === 'text' && typeof value.value === 'string' && monthNumber(value.value) !== undefined;
}

type Point = { label: string; value: ParsedValue };
type Scale = 'number' | 'date' | 'month';
type Order = { direction: 'increasing' | 'decreasing' | 'non-monotone' | 'incomparable'; scale?: Scale; chain: string };

// Yearless months still order chronologically within a year ("luglio" < "settembre"), so they get their own scale.
function positionOf(value: ParsedValue): { scale: Scale; key: number } | undefined {
  if (isNumericValue(value)) return { scale: 'number', key: value.value };
  if (value.kind === 'date' && typeof value.value === 'string') return { scale: 'date', key: dayNumber(value.value) };
  if (isYearlessMonth(value)) return { scale: 'month', key: monthNumber(value.value as string) as number };
  return undefined;
}

/** What a chain of target and thresholds says: numbers falling → higher, rising → lower; dates rising → deadline. */
function polarityOfOrder(order: Order): 'higher' | 'lower' | 'deadline' | undefined {
  if (order.direction === 'decreasing' && order.scale === 'number') return 'higher';
  if (order.direction === 'increasing') return order.scale === 'number' ? 'lower' : 'deadline';
  return undefined;
}

function orderOf(points: Point[]): Order {
  const positions = points.map((p) => positionOf(p.value));
  const scale = positions[0]?.scale;
  if (points.length < 2 || !scale || positions.some((p) => p?.scale !== scale)) {
    return { direction: 'incomparable', chain: listOf(points) };
  }
  const keys = positions.map((p) => (p as { key: number }).key);
  const steps = keys.slice(1).map((k, i) => Math.sign(k - keys[i]));
  if (steps.every((s) => s < 0)) return { direction: 'decreasing', scale, chain: chainOf(points, ' > ') };
  if (steps.every((s) => s > 0)) return { direction: 'increasing', scale, chain: chainOf(points, ' < ') };
  return { direction: 'non-monotone', scale, chain: listOf(points) };
}

function chainOf(points: Point[], relation: string): string {
  return points.map((p) => `${p.label} ${describe(p.value)}`).join(relation);
}

function listOf(points: Point[]): string {
  return points.map((p) => `${p.label} ${describe(p.value)}`).join(', ');
}

/** The value as the user typed it, with the resolved date when the raw form does not show it. */
function describe(value: ParsedValue): string {
  const shown = value.raw.replace(/\s+/g, ' ').trim();
  if (value.kind === 'date' && value.dateFrom === 'month-name') return `${shown} (${value.value})`;
  return shown;
}

function dateWord(value: ParsedValue): string {
  if (value.kind === 'date' && value.dateFrom === 'month-name') return 'a month name';
  if (value.kind === 'date') return `a date (${value.value})`;
  return 'a month name';
}

function datesWord(value: ParsedValue): string {
  return value.kind === 'date' && value.dateFrom === 'day' ? 'dates' : 'month names';
}

function dateWordIt(value: ParsedValue): string {
  if (value.kind === 'date' && value.dateFrom !== 'month-name' && typeof value.value === 'string') {
    const [y, m, d] = value.value.split('-');
    return `una data (${d}/${m}/${y})`;
  }
  return 'un nome di mese';
}

function datesWordIt(value: ParsedValue): string {
  return value.kind === 'date' && value.dateFrom === 'day' ? 'date' : 'nomi di mese';
}
