/**
 * A score's status in words, Italian and English: one table for every place of the add-in that names it (the
 * "Perché?" explanation in the pane, =CRUSCOTTO.STATO in a cell), so the two never say it differently. Keyed by
 * the GraphQL names of the statuses, which are the core enum's keys.
 */
import type { ScoreStatus } from '@core/vocabulary/results';
import type { Language } from './i18n';

export const SCORE_STATUS_WORDS: Record<Language, Record<keyof typeof ScoreStatus, string>> = {
  it: {
    SCORED: 'valutato',
    MISSING: 'manca il valore',
    MONITORING: 'solo monitoraggio',
    NEUTRALISED: 'neutralizzato',
    NOT_APPLICABLE: 'non applicabile',
    INVALID: 'non valido',
    EMPTY: 'vuoto',
  },
  en: {
    SCORED: 'scored',
    MISSING: 'value missing',
    MONITORING: 'monitoring only',
    NEUTRALISED: 'neutralised',
    NOT_APPLICABLE: 'not applicable',
    INVALID: 'not valid',
    EMPTY: 'empty',
  },
};

/** the words with a capital, as a cell shows them on their own ("Manca il valore") */
export function capitalised(words: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(words).map(([key, word]) => [key, word[0].toUpperCase() + word.slice(1)]));
}
