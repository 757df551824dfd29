/**
 * The "bind this sheet" table of the pane: one row per column of the user's sheet, with the plan column it holds
 * and the level it belongs to, both proposed by the header reading and both changeable. What the user leaves
 * untouched is bound exactly as proposed (the importer's reading, with years and threshold scores).
 */
import { SHEET_LAYOUT, type LayoutColumnKey } from '@core/sheet/layout';
import type { HeaderMatch } from '@core/sheet/headers';
import type { SheetLevel } from '@core/sheet/row';
import { bindingWords } from '../binding-words';
import { format, type Language } from '../i18n';
import {
  CHOICE_LEVELS,
  choosableColumns,
  matchesFromChoices,
  proposedChoice,
  type ColumnChoice,
} from '../sync/mapping';
import type { MappingProposal } from '../sync/types';
import { element, options } from './dom';

export function mappingRows(proposal: MappingProposal, language: Language, none: string): HTMLTableRowElement[] {
  const words = bindingWords[language];
  const fields = [
    { value: '', label: none },
    ...SHEET_LAYOUT.filter((c) => c.kind === 'input').map((c) => ({ value: c.key, label: c[language] })),
  ];
  const levels = [
    { value: '', label: words.mappingAnyLevel },
    ...CHOICE_LEVELS.map((l) => ({ value: l, label: words.levels[l] })),
  ];
  return choosableColumns(proposal).map((match) => {
    const proposed = proposedChoice(match);
    const field = element('select', {
      class: 'mapping-field',
      'aria-label': format(words.mappingFieldOf, { header: match.header }),
    });
    options(field, fields, proposed.column ?? '');
    const level = element('select', {
      class: 'mapping-level',
      'aria-label': format(words.mappingLevelOf, { header: match.header }),
    });
    options(level, levels, proposed.level ?? '');
    const row = element('tr', {
      'data-index': String(match.index),
      'data-header': match.header,
      title: matchNote(match, language),
    });
    const name = element('th', { scope: 'row' }, match.header);
    const cells = [element('td'), element('td')];
    cells[0].append(field);
    cells[1].append(level);
    row.append(name, ...cells);
    return row;
  });
}

/** the readings as the user left them in the rows */
export function chosenMatches(proposal: MappingProposal, rows: HTMLElement): HeaderMatch[] {
  const choices = new Map<number, ColumnChoice>();
  for (const row of Array.from(rows.querySelectorAll<HTMLTableRowElement>('tr[data-index]'))) {
    const field = row.querySelector<HTMLSelectElement>('select.mapping-field')!.value;
    const level = row.querySelector<HTMLSelectElement>('select.mapping-level')!.value;
    choices.set(Number(row.dataset.index), {
      column: (field || null) as LayoutColumnKey | null,
      level: (level || null) as SheetLevel | null,
    });
  }
  return matchesFromChoices(proposal, choices);
}

/**
 * What the header reading found, as the row's tooltip in the pane's language: the reading's own evidence is the
 * importer's English note for developers, never shown in an Italian pane.
 */
export function matchNote(match: HeaderMatch, language: Language): string {
  const words = bindingWords[language];
  if (!match.column && !match.extra) return words.noteNone;
  const parts = [format(words.noteRead, { percent: Math.round(match.confidence * 100) })];
  if (match.level) parts.push(format(words.noteLevel, { level: words.levels[match.level] }));
  if (match.year) parts.push(format(words.noteYear, { year: match.year }));
  if (match.score !== null) parts.push(format(words.noteScore, { score: Math.round(match.score * 1000) / 10 }));
  if (match.checkpoint) parts.push(format(words.noteCheckpoint, { checkpoint: match.checkpoint }));
  return parts.join('; ');
}
