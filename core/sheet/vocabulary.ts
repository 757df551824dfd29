import type { Polarity } from '../values/types';
import type { SheetLevel } from './row';
import { foldWords } from '../vocabulary/fold';

/** Words a sheet may use for levels, polarities and rules, in Italian and English. */

const LEVELS: Record<string, SheetLevel> = {
  perspective: 'perspective',
  prospettiva: 'perspective',
  p: 'perspective',
  strategic: 'strategic',
  'strategic objective': 'strategic',
  'obiettivo strategico': 'strategic',
  strategico: 'strategic',
  os: 'strategic',
  operational: 'operational',
  'operational objective': 'operational',
  'obiettivo operativo': 'operational',
  operativo: 'operational',
  oo: 'operational',
  indicator: 'indicator',
  indicatore: 'indicator',
  azione: 'indicator',
  action: 'indicator',
  kpi: 'indicator',
};

const POLARITIES: Record<string, Polarity> = {
  higher: 'higher',
  maggiore: 'higher',
  'piu alto e meglio': 'higher',
  crescente: 'higher',
  '↑': 'higher',
  '+': 'higher',
  lower: 'lower',
  minore: 'lower',
  'piu basso e meglio': 'lower',
  decrescente: 'lower',
  '↓': 'lower',
  '-': 'lower',
  deadline: 'deadline',
  scadenza: 'deadline',
  data: 'deadline',
  entro: 'deadline',
  boolean: 'boolean',
  'si/no': 'boolean',
  booleano: 'boolean',
  'sì/no': 'boolean',
};

const RULES: Record<string, string> = {
  ratio: 'ratio',
  rapporto: 'ratio',
  proporzionale: 'ratio',
  inverse: 'inverse',
  inverso: 'inverse',
  inversa: 'inverse',
  deadline: 'deadline',
  scadenza: 'deadline',
  boolean: 'boolean',
  booleano: 'boolean',
  'si/no': 'boolean',
  bands: 'bands',
  soglie: 'bands',
  fasce: 'bands',
  manual: 'manual',
  manuale: 'manual',
  qualitativa: 'manual',
  project: 'project',
  progetto: 'project',
  monitoring: 'monitoring',
  monitoraggio: 'monitoring',
};

export function levelOf(raw: string): SheetLevel | undefined {
  return LEVELS[foldWords(raw)];
}

export function polarityOf(raw: string): Polarity | undefined {
  return POLARITIES[foldWords(raw)];
}

export function ruleOf(raw: string): string | undefined {
  return RULES[foldWords(raw)];
}

/** "SI"/"Sì"/"X"/"1"/"true" → true, "NO"/""/"0"/"false" → false, anything else undefined. */
export function flagOf(raw: string): boolean | undefined {
  const v = foldWords(raw);
  if (['si', 'x', '1', 'true', 'yes', 'vero'].includes(v)) return true;
  if (['no', '', '0', 'false', 'falso'].includes(v)) return false;
  return undefined;
}

/** Several units in one cell: 'U.O. "Ragioneria" e U.O. "Provveditorato"', or separated by ";". */
export function unitNamesOf(raw: string): string[] {
  return raw
    .split(/;|\s+e\s+(?=U\.O\.|Area|Servizio|Ufficio|Responsabile|SG\b)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
