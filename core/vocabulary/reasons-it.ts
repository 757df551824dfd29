/**
 * The engine's and the plan check's codes in Italian words, with what to fix: Italian documents and notes print
 * these, never the code itself (an OIV reads "pesi incompleti", not WEIGHT_MISSING). The codes stay in the API.
 */
export type ItalianReason = { text: string; fix: string };

export const REASONS_IT: Record<string, ItalianReason> = {
  TARGET_MISSING: { text: 'target mancante', fix: "inserire il target dell'anno" },
  TARGET_NOT_POSITIVE: {
    text: 'target non positivo',
    fix: 'un rapporto richiede un target maggiore di zero: correggere il target o la regola',
  },
  TYPE_MISMATCH: {
    text: 'target e valore non confrontabili',
    fix: 'indicare target e valore dello stesso tipo (numero, data, SI/NO) o correggere la polarità',
  },
  INVALID_DATE: { text: 'data inesistente', fix: 'correggere la data' },
  BANDS_NOT_MONOTONE: {
    text: 'soglie fuori ordine',
    fix: 'ordinare le soglie dalla migliore alla peggiore secondo la polarità',
  },
  THRESHOLDS_MISSING: { text: "soglie mancanti per l'anno", fix: "inserire le soglie dell'anno o cambiare regola" },
  MANUAL_JUSTIFICATION_MISSING: {
    text: 'motivazione del punteggio manuale mancante',
    fix: 'scrivere la motivazione',
  },
  MANUAL_SCORE_OUT_OF_RANGE: { text: 'punteggio manuale fuori intervallo', fix: 'indicare un punteggio tra 0 e 100' },
  NEUTRALISATION_REASON_MISSING: {
    text: 'neutralizzazione senza motivazione',
    fix: 'scrivere la motivazione della neutralizzazione',
  },
  WEIGHT_MISSING: {
    text: 'pesi incompleti',
    fix: 'dare un peso a ogni elemento (o a nessuno, per pesi uguali)',
  },
  WEIGHT_NEGATIVE: { text: 'peso negativo', fix: 'correggere il peso' },
  WEIGHT_SUM_ZERO: { text: 'tutti i pesi sono zero', fix: 'assegnare i pesi' },
  WEIGHT_SUM: { text: 'la somma dei pesi non è 100%', fix: 'correggere i pesi perché sommino a 100%' },
  OWN_SHARE_OUT_OF_RANGE: { text: 'quota propria fuori intervallo', fix: 'indicare una quota tra 0% e 100%' },
  RULE_UNKNOWN: { text: 'regola di calcolo sconosciuta', fix: 'scegliere una regola valida' },
  CHILD_INVALID: { text: 'un elemento non è calcolabile', fix: "correggere l'elemento escluso" },
  COMPONENT_EMPTY: { text: 'componente senza valori', fix: 'inserire i valori ottenuti' },
  NEGATIVE_ACTUAL_CLAMPED: { text: 'valore negativo portato a zero', fix: 'verificare il valore ottenuto' },
  POLARITY_UNCONFIRMED: { text: 'polarità da confermare', fix: "confermare la polarità dell'indicatore" },
  POLARITY_NOT_STATED: {
    text: 'polarità non indicata',
    fix: "indicare la polarità dell'indicatore o confermare quella predefinita",
  },
  POLARITY_SUGGESTION: {
    text: 'polarità suggerita dal KPI',
    fix: 'accettare il suggerimento (più basso è meglio) o confermare la polarità in uso',
  },
  OVERACHIEVEMENT: { text: 'risultato oltre il target', fix: 'verificare valore e target' },
  AMBIGUOUS_DECIMAL_POINT: {
    text: 'separatore decimale ambiguo',
    fix: 'scrivere il numero con la virgola decimale',
  },
  SCALE_SUSPECT: { text: 'scala sospetta (percentuale o frazione?)', fix: 'verificare la scala del valore' },
  NO_TARGET: { text: 'nessun target per un anno del piano', fix: "inserire il target dell'anno" },
  INCENTIVE_MISMATCH: { text: 'valore economico diverso da quello stampato', fix: 'verificare il valore del fondo' },
  MONITORING_WEIGHTED: {
    text: 'indicatore di monitoraggio con peso',
    fix: 'togliere il peso: un indicatore di monitoraggio non è mai valutato',
  },
  DUPLICATE_CODE: { text: 'codice ripetuto nella versione del piano', fix: 'dare a ogni riga un codice diverso' },
};

/** "pesi incompleti" for a known code, or the code made readable ("some_code" → "some code") as a last resort. */
export function reasonIt(code: string): string {
  const m = /^([A-Z][A-Z0-9_]*)(\b[\s\S]*)$/.exec(code);
  if (m && REASONS_IT[m[1]]) return REASONS_IT[m[1]].text + m[2];
  return /^[A-Z][A-Z0-9_]+$/.test(code) ? code.toLowerCase().replace(/_/g, ' ') : code;
}

export function fixIt(code: string): string | null {
  return REASONS_IT[code]?.fix ?? null;
}

/** "non calcolabile: pesi incompleti – da correggere: dare un peso a ogni elemento…" for an invalid subject's errors. */
export function invalidNoteIt(errors: readonly string[]): string {
  if (errors.length === 0) return 'non calcolabile';
  const fixes = [...new Set(errors.map(fixIt).filter((f): f is string => !!f))];
  return `non calcolabile: ${errors.map(reasonIt).join(', ')}${fixes.length ? ` – da correggere: ${fixes.join('; ')}` : ''}`;
}

/** A plan version's status as an Italian sentence says it ("la versione del piano è approvata"). */
export const PLAN_STATUS_IT: Record<string, string> = {
  draft: 'in bozza',
  approved: 'approvata',
  superseded: 'sostituita',
  closed: 'chiusa',
};

export const planStatusIt = (status: string): string => PLAN_STATUS_IT[status] ?? status;

/** Indicator statuses as a Relazione names them. */
export const INDICATOR_STATUS_IT: Record<string, string> = {
  scored: 'valutato',
  monitoring: 'monitoraggio',
  neutralised: 'neutralizzato',
  not_applicable: 'non applicabile',
  missing: 'valore mancante',
  invalid: 'non calcolabile',
  empty: 'nessun indicatore valutato',
};

export const indicatorStatusIt = (status: string): string => INDICATOR_STATUS_IT[status] ?? status;

/** "1 peso mancante", "2 pesi mancanti". */
export function countIt(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How a polarity was inferred, as a review line says it ("dall'ordine delle soglie", not "threshold-order"). */
export const POLARITY_SIGNAL_IT: Record<string, string> = {
  'value-kind': 'dal tipo del target',
  comparator: 'dal comparatore del target',
  'threshold-order': "dall'ordine delle soglie",
  keyword: 'dalle parole del kpi',
  default: 'valore predefinito',
};
