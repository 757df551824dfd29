/**
 * The preview before a Sync sends (issue 18, item 4): with "Mostra le modifiche prima di inviare" ticked, Sync (the
 * pane's button, the ribbon's and its shortcut alike) first lists the rows it would send, cell by cell as the server
 * has them → as the sheet has them, with the problems the shared parser sees; "Solo errori" keeps the rows with
 * problems; Invia sends (the pane's own Sync), Annulla leaves sheet and server as they are.
 */
import { format } from '../i18n';
import type { PreviewRow, SyncPreview } from '../sync/preview';
import type { WorkbookSession } from '../sync/session';
import { byId, element, onClicks, setTexts } from './dom';
import { previewWords, type PreviewWords } from './preview-words';

/** the workbook setting that keeps the preview choice (per workbook, not per binding) */
export const PREVIEW_FIRST = 'cruscotto.previewFirst';

export class PreviewView {
  private readonly words: PreviewWords;
  private shown: SyncPreview | null = null;

  constructor(
    private readonly session: WorkbookSession,
    /** send: the pane's Sync, without a second preview; say: the pane's summary line */
    pane: { send: () => Promise<void>; say: (text: string) => void },
  ) {
    this.words = previewWords[session.language];
    setTexts({
      'preview-first-label': this.words.previewFirst,
      'preview-heading': this.words.heading,
      'preview-errors-only-label': this.words.errorsOnly,
      'preview-send': this.words.send,
      'preview-cancel': this.words.cancel,
    });
    byId('preview-errors-only').addEventListener('change', () => this.render());
    onClicks({
      'preview-send': () => {
        this.close();
        void pane.send();
      },
      'preview-cancel': () => {
        this.close();
        pane.say(this.words.cancelled);
      },
    });
  }

  /** the choice "Mostra le modifiche prima di inviare" as the workbook remembers it, and kept there when changed */
  async remember(): Promise<void> {
    const port = this.session.options.workbook;
    const box = byId<HTMLInputElement>('preview-first');
    box.checked = (await port.getSetting(PREVIEW_FIRST).catch(() => null)) === 'true';
    box.addEventListener(
      'change',
      () => void port.setSetting(PREVIEW_FIRST, box.checked ? 'true' : null).catch(() => undefined),
    );
  }

  /** whether Sync shows the changes first */
  wanted(): boolean {
    return byId<HTMLInputElement>('preview-first').checked;
  }

  /** reads what a Sync would send and lists it; returns the pane's summary line */
  async show(): Promise<string> {
    const preview = await this.session.previewSync();
    if (!preview.rows.length) {
      this.close();
      return this.words.nothing;
    }
    this.shown = preview;
    byId<HTMLInputElement>('preview-errors-only').checked = false;
    this.render();
    byId('preview').hidden = false;
    const problems = preview.rows.filter((r) => r.problems.length > 0).length;
    const counted = format(this.words.counted, { rows: preview.rows.length, problems });
    return preview.serverKnown ? counted : `${counted} ${this.words.offline}`;
  }

  private close(): void {
    this.shown = null;
    byId('preview').hidden = true;
    byId('preview-rows').replaceChildren();
  }

  private render(): void {
    const preview = this.shown;
    if (!preview) return;
    const onlyErrors = byId<HTMLInputElement>('preview-errors-only').checked;
    const rows = onlyErrors ? preview.rows.filter((r) => r.problems.length > 0) : preview.rows;
    byId('preview-offline').hidden = preview.serverKnown;
    byId('preview-offline').textContent = preview.serverKnown ? '' : this.words.offline;
    byId('preview-rows').replaceChildren(
      ...(rows.length ? rows.map((row) => this.item(row)) : [element('li', { class: 'empty' }, this.words.noErrors)]),
    );
  }

  private item(row: PreviewRow): HTMLLIElement {
    const item = element('li', {
      class: row.problems.length ? 'preview-row has-problems' : 'preview-row',
      'data-name': row.name,
      'data-kind': row.kind,
    });
    item.append(element('strong', {}, format(this.words.rowName, { name: row.name, kind: this.words[row.kind] })));
    if (row.title && row.title !== row.name) item.append(element('p', { class: 'note' }, row.title));
    if (row.cells.length) {
      const table = element('table', { class: 'conflict-cells preview-cells' });
      const head = element('tr');
      head.append(
        element('th', { scope: 'col' }, this.words.column),
        element('th', { scope: 'col' }, this.words.before),
        element('th', { scope: 'col' }, this.words.after),
      );
      table.append(head);
      for (const cell of row.cells) {
        const line = element('tr', { 'data-key': cell.key });
        line.append(
          element('th', { scope: 'row' }, cell.column),
          element('td', {}, cell.before === null ? this.words.unknown : cell.before || this.words.empty),
          element('td', {}, cell.after || this.words.empty),
        );
        table.append(line);
      }
      item.append(table);
    }
    if (row.problems.length) {
      const list = element('ul', { class: 'preview-problems', 'aria-label': this.words.problems });
      for (const p of row.problems) {
        const entry = element('li', { 'data-key': p.key });
        entry.append(element('strong', {}, `${p.column}: `), document.createTextNode(p.message));
        list.append(entry);
      }
      item.append(list);
    }
    return item;
  }
}
