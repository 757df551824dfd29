/**
 * The engine's and the plan check's codes in words, with what to fix, Italian first and English beside it: the ONE
 * table of them. Italian documents and notes print these, and so does the add-in's pane ("Perché?", the state of a
 * row without a score), never the code itself (an OIV reads "pesi incompleti", not WEIGHT_MISSING). The codes stay
 * in the API.
 */
export type ReasonWords = { text: string; fix: string };
export type ItalianReason = ReasonWords & { en: ReasonWords };
export type WordsLanguage = 'it' | 'en';

export const REASONS_IT: Record<string, ItalianReason> = {
  TARGET_MISSING: {
    text: 'target mancante',
    fix: "inserire il target dell'anno",
    en: { text: 'target missing', fix: "enter the year's target" },
  },
  TARGET_NOT_POSITIVE: {
    text: 'target non positivo',
    fix: 'un rapporto richiede un target maggiore di zero: correggere il target o la regola',
    en: { text: 'target not positive', fix: 'a ratio needs a target above zero: correct the target or the rule' },
  },
  TYPE_MISMATCH: {
    text: 'target e valore non confrontabili',
    fix: 'indicare target e valore dello stesso tipo (numero, data, SI/NO) o correggere la polarità',
    en: {
      text: 'target and value cannot be compared',
      fix: 'give target and value of the same kind (number, date, SI/NO) or correct the polarity',
    },
  },
  INVALID_DATE: {
    text: 'data inesistente',
    fix: 'correggere la data',
    en: { text: 'date that does not exist', fix: 'correct the date' },
  },
  BANDS_NOT_MONOTONE: {
    text: 'soglie fuori ordine',
    fix: 'ordinare le soglie dalla migliore alla peggiore secondo la polarità',
    en: { text: 'thresholds out of order', fix: 'order the thresholds from best to worst according to the polarity' },
  },
  THRESHOLDS_MISSING: {
    text: "soglie mancanti per l'anno",
    fix: "inserire le soglie dell'anno o cambiare regola",
    en: { text: 'thresholds missing for the year', fix: "enter the year's thresholds or change the rule" },
  },
  MANUAL_JUSTIFICATION_MISSING: {
    text: 'motivazione del punteggio manuale mancante',
    fix: 'scrivere la motivazione',
    en: { text: 'manual score without a justification', fix: 'write the justification' },
  },
  MANUAL_SCORE_OUT_OF_RANGE: {
    text: 'punteggio manuale fuori intervallo',
    fix: 'indicare un punteggio tra 0 e 100',
    en: { text: 'manual score out of range', fix: 'give a score between 0 and 100' },
  },
  NEUTRALISATION_REASON_MISSING: {
    text: 'neutralizzazione senza motivazione',
    fix: 'scrivere la motivazione della neutralizzazione',
    en: { text: 'neutralisation without a reason', fix: 'write the reason for the neutralisation' },
  },
  WEIGHT_MISSING: {
    text: 'pesi incompleti',
    fix: 'dare un peso a ogni elemento (o a nessuno, per pesi uguali)',
    en: { text: 'weights incomplete', fix: 'give every element a weight (or none, for equal weights)' },
  },
  WEIGHT_NEGATIVE: {
    text: 'peso negativo',
    fix: 'correggere il peso',
    en: { text: 'negative weight', fix: 'correct the weight' },
  },
  WEIGHT_SUM_ZERO: {
    text: 'tutti i pesi sono zero',
    fix: 'assegnare i pesi',
    en: { text: 'all weights are zero', fix: 'assign the weights' },
  },
  WEIGHT_SUM: {
    text: 'la somma dei pesi non è 100%',
    fix: 'correggere i pesi perché sommino a 100%',
    en: { text: 'the weights do not add up to 100%', fix: 'correct the weights so that they add up to 100%' },
  },
  OWN_SHARE_OUT_OF_RANGE: {
    text: 'quota propria fuori intervallo',
    fix: 'indicare una quota tra 0% e 100%',
    en: { text: 'own share out of range', fix: 'give a share between 0% and 100%' },
  },
  RULE_UNKNOWN: {
    text: 'regola di calcolo sconosciuta',
    fix: 'scegliere una regola valida',
    en: { text: 'unknown scoring rule', fix: 'choose a valid rule' },
  },
  CHILD_INVALID: {
    text: 'un elemento non è calcolabile',
    fix: "correggere l'elemento escluso",
    en: { text: 'an element cannot be scored', fix: 'correct the element left out' },
  },
  COMPONENT_EMPTY: {
    text: 'componente senza valori',
    fix: 'inserire i valori ottenuti',
    en: { text: 'component without values', fix: 'enter the actual values' },
  },
  NEGATIVE_ACTUAL_CLAMPED: {
    text: 'valore negativo portato a zero',
    fix: 'verificare il valore ottenuto',
    en: { text: 'negative value taken as zero', fix: 'check the actual value' },
  },
  POLARITY_UNCONFIRMED: {
    text: 'polarità da confermare',
    fix: "confermare la polarità dell'indicatore",
    en: { text: 'polarity to be confirmed', fix: "confirm the indicator's polarity" },
  },
  POLARITY_NOT_STATED: {
    text: 'polarità non indicata',
    fix: "indicare la polarità dell'indicatore o confermare quella predefinita",
    en: { text: 'polarity not stated', fix: "state the indicator's polarity or confirm the default one" },
  },
  POLARITY_SUGGESTION: {
    text: 'polarità suggerita dal KPI',
    fix: 'accettare il suggerimento (più basso è meglio) o confermare la polarità in uso',
    en: {
      text: 'polarity suggested by the KPI',
      fix: 'accept the suggestion (lower is better) or confirm the polarity in use',
    },
  },
  OVERACHIEVEMENT: {
    text: 'risultato oltre il target',
    fix: 'verificare valore e target',
    en: { text: 'result beyond the target', fix: 'check value and target' },
  },
  AMBIGUOUS_DECIMAL_POINT: {
    text: 'separatore decimale ambiguo',
    fix: 'scrivere il numero con la virgola decimale',
    en: { text: 'ambiguous decimal separator', fix: 'write the number with a decimal comma' },
  },
  SCALE_SUSPECT: {
    text: 'scala sospetta (percentuale o frazione?)',
    fix: 'verificare la scala del valore',
    en: { text: 'suspicious scale (percentage or fraction?)', fix: "check the value's scale" },
  },
  NO_TARGET: {
    text: 'nessun target per un anno del piano',
    fix: "inserire il target dell'anno",
    en: { text: 'no target for a year of the plan', fix: "enter the year's target" },
  },
  INCENTIVE_MISMATCH: {
    text: 'valore economico diverso da quello stampato',
    fix: 'verificare il valore del fondo',
    en: { text: 'economic value differs from the printed one', fix: "check the fund's value" },
  },
  MONITORING_WEIGHTED: {
    text: 'indicatore di monitoraggio con peso',
    fix: 'togliere il peso: un indicatore di monitoraggio non è mai valutato',
    en: {
      text: 'monitoring indicator with a weight',
      fix: 'remove the weight: a monitoring indicator is never scored',
    },
  },
  DUPLICATE_CODE: {
    text: 'codice ripetuto nella versione del piano',
    fix: 'dare a ogni riga un codice diverso',
    en: { text: 'code repeated in the plan version', fix: 'give every row a different code' },
  },
};

/** The words of a known code in a language, or null. */
function known(code: string, language: WordsLanguage): ReasonWords | null {
  const entry = Object.prototype.hasOwnProperty.call(REASONS_IT, code) ? REASONS_IT[code] : undefined;
  if (!entry) return null;
  return language === 'it' ? entry : entry.en;
}

/**
 * "pesi incompleti" / "weights incomplete" for a known code (a detail after it is kept: "WEIGHT_SUM (170%)"), or the
 * code made readable ("some_code" → "some code") as a last resort.
 */
export function reasonWords(code: string, language: WordsLanguage): string {
  const m = /^([A-Z][A-Z0-9_]*)(\b[\s\S]*)$/.exec(code);
  const words = m ? known(m[1], language) : null;
  if (m && words) return words.text + m[2];
  return /^[A-Z][A-Z0-9_]+$/.test(code) ? code.toLowerCase().replace(/_/g, ' ') : code;
}

/** What to do about a known code, in a language; null for a code without a fix. */
export function fixWords(code: string, language: WordsLanguage): string | null {
  return known(code, language)?.fix ?? null;
}

export const reasonIt = (code: string): string => reasonWords(code, 'it');

export const fixIt = (code: string): string | null => fixWords(code, 'it');

/** "non calcolabile: pesi incompleti – da correggere: dare un peso a ogni elemento…" for an invalid subject's errors. */
export function invalidNoteIt(errors: readonly string[]): string {
  return invalidNote(errors, 'it');
}

/** An invalid subject's errors as a sentence, with their fixes, in a language. */
export function invalidNote(errors: readonly string[], language: WordsLanguage): string {
  const [head, toFix] = language === 'it' ? ['non calcolabile', 'da correggere'] : ['not scorable', 'to fix'];
  if (errors.length === 0) return head;
  const fixes = [...new Set(errors.map((e) => fixWords(e, language)).filter((f): f is string => !!f))];
  return `${head}: ${errors.map((e) => reasonWords(e, language)).join(', ')}${fixes.length ? ` – ${toFix}: ${fixes.join('; ')}` : ''}`;
}

/**
 * Why an aggregate left a child out, as the engine writes it in an explanation's `excluded` (core/scoring/status.ts
 * exclusionReason, aggregate.ts, strategic.ts, dashboard.ts; "replaced" from server/services/realization.ts), in words.
 */
export const EXCLUSION_WORDS: Record<WordsLanguage, Record<string, string>> = {
  it: {
    monitoring: 'solo monitoraggio, non valutato',
    neutralised: 'neutralizzato',
    'not applicable': 'non applicabile',
    missing: 'manca il valore ottenuto',
    invalid: 'non calcolabile',
    'no scored child': 'nessun indicatore valutato',
    'not scored': 'non valutato',
    'no result': 'nessun risultato',
    empty: 'nessun indicatore valutato',
    replaced: 'sostituito',
  },
  en: {
    monitoring: 'monitoring only, not scored',
    neutralised: 'neutralised',
    'not applicable': 'not applicable',
    missing: 'the actual value is missing',
    invalid: 'not scorable',
    'no scored child': 'no indicator scored',
    'not scored': 'not scored',
    'no result': 'no result',
    empty: 'no indicator scored',
    replaced: 'replaced',
  },
};

/** "invalid: WEIGHT_MISSING" → "non calcolabile: pesi incompleti – da correggere: …"; "missing" → "manca il valore ottenuto". */
export function exclusionWords(reason: string, language: WordsLanguage): string {
  const invalid = /^invalid(?::\s*(.*))?$/.exec(reason);
  if (invalid) return invalidNote((invalid[1] ?? '').split(/,\s*/).filter(Boolean), language);
  return EXCLUSION_WORDS[language][reason] ?? reasonWords(reason, language);
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
