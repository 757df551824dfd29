/**
 * The user's side of binding a seed-shaped sheet: one choice per sheet column (which plan column it holds, and for
 * which level), turned back into the header readings the importer works with. A seed table repeats "cod.",
 * "titolo" and "peso" once per level, so a choice per plan column (one header each) cannot describe it: the
 * choice is per sheet column, and the reading's year, threshold score and checkpoint stay with the header.
 */
import type { HeaderMatch } from '@core/sheet/headers';
import { isCruscottoColumn, type LayoutColumnKey } from '@core/sheet/layout';
import { CRUSCOTTO_COLUMNS, type CruscottoColumnKey } from '@core/sheet/row';
import type { SheetLevel } from '@core/sheet/row';
import type { MappingProposal } from './types';

export type ColumnChoice = { column: LayoutColumnKey | null; level: SheetLevel | null };

export const CHOICE_LEVELS: readonly SheetLevel[] = ['perspective', 'strategic', 'operational', 'indicator'];

/** the sheet columns the user is asked about: every column with a header */
export function choosableColumns(proposal: MappingProposal): HeaderMatch[] {
  return proposal.matches.filter((m) => m.header.trim() !== '');
}

/** what the proposal says each sheet column holds, as the user sees it before changing anything */
export function proposedChoice(match: HeaderMatch): ColumnChoice {
  return { column: match.column, level: match.level };
}

/**
 * The readings the bind uses: a column the user left as proposed keeps the importer's reading whole; a changed one
 * takes the user's column and level and keeps what its header says about year, score and checkpoint.
 */
export function matchesFromChoices(
  proposal: MappingProposal,
  choices: ReadonlyMap<number, ColumnChoice>,
): HeaderMatch[] {
  return proposal.matches.map((auto) => {
    const choice = choices.get(auto.index);
    if (!choice || (choice.column === auto.column && choice.level === auto.level)) return auto;
    return {
      ...auto,
      column: choice.column,
      level: choice.level,
      // a column the user took out is not reported as an extra either: the user has seen it
      extra: choice.column ? null : auto.extra,
      score: choice.column === 'thresholds' ? auto.score : null,
      confidence: choice.column ? 1 : 0,
      evidence: choice.column ? 'chosen by the user' : 'left out by the user',
    };
  });
}

/**
 * A sheet with an indicator column and no title or code column (a Brescia objective card: "Indicatore 1: numero
 * dipendenti in smart working") names each indicator in that column: it is the indicator's title, as the Brescia
 * importer reads it. Where a title column exists (Bergamo: "Azione | Indicatore"), the indicator column is the KPI.
 */
export function titleFromIndicatorColumn(matches: HeaderMatch[]): HeaderMatch[] {
  if (matches.some((m) => m.column === 'title' || m.column === 'code')) return matches;
  const kpis = matches.filter((m) => m.column === 'kpi');
  if (kpis.length !== 1 || !/indicator/i.test(kpis[0].header)) return matches;
  return matches.map((m) =>
    m === kpis[0]
      ? {
          ...m,
          column: 'title',
          level: 'indicator',
          evidence: `${m.evidence}; no title column: "${m.header}" names each indicator (its title)`,
        }
      : m,
  );
}

const isCruscottoExtra = (extra: HeaderMatch['extra']): extra is CruscottoColumnKey =>
  extra != null && (CRUSCOTTO_COLUMNS as readonly string[]).includes(extra);

/**
 * The cruscotto columns a header names ("Cruscotto", "Ordine", "Etichetta azione"…) are columns of the add-in's
 * table (core/sheet/layout.ts, CRUSCOTTO_LAYOUT), so the pane proposes them as any other plan column, to confirm or
 * change; the header reading calls them extras (the plan table has no such column).
 */
export function cruscottoAsColumns(matches: HeaderMatch[]): HeaderMatch[] {
  return matches.map((m) => (!m.column && isCruscottoExtra(m.extra) ? { ...m, column: m.extra } : m));
}

/**
 * The readings as the shared mapped-sheet reader takes them: a column the user left (or chose) as a cruscotto column
 * is a cruscotto extra again; a header read as one that the user took out carries nothing.
 */
export function cruscottoAsExtras(matches: HeaderMatch[]): HeaderMatch[] {
  return matches.map((m) => {
    if (m.column && isCruscottoColumn(m.column)) return { ...m, column: null, extra: m.column as CruscottoColumnKey };
    if (!m.column && isCruscottoExtra(m.extra)) return { ...m, extra: null };
    return m;
  });
}
