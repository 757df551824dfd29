/**
 * What each plan-lint finding means and how to fix it, in Italian first and English. `{x}` placeholders are filled
 * from the finding's details.
 */
export const LINT_MESSAGES: Record<string, { it: string; en: string }> = {
  TARGET_NOT_POSITIVE: {
    it: 'il target deve essere positivo per la regola rapporto (non negativo per la regola inversa): correggere il target',
    en: 'the target must be positive for a ratio rule (not negative for an inverse one): correct the target',
  },
  TYPE_MISMATCH: {
    it: 'la regola non può usare il target (testo, o un tipo che non corrisponde): correggere il target o la polarità',
    en: 'the rule cannot use the target (text, or a kind that does not match): correct the target or the polarity',
  },
  INVALID_DATE: {
    it: 'la data del target non esiste: correggerla',
    en: 'the target date does not exist: correct it',
  },
  BANDS_NOT_MONOTONE: {
    it: 'le soglie non sono in ordine per la polarità: ciascuna deve essere peggiore della precedente',
    en: 'thresholds are out of order for the polarity: each must be worse than the one before',
  },
  THRESHOLDS_MISSING: {
    it: "la regola è a soglie ma l'anno non ha soglie: indicarle o cambiare regola",
    en: 'the rule is bands but the year has no thresholds: give them or change the rule',
  },
  WEIGHT_MISSING: {
    it: 'alcuni elementi hanno un peso e altri no: indicare il peso mancante',
    en: 'some children are weighted and others are not: give the missing weight',
  },
  WEIGHT_NEGATIVE: { it: 'un peso è negativo: correggerlo', en: 'a weight is negative: correct it' },
  WEIGHT_SUM: {
    it: 'i pesi non sommano a 100: controllarli',
    en: 'the weights do not sum to 100: check them',
  },
  WEIGHT_SUM_ZERO: { it: 'tutti i pesi sono 0: indicarne almeno uno', en: 'all weights are 0: give at least one' },
  NO_TARGET: {
    it: 'nessun target per un anno del piano: indicarlo, oppure "-" se quell\'anno non ha target',
    en: 'no target for a year of the plan: give one, or "-" if that year has none',
  },
  MONITORING_WEIGHTED: {
    it: 'un indicatore di monitoraggio non è mai valutato, quindi il suo peso non ha effetto: togliere il peso',
    en: 'a monitoring indicator is never scored, so its weight has no effect: remove the weight',
  },
  DUPLICATE_CODE: {
    it: 'lo stesso codice è usato due volte in questa versione del piano: renderlo univoco',
    en: 'the same code is used twice in this plan version: make it unique',
  },
  POLARITY_UNCONFIRMED: {
    it: 'polarità dedotta dai valori, da confermare ({polarityIt}): confermarla («Conferma tutte» nel riquadro Excel) o cambiarla',
    en: 'the polarity was inferred from the values, to be confirmed ({polarity}): confirm it (confirmPolarities) or change it',
  },
  POLARITY_NOT_STATED: {
    it: 'polarità non indicata: si usa {polarityIt} (predefinita); confermarla («Conferma tutte» nel riquadro Excel) o cambiarla',
    en: 'no polarity was stated: {polarity} is used (the default); confirm it (confirmPolarities) or change it',
  },
  POLARITY_SUGGESTION: {
    it: 'il KPI cita "{word}": forse più basso è meglio, ma si usa {polarityIt}; se è così, accettare il suggerimento (casella dei suggerimenti nel riquadro Excel) o indicare la polarità minore',
    en: 'the KPI mentions "{word}": lower may be better, but {polarity} is used; if so, accept the suggestion (confirmPolarities with acceptSuggestions) or set the polarity to lower',
  },
};

export const POLARITY_IT: Record<string, string> = {
  higher: 'più alto è meglio',
  lower: 'più basso è meglio',
  deadline: 'scadenza',
  boolean: 'SI/NO',
};

export function lintMessage(
  code: string,
  details: Record<string, string> = {},
  detail?: string,
): { message: string; messageIt: string } {
  const template = LINT_MESSAGES[code] ?? { it: code, en: code };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => details[key] ?? '');
  // a detail stored in both languages ("italiano — English", as polarity evidence is) gives each message its own
  const cut = detail?.indexOf(' — ') ?? -1;
  const [detailIt, detailEn] = detail && cut >= 0 ? [detail.slice(0, cut), detail.slice(cut + 3)] : [detail, detail];
  return {
    message: fill(template.en) + (detailEn ? `: ${detailEn}` : ''),
    messageIt: fill(template.it) + (detailIt ? `: ${detailIt}` : ''),
  };
}
