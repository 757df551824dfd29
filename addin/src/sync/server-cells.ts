/**
 * A server row as the sheet shows it: every input cell as the text the server keeps (what was typed), the parent as
 * its code, the realization as a fraction. The inverse of outgoing.ts, so a loaded row hashes as clean.
 */
import {
  LEVEL_LABEL,
  POLARITY_WORD,
  RULE_WORD,
  formatFutureTargets,
  formatThresholds,
  type LayoutColumnKey,
} from '@core/sheet/layout';
import { dashboardKindWord, entryLevelWord } from '@core/sheet/layout-cruscotti';
import { DashboardKind, EntryLevel } from '@core/vocabulary/enums';
import type * as Wire from '../api/generated';
import type { RealizationView, ServerRow, ServerRowFields } from '../api/types';
import { messages, type Language } from '../i18n';
import type { Cell } from '../workbook/port';
import type { Inputs } from './columns';
import { rowHash } from './hash';
import { isScoreReason, scoreReason } from './score-reason';

const word = (table: Readonly<Record<string, string>>, value: string | null) =>
  value ? (table[value.toLowerCase()] ?? value) : '';

/**
 * The contract's words for a cruscotto's kind and an entry's level: core/sheet/layout-cruscotti.ts's, which the
 * server's export writes too and core/sheet/vocabulary.ts reads back. GraphQL sends the enum's name (SECRETARY_GENERAL),
 * the core's words are keyed by the stored value (sg); a name this add-in does not know is shown as it came.
 */
const kindWord = (name: Wire.DashboardKind) => dashboardKindWord(DashboardKind[name] ?? name, 'it');
const entryLevelWordOf = (name: Wire.EntryLevel) => entryLevelWord(EntryLevel[name] ?? name, 'it');

/** where a row read with `dashboards` appears: absent on a plan row, and on rows read without cruscotti */
export type CruscottoFields = Partial<
  Pick<
    ServerRow,
    | 'actionLabel'
    | 'dashboard'
    | 'dashboardKind'
    | 'dashboardOwner'
    | 'position'
    | 'entryLevel'
    | 'entryWeight'
    | 'entryDataSource'
  >
>;

const LEVEL_OF = {
  PERSPECTIVE: 'perspective',
  STRATEGIC: 'strategic',
  OPERATIONAL: 'operational',
  INDICATOR: 'indicator',
} as const;

/** the name a child's "Cod. padre" uses for this row: its code, or a perspective's title (perspectives rarely have codes) */
export function referenceName(row: { level: ServerRow['level']; code: string | null; title: string }): string {
  return row.code?.trim() || (row.level === 'PERSPECTIVE' ? row.title : '');
}

/** weights travel as text the server reads back to the same number: 33.33 → "33,33" */
export function weightText(weight: number | null): string {
  return weight === null ? '' : String(weight).replace('.', ',');
}

export function serverInputs(row: ServerRowFields & CruscottoFields, parentName: string): Inputs {
  const indicator = row.level === 'INDICATOR';
  const shown = !!row.dashboard;
  return {
    level: LEVEL_LABEL[LEVEL_OF[row.level]],
    code: row.code ?? '',
    title: row.title,
    parentCode: parentName,
    weight: weightText(row.weight),
    kpi: row.kpi ?? '',
    unit: indicator ? (row.unit ?? '') : '',
    polarity: indicator ? word(POLARITY_WORD, row.polarity) : '',
    rule: indicator ? word(RULE_WORD, row.rule) : '',
    target: row.target?.raw ?? '',
    thresholds: formatThresholds(row.thresholds.map((t) => ({ score: t.score, value: t.value.raw }))),
    futureTargets: formatFutureTargets(row.futureTargets.map((f) => ({ year: f.year, value: f.value.raw }))),
    actual: row.actual?.raw ?? '',
    neutralised: indicator ? (row.neutralised ? 'SI' : 'NO') : '',
    neutralisationReason: row.neutralisationReason ?? '',
    note: row.note ?? '',
    responsibleUnit: row.responsibleUnits.join('; '),
    dataSource: indicator ? (row.dataSource ?? '') : '',
    dashboard: row.dashboard ?? '',
    dashboardKind: shown && row.dashboardKind ? kindWord(row.dashboardKind) : '',
    dashboardOwner: shown ? (row.dashboardOwner ?? '') : '',
    position: shown && row.position != null ? String(row.position) : '',
    entryLevel: shown && row.entryLevel ? entryLevelWordOf(row.entryLevel) : '',
    entryWeight: shown && row.entryWeight != null ? weightText(row.entryWeight) : '',
    entryDataSource: shown ? (row.entryDataSource ?? '') : '',
    actionLabel: indicator ? (row.actionLabel ?? '') : '',
  };
}

export function realizationCell(realization: { score: number | null } | null | undefined): Cell {
  return realization && typeof realization.score === 'number' ? realization.score : '';
}

type Score = Parameters<typeof scoreReason>[0] & Partial<Pick<RealizationView, 'display' | 'text'>>;

/** a message the score may replace: none, a former reason (score-reason.ts), a provisional score's flag */
function replaceable(message: string | undefined): boolean {
  if (!message || isScoreReason(message)) return true;
  return [messages.it.sync, messages.en.sync].some((m) => message === m.provisional || message === m.provisionalHere);
}

/**
 * The cells a server score fills on a row: the number in "% Realizzazione" (empty without one: a number column keeps
 * no text) and, in "Messaggio", why there is none (score-reason.ts says why there). `message` is what the row says
 * now: a message of the sync (refused, conflict) stays; `undefined` when the caller is resetting the message anyway.
 */
export function scoreCells(
  realization: Score | null | undefined,
  language: Language,
  message?: string,
): { realization: Cell; syncMessage?: string } {
  const cells: { realization: Cell; syncMessage?: string } = { realization: realizationCell(realization) };
  if (replaceable(message)) cells.syncMessage = scoreReason(realization, language);
  return cells;
}

/** every layout cell of a loaded row, hidden bookkeeping included; "Messaggio" says why a row has no score */
export function serverCells(
  row: ServerRow,
  parentName: string,
  status: string,
  language: Language,
): Record<LayoutColumnKey, Cell> {
  const inputs = serverInputs(row, parentName);
  return {
    ...inputs,
    realization: realizationCell(row.realization),
    syncStatus: status,
    syncMessage: scoreReason(row.realization, language),
    rowId: row.rowId,
    rowVersion: row.rowVersion,
    rowHash: rowHash(inputs),
  };
}

/** parent names of all rows, by row id: what the "Cod. padre" column shows */
export function parentNames(
  rows: readonly ServerRow[],
  known: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const nameOf = new Map(known);
  for (const row of rows) nameOf.set(row.rowId, referenceName(row));
  const out = new Map<string, string>();
  for (const row of rows) out.set(row.rowId, row.parentId ? (nameOf.get(row.parentId) ?? '') : '');
  return out;
}
