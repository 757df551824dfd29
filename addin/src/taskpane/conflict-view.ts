/**
 * A conflict in the pane. A row with a merge base (issue 18, item 5) lists only the cells changed here and on the
 * server, each with mine, theirs, who changed theirs and when (the row's history), and its own "Tengo la mia" /
 * "Prendo la loro"; the cells only one side changed were merged already. A row without a base (a workbook from
 * before it) shows every differing cell and one choice for the whole row.
 */
import { format, messages, type Language } from '../i18n';
import type { CellConflict } from '../sync/merge';
import type { ConflictChoice, ConflictRecord } from '../sync/types';
import { SHEET_LAYOUT, type LayoutColumnKey } from '@core/sheet/layout';
import { element } from './dom';
import { timeFormat } from './insight-lines';

export type Resolve = (conflict: ConflictRecord, choice: ConflictChoice, cell?: CellConflict) => void;

export function conflictItem(conflict: ConflictRecord, language: Language, resolve: Resolve): HTMLLIElement {
  const ui = messages[language].ui;
  const item = element('li', { 'data-row-id': conflict.rowId });
  const heading = conflict.cells ? ui.conflictCellsItem : ui.conflictItem;
  item.append(
    element(
      'strong',
      {},
      format(heading, { code: conflict.code ?? '', title: conflict.title, who: conflict.changedBy ?? '?' }),
    ),
  );
  const table = element('table', { class: 'conflict-cells' });
  const head = element('tr');
  head.append(
    element('th', { scope: 'col' }),
    element('th', { scope: 'col' }, ui.mineLabel),
    element('th', { scope: 'col' }, ui.theirsLabel),
  );
  table.append(head);
  const name = (key: LayoutColumnKey) => SHEET_LAYOUT.find((c) => c.key === key)?.[language] ?? key;
  if (conflict.cells) {
    const when = timeFormat(language);
    for (const cell of conflict.cells)
      table.append(...cellRows(conflict, cell, name(cell.key), when, language, resolve));
  } else {
    const keys = new Set([...Object.keys(conflict.mine), ...Object.keys(conflict.theirs)] as LayoutColumnKey[]);
    for (const key of keys) {
      if ((conflict.mine[key] ?? '') === (conflict.theirs[key] ?? '')) continue;
      const row = element('tr');
      row.append(
        element('th', { scope: 'row' }, name(key)),
        element('td', {}, conflict.mine[key] ?? ''),
        element('td', {}, conflict.theirs[key] ?? ''),
      );
      table.append(row);
    }
  }
  item.append(table);
  const buttons = element('div', { class: 'buttons' });
  if (conflict.cells) buttons.append(element('span', {}, ui.wholeRow));
  for (const choice of ['mine', 'theirs'] as const) {
    const button = element('button', { type: 'button', 'data-choice': choice }, ui[choice]);
    button.addEventListener('click', () => resolve(conflict, choice));
    buttons.append(button);
  }
  item.append(buttons);
  return item;
}

/** a conflicting cell: its values, who changed theirs and when, and its own two buttons (or the choice made) */
function cellRows(
  conflict: ConflictRecord,
  cell: CellConflict,
  header: string,
  when: Intl.DateTimeFormat,
  language: Language,
  resolve: Resolve,
): HTMLTableRowElement[] {
  const ui = messages[language].ui;
  const values = element('tr', { 'data-cell': cell.key });
  values.append(element('th', { scope: 'row' }, header), element('td', {}, cell.mine), element('td', {}, cell.theirs));
  const who = element('tr', { class: 'conflict-who', 'data-cell': cell.key });
  const changed = format(ui.cellChangedBy, {
    who: cell.changedBy ?? '?',
    when: cell.changedAt ? when.format(new Date(cell.changedAt)) : '?',
  });
  const actions = element('td', { colspan: '3' });
  actions.append(element('span', { class: 'changed-by' }, changed));
  if (cell.choice)
    actions.append(element('span', { class: 'choice' }, ui[cell.choice === 'mine' ? 'choseMine' : 'choseTheirs']));
  else
    for (const choice of ['mine', 'theirs'] as const) {
      const button = element(
        'button',
        { type: 'button', 'data-choice': choice, 'data-cell': cell.key, 'aria-label': `${header}: ${ui[choice]}` },
        ui[choice],
      );
      button.addEventListener('click', () => resolve(conflict, choice, cell));
      actions.append(button);
    }
  who.append(actions);
  return [values, who];
}
