import type { CruscottoColumnKey } from './row';
import { DASHBOARD_KIND_WORDS, ENTRY_LEVEL_WORDS } from './layout-cruscotti';

/**
 * The canonical plan table: the columns the add-in loads into Excel and the workbook export writes, in order.
 * One layout for both so that a sheet loaded by the add-in, exported to xlsx and imported again is the same table.
 * Pure: no ORM, no GraphQL, no Office imports (the add-in bundles it).
 */
export type LayoutColumnKey =
  | 'level'
  | 'code'
  | 'title'
  | 'parentCode'
  | 'weight'
  | 'kpi'
  | 'unit'
  | 'polarity'
  | 'rule'
  | 'target'
  | 'thresholds'
  | 'futureTargets'
  | 'actual'
  | 'neutralised'
  | 'neutralisationReason'
  | 'note'
  | 'responsibleUnit'
  | 'dataSource'
  | CruscottoColumnKey
  | 'realization'
  | 'syncStatus'
  | 'syncMessage'
  | 'rowId'
  | 'rowVersion'
  | 'rowHash';

export type LayoutColumnKind =
  /** the user types it; travels to the server as typed */
  | 'input'
  /** written by Cruscotto (scores, sync status); never sent */
  | 'output'
  /** hidden bookkeeping that travels with the row (identity, version, last-synced hash) */
  | 'hidden';

export type LayoutColumn = {
  key: LayoutColumnKey;
  /** header when the workbook is in Italian (the seeds' words) */
  it: string;
  /** header when the workbook is in English */
  en: string;
  kind: LayoutColumnKind;
  /** Excel number format for the column's cells ('@' = text, so "3,25%" stays what was typed) */
  numberFormat: string;
  /** allowed values offered as a data-validation list (the server accepts more synonyms) */
  list?: readonly string[];
  /** column width in characters, for a readable first load */
  width: number;
};

export const LEVEL_LIST = ['prospettiva', 'obiettivo strategico', 'obiettivo operativo', 'azione'] as const;
export const POLARITY_LIST = ['maggiore', 'minore', 'scadenza', 'SI/NO'] as const;
export const RULE_LIST = [
  'rapporto',
  'inverso',
  'scadenza',
  'boolean',
  'soglie',
  'manuale',
  'progetto',
  'monitoraggio',
] as const;
export const YES_NO_LIST = ['SI', 'NO'] as const;

/**
 * The dropdown word of each polarity and rule (Italian, as the seeds write them): the word a server value is shown as
 * in a sheet or an export, which the server reads back to the same value.
 */
export const POLARITY_WORD: Readonly<Record<string, string>> = {
  higher: 'maggiore',
  lower: 'minore',
  deadline: 'scadenza',
  boolean: 'SI/NO',
};
export const RULE_WORD: Readonly<Record<string, string>> = {
  ratio: 'rapporto',
  inverse: 'inverso',
  deadline: 'scadenza',
  boolean: 'boolean',
  bands: 'soglie',
  manual: 'manuale',
  project: 'progetto',
  monitoring: 'monitoraggio',
};

/** A column the user types into: always text ('@'), so that "3,25%" or a code like "1.10" stays what was typed. */
function inputColumn(column: Omit<LayoutColumn, 'kind' | 'numberFormat'>): LayoutColumn {
  const { key, it, en, list, width } = column;
  return { key, it, en, kind: 'input', numberFormat: '@', ...(list && { list }), width };
}

export const PLAN_LAYOUT: readonly LayoutColumn[] = [
  inputColumn({ key: 'level', it: 'Livello', en: 'Level', list: LEVEL_LIST, width: 18 }),
  inputColumn({ key: 'code', it: 'Cod.', en: 'Code', width: 9 }),
  inputColumn({ key: 'title', it: 'Titolo / Descrizione', en: 'Title', width: 48 }),
  inputColumn({ key: 'parentCode', it: 'Cod. padre', en: 'Parent code', width: 10 }),
  inputColumn({ key: 'weight', it: 'Peso', en: 'Weight', width: 8 }),
  inputColumn({ key: 'kpi', it: 'KPI', en: 'KPI', width: 36 }),
  inputColumn({ key: 'unit', it: 'Unità di misura', en: 'Unit', width: 10 }),
  inputColumn({ key: 'polarity', it: 'Polarità', en: 'Polarity', list: POLARITY_LIST, width: 11 }),
  inputColumn({ key: 'rule', it: 'Regola', en: 'Rule', list: RULE_LIST, width: 12 }),
  inputColumn({ key: 'target', it: 'Risultato atteso (target)', en: 'Target', width: 14 }),
  inputColumn({ key: 'thresholds', it: 'Soglie', en: 'Thresholds', width: 18 }),
  inputColumn({ key: 'futureTargets', it: 'Target anni successivi', en: 'Later targets', width: 20 }),
  inputColumn({ key: 'actual', it: 'Valore ottenuto', en: 'Actual', width: 14 }),
  inputColumn({ key: 'neutralised', it: 'Neutralizzato', en: 'Neutralised', list: YES_NO_LIST, width: 11 }),
  inputColumn({ key: 'neutralisationReason', it: 'Motivo neutralizzazione', en: 'Neutralisation reason', width: 24 }),
  inputColumn({ key: 'note', it: 'Note', en: 'Note', width: 24 }),
  inputColumn({ key: 'responsibleUnit', it: 'Unità responsabile', en: 'Responsible unit', width: 24 }),
  inputColumn({ key: 'dataSource', it: 'Fonte del dato', en: 'Data source', width: 24 }),
  { key: 'realization', it: '% Realizzazione', en: '% Realization', kind: 'output', numberFormat: '0.00%', width: 13 },
  { key: 'syncStatus', it: 'Stato sync', en: 'Sync status', kind: 'output', numberFormat: '@', width: 12 },
  { key: 'syncMessage', it: 'Messaggio', en: 'Message', kind: 'output', numberFormat: '@', width: 30 },
  { key: 'rowId', it: 'ID riga', en: 'Row id', kind: 'hidden', numberFormat: '@', width: 10 },
  { key: 'rowVersion', it: 'Versione riga', en: 'Row version', kind: 'hidden', numberFormat: '0', width: 8 },
  { key: 'rowHash', it: 'Impronta sync', en: 'Sync hash', kind: 'hidden', numberFormat: '@', width: 10 },
];

/**
 * The cruscotto columns of the sheet contract (docs/sheet-contract.md, "Cruscotti"): where a row appears in a Bergamo
 * plan's cruscotti. Headers are the contract's, which header recognition reads as cruscotto cells (header-synonyms.ts).
 * Not part of PLAN_LAYOUT (the plan table the workbook export writes): the add-in adds them to a table only when the
 * plan or the bound sheet has cruscotti (SHEET_LAYOUT), so a Sondrio or Brescia table keeps its shape.
 */
export const ENTRY_LEVEL_LIST = ENTRY_LEVEL_WORDS.it;
export const DASHBOARD_KIND_LIST = DASHBOARD_KIND_WORDS.it;

export const CRUSCOTTO_LAYOUT: readonly LayoutColumn[] = [
  inputColumn({ key: 'dashboard', it: 'Cruscotto', en: 'Dashboard', width: 30 }),
  inputColumn({
    key: 'dashboardKind',
    it: 'Tipo cruscotto',
    en: 'Dashboard kind',
    list: DASHBOARD_KIND_LIST,
    width: 16,
  }),
  inputColumn({ key: 'dashboardOwner', it: 'Responsabile cruscotto', en: 'Dashboard owner', width: 24 }),
  inputColumn({ key: 'position', it: 'Ordine', en: 'Order', width: 8 }),
  inputColumn({ key: 'entryLevel', it: 'Livello nel cruscotto', en: 'Entry level', list: ENTRY_LEVEL_LIST, width: 14 }),
  inputColumn({ key: 'entryWeight', it: 'Peso nel cruscotto', en: 'Entry weight', width: 10 }),
  inputColumn({ key: 'entryDataSource', it: 'Fonte nel cruscotto', en: 'Entry data source', width: 20 }),
  inputColumn({ key: 'actionLabel', it: 'Etichetta azione', en: 'Action label', width: 30 }),
];

/** The add-in's table: the plan table with the cruscotto columns after its last input column. */
export const SHEET_LAYOUT: readonly LayoutColumn[] = [
  ...PLAN_LAYOUT.filter((c) => c.kind === 'input'),
  ...CRUSCOTTO_LAYOUT,
  ...PLAN_LAYOUT.filter((c) => c.kind !== 'input'),
];

export function isCruscottoColumn(key: LayoutColumnKey): boolean {
  return CRUSCOTTO_LAYOUT.some((c) => c.key === key);
}

/** The columns of a table the add-in writes: with the cruscotto columns when its rows have cruscotti. */
export function sheetLayout(cruscotti: boolean): readonly LayoutColumn[] {
  return cruscotti ? SHEET_LAYOUT : PLAN_LAYOUT;
}

export type LayoutLanguage = 'it' | 'en';

export function layoutHeaders(language: LayoutLanguage): string[] {
  return PLAN_LAYOUT.map((column) => column[language]);
}

export function layoutColumn(key: LayoutColumnKey): LayoutColumn {
  const column = SHEET_LAYOUT.find((c) => c.key === key);
  if (!column) throw new Error(`no layout column ${key}`);
  return column;
}

/** Levels as the canonical table writes them (the server also reads the English words and OS/OO). */
export const LEVEL_LABEL = {
  perspective: 'prospettiva',
  strategic: 'obiettivo strategico',
  operational: 'obiettivo operativo',
  indicator: 'azione',
} as const;

export type ThresholdCell = { score: number; value: string };

/**
 * Thresholds in one cell, the way the seeds print them next to each other: "80%: 10; 60%: 8"
 * (reaching 10 earns 80%). Scores are written as percent points, values exactly as typed.
 */
export function formatThresholds(thresholds: readonly ThresholdCell[]): string {
  return thresholds.map((t) => `${percentText(t.score)}%: ${t.value}`).join('; ');
}

/**
 * Whether a threshold score can travel through a sheet cell exactly: between 0 and 1, and written without an
 * exponent (at least 0.0001%, or 0). A score such as 5e-324 came back as 0 after an export and re-import (issue 13,
 * finding 10), so it is refused where it comes in (THRESHOLD_SCORE) instead of being changed on the way back.
 */
export function thresholdScoreFits(score: number): boolean {
  return score >= 0 && score <= 1 && !/e/i.test(String(score));
}

/**
 * A score in percent points, exactly: the decimal point of the score's shortest text moved two places (0.6 → "60",
 * 1/3 → "33.33333333333333"), so that reading it back gives the same double; multiplying by 100 and rounding
 * did not (0.12345678 came back as 0.12345678000000001).
 */
function percentText(score: number): string {
  const text = String(score);
  if (/e/i.test(text)) return trimNumber(score * 100); // refused at entry (thresholdScoreFits): never stored by sync
  const [whole, fraction = ''] = text.split('.');
  const digits = `${whole}${fraction.slice(0, 2).padEnd(2, '0')}`.replace(/^(-?)0+(?=\d)/, '$1');
  const rest = fraction.slice(2);
  return rest ? `${digits}.${rest}` : digits;
}

export type CellParse<T> = { ok: true; value: T } | { ok: false; reason: string; reasonIt: string };

export function parseThresholds(text: string): CellParse<ThresholdCell[]> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: [] };
  const out: ThresholdCell[] = [];
  for (const part of trimmed.split(';')) {
    const match = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*[:=]\s*(.+?)\s*$/.exec(part);
    if (!match) {
      return {
        ok: false,
        reason: `"${part.trim()}" is not a threshold: write "80%: 10; 60%: 8"`,
        reasonIt: `"${part.trim()}" non è una soglia: scrivere "80%: 10; 60%: 8"`,
      };
    }
    // the decimal point moved back by the exponent, not a division: "12.345678" gives the double of 0.12345678
    out.push({ score: Number(`${match[1].replace(',', '.')}e-2`), value: match[2] });
  }
  return { ok: true, value: out };
}

export type FutureTargetCell = { year: number; value: string };

/** Targets of the plan's later years in one cell: "2023: 15; 2024: 20". */
export function formatFutureTargets(targets: readonly FutureTargetCell[]): string {
  return targets.map((t) => `${t.year}: ${t.value}`).join('; ');
}

export function parseFutureTargets(text: string): CellParse<FutureTargetCell[]> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: [] };
  const out: FutureTargetCell[] = [];
  for (const part of trimmed.split(';')) {
    const match = /^\s*((?:19|20)\d\d)\s*[:=]\s*(.+?)\s*$/.exec(part);
    if (!match) {
      return {
        ok: false,
        reason: `"${part.trim()}" is not a later target: write "2023: 15; 2024: 20"`,
        reasonIt: `"${part.trim()}" non è un target di anni successivi: scrivere "2023: 15; 2024: 20"`,
      };
    }
    out.push({ year: Number(match[1]), value: match[2] });
  }
  return { ok: true, value: out };
}

function trimNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
