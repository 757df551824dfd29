import type { ParsedValue, Polarity } from './types';
import { monthNumber } from './dates';

/**
 * The polarity a value implies, decided the same way wherever data comes in (sheet sync, GraphQL mutations,
 * importers, the add-in's offline engine; docs/scoring.md §4): a date or a month-name target can only be a deadline,
 * a SI/NO target only a yes/no, a "monitoraggio" target is not scored at all; anything else gets the fallback (the
 * default, higher). Words of the KPI text never decide here (keywordSuggestion makes them a suggestion instead).
 */
export type PolarityFromValue = {
  polarity: Polarity;
  /** the target reads "monitoraggio": the row is monitored, never scored, whatever its polarity */
  monitoring: boolean;
  /** value-kind: the value decided; default: nothing in the value did */
  signal: 'value-kind' | 'monitoring' | 'default';
  /** why, in Italian and English, as the answer and the explanation state it */
  evidence: string;
  evidenceIt: string;
};

export function polarityFromValue(
  target: ParsedValue | null | undefined,
  fallback: Polarity = 'higher',
): PolarityFromValue {
  const raw = target?.raw.replace(/\s+/g, ' ').trim() ?? '';
  if (target && (target.kind === 'date' || isYearlessMonth(target)))
    return {
      polarity: 'deadline',
      monitoring: false,
      signal: 'value-kind',
      evidence: `inferred from the target "${raw}", a date: deadline (earlier is better)`,
      evidenceIt: `dedotta dal target "${raw}", una data: scadenza (prima è meglio)`,
    };
  if (target && (target.kind === 'boolean' || target.warnings.includes('BOOLEAN_TARGET_FORM')))
    return {
      polarity: 'boolean',
      monitoring: false,
      signal: 'value-kind',
      evidence: `inferred from the target "${raw}", a yes/no value: boolean (done or not done)`,
      evidenceIt: `dedotta dal target "${raw}", un valore SI/NO: SI/NO (fatto o non fatto)`,
    };
  if (target?.kind === 'placeholder' && target.placeholder === 'monitoring')
    return {
      polarity: fallback,
      monitoring: true,
      signal: 'monitoring',
      evidence: `the target "${raw}" is monitoring: not scored`,
      evidenceIt: `il target "${raw}" è di monitoraggio: non valutato`,
    };
  const it = fallback === 'higher' ? 'più alto è meglio' : fallback;
  return {
    polarity: fallback,
    monitoring: false,
    signal: 'default',
    evidence: raw
      ? `the target "${raw}" does not say the direction: ${fallback} (default), to be confirmed`
      : `no target yet: ${fallback} (default), to be confirmed`,
    evidenceIt: raw
      ? `il target "${raw}" non indica il verso: ${it} (predefinita), da confermare`
      : `nessun target ancora: ${it} (predefinita), da confermare`,
  };
}

// A month name with no year stays text (never guessed), yet it still says "deadline".
function isYearlessMonth(value: ParsedValue): boolean {
  return value.kind === 'text' && typeof value.value === 'string' && monthNumber(value.value) !== undefined;
}

/**
 * A weak hint from the KPI's words ("tempi", "durata", "oneri", "riduzione"…): right about half the time on the
 * Bergamo plans ("% pratiche evase entro 5 giorni" is higher-is-better), so it is only ever a suggestion for a person
 * to confirm (plan lint POLARITY_SUGGESTION), never the polarity a score is computed with.
 */
export type PolaritySuggestion = { polarity: 'lower'; word: string; topic: 'time' | 'cost' | 'defects' | 'reduction' };

const LOWER_KEYWORDS: ReadonlyArray<[RegExp, PolaritySuggestion['topic']]> = [
  [/^(?:tempi|tempo|giorni|giorno|gg|durata|durate|termine|termini)$/, 'time'],
  [/^(?:oneri|onere|costi|costo)$/, 'cost'],
  [/^(?:errore|errori|sospensione|sospensioni|critiche|critica)$/, 'defects'],
  [/^(?:riduzione|riduzioni)$/, 'reduction'],
];

export function keywordSuggestion(kpiText: string): PolaritySuggestion | undefined {
  // Accents and case vary across sources; words are compared bare.
  const words = kpiText
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  for (const word of words) {
    for (const [pattern, topic] of LOWER_KEYWORDS) if (pattern.test(word)) return { polarity: 'lower', word, topic };
  }
  return undefined;
}
