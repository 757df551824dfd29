/**
 * Why a row has no score, in words, where the row shows its state: the "Messaggio" column, beside "Stato sync".
 *
 * Why there and not in "% Realizzazione": that column is numeric (format 0.00%, the traffic-light icon set, the
 * plan's chart and any formula of the controller read it), and a text in a number column breaks SUM, AVERAGE and the
 * chart in Excel, so it stays empty when there is no score. Why not a cell note: notes are per cell, invisible until
 * hovered, do not travel with a filter or a copy of the table, and the three workbooks (the real Excel port, its
 * in-memory twin, the faithful double) would each need a notes API; "Messaggio" is the column the row contract
 * already gives to what the row has to tell (refused cells, conflicts, provisional scores), and a controller filters
 * it. A message of the sync itself (refused, in conflict, provisional, to send) is more urgent and is never
 * overwritten; a former reason gives way to the new one, and to nothing once the row is scored.
 */
import { fixWords, reasonWords } from '@core/vocabulary/reasons-it';
import type { RealizationView } from '../api/types';
import { format, type Language } from '../i18n';

/** the realization fields a reason needs (older answers may lack the errors and the checkpoint) */
type Scored = Pick<RealizationView, 'status' | 'score'> & Partial<Pick<RealizationView, 'errors' | 'checkpoint'>>;

const WORDS = {
  it: {
    invalid: 'non valutabile: {reasons}',
    invalidBare: 'non valutabile: dati non calcolabili',
    fix: ' – da correggere: {fixes}',
    missing: 'non valutabile: manca il valore al {date}',
    empty: 'non valutabile: nessun indicatore valutato',
    monitoring: 'non valutato: indicatore di monitoraggio',
    neutralised: 'non valutato: neutralizzato',
    notApplicable: 'non valutato: non applicabile',
  },
  en: {
    invalid: 'not scorable: {reasons}',
    invalidBare: 'not scorable: the data cannot be scored',
    fix: ' – to fix: {fixes}',
    missing: 'not scorable: no actual value at {date}',
    empty: 'not scorable: no indicator scored',
    monitoring: 'not scored: monitoring indicator',
    neutralised: 'not scored: neutralised',
    notApplicable: 'not scored: not applicable',
  },
} as const;

/** every reason starts with one of these: how a former reason is told from a message of the sync */
const PREFIXES = [...new Set(Object.values(WORDS).flatMap((w) => Object.values(w).map((t) => t.split(':')[0] + ':')))];

export function isScoreReason(message: string | undefined): boolean {
  return !!message && PREFIXES.some((prefix) => message.startsWith(prefix));
}

/** "non valutabile: target mancante – da correggere: inserire il target dell'anno"; '' for a row with a score */
export function scoreReason(realization: Scored | null | undefined, language: Language): string {
  if (!realization || typeof realization.score === 'number') return '';
  const w = WORDS[language];
  switch (realization.status) {
    case 'INVALID': {
      const errors = realization.errors ?? [];
      if (errors.length === 0) return w.invalidBare;
      const fixes = [...new Set(errors.map((e) => fixWords(e, language)).filter((f): f is string => !!f))];
      const reasons = errors.map((e) => reasonWords(e, language)).join(', ');
      return format(w.invalid, { reasons }) + (fixes.length ? format(w.fix, { fixes: fixes.join('; ') }) : '');
    }
    case 'MISSING':
      return format(w.missing, { date: realization.checkpoint === 'MID_YEAR' ? '30/06' : '31/12' });
    case 'EMPTY':
      return w.empty;
    case 'MONITORING':
      return w.monitoring;
    case 'NEUTRALISED':
      return w.neutralised;
    case 'NOT_APPLICABLE':
      return w.notApplicable;
    default:
      return '';
  }
}
