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

const DASHBOARD_KINDS: Record<string, DashboardKindWord> = {
  strategico: 'strategic',
  'cruscotto strategico': 'strategic',
  strategic: 'strategic',
  servizio: 'service',
  service: 'service',
  ufficio: 'service',
  'segretario generale': 'sg',
  sg: 'sg',
  'secretary general': 'sg',
  secretary_general: 'sg',
  'cruscotto del segretario generale': 'sg',
  dirigente: 'dirigente',
  'cruscotto del dirigente': 'dirigente',
  'cruscotto del servizio': 'service',
  manager: 'dirigente',
  individuale: 'individual',
  individual: 'individual',
};

const ENTRY_LEVELS: Record<string, 'strategic' | 'operational'> = {
  strategico: 'strategic',
  strategic: 'strategic',
  os: 'strategic',
  operativo: 'operational',
  operational: 'operational',
  oo: 'operational',
};

/** DashboardKind's values, spelled here because core/sheet reads words, not enums. */
export type DashboardKindWord = 'strategic' | 'service' | 'sg' | 'dirigente' | 'individual';

export function dashboardKindOf(raw: string): DashboardKindWord | undefined {
  return DASHBOARD_KINDS[foldWords(raw)];
}

/**
 * The kind a cruscotto's name says, for a new cruscotto without a kind cell: "Cruscotto del Segretario Generale",
 * "Cruscotto Dirigente Area I", "Cruscotto strategico"; any other name is a service's (Bergamo's most common).
 */
export function dashboardKindOfName(name: string): DashboardKindWord {
  const folded = ` ${foldWords(name)} `;
  if (folded.includes(' segretario generale ') || folded.includes(' sg ')) return 'sg';
  if (folded.includes(' dirigente ')) return 'dirigente';
  if (folded.includes(' strategico ') || folded.includes(' strategic ')) return 'strategic';
  if (folded.includes(' individuale ')) return 'individual';
  return 'service';
}

export function entryLevelOf(raw: string): 'strategic' | 'operational' | undefined {
  return ENTRY_LEVELS[foldWords(raw)];
}

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
