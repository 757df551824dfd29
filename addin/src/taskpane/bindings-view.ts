/**
 * The workbook's bindings in the pane (issue 18, item 7): the list, the active one marked (the binding of the sheet
 * the user has selected, so the pane's buttons and the ribbon's commands act on that sheet's table), "Nuovo
 * collegamento" and "Scollega". Which sheet is selected is asked of the host before every operation and, while the
 * workbook has a binding, once a second (Excel's own activation event is not in every host the pane runs in).
 */
import { format, messages, type Language } from '../i18n';
import type { WorkbookSession } from '../sync/session';
import { byId, element, onClicks, setTexts } from './dom';
import { bindingsWords } from './bindings-words';

const FOLLOW_MS = 1000;

export type BindingsHost = {
  session: WorkbookSession;
  language: Language;
  activeSheetName(): Promise<string>;
  busy(): boolean;
  /** runs an operation of the pane (one at a time, its outcome in the summary) */
  operate(work: () => Promise<string>): Promise<void>;
  /** the active binding changed: the pane shows that binding's errors, conflicts and pending rows */
  switched(): Promise<void>;
};

export class BindingsView {
  private readonly words: (typeof bindingsWords)['it'];
  /** the sheet selected when last asked: a new binding being made stays active until the user selects another */
  private lastSheet: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly host: BindingsHost) {
    this.words = bindingsWords[host.language];
    setTexts({
      'bindings-heading': this.words.heading,
      'binding-add': this.words.add,
      'binding-remove': this.words.remove,
    });
    onClicks({ 'binding-add': () => void this.add(), 'binding-remove': () => void this.remove() });
  }

  /**
   * Makes the selected sheet's binding the active one; returns whether it changed. A new binding not yet loaded
   * stays active while the user stays on the same sheet (else Carica would rewrite the sheet's own binding).
   */
  async follow(inOperation = true): Promise<boolean> {
    const sheet = await this.host.activeSheetName().catch(() => null);
    // outside an operation, one that started meanwhile keeps its binding to the end (its outcome is saved to it)
    if (sheet === null || (!inOperation && this.host.busy())) return false;
    const moved = sheet !== this.lastSheet;
    this.lastSheet = sheet;
    if (!this.host.session.binding && !moved) return false;
    return this.host.session.activate(sheet);
  }

  render(): void {
    const { session } = this.host;
    const ui = messages[this.host.language].ui;
    const active = session.binding;
    const items = session.bindings.map((b) => {
      const text = format(this.words.item, {
        sheet: b.sheet,
        plan: b.planLabel,
        year: b.year,
        checkpoint: ui[b.checkpoint],
      });
      const whose = b.scope ? format(this.words[b.scope.kind], { name: b.scope.name }) : this.words.whole;
      const item = element('li', { 'data-table': b.table, 'data-sheet': b.sheet });
      // a click on a binding brings its sheet to the front, as a click on the sheet's tab would
      const show = element('button', { type: 'button', class: 'link binding-show', title: this.words.show }, text);
      show.addEventListener('click', () => void this.show(b.table, b.sheet));
      item.append(show, element('span', { class: 'binding-scope' }, ` · ${whose}`));
      if (b === active) {
        item.setAttribute('aria-current', 'true');
        item.append(element('strong', { class: 'active-mark' }, ` · ${this.words.active}`));
      }
      return item;
    });
    if (!active && items.length)
      items.push(element('li', { 'aria-current': 'true', class: 'fresh' }, this.words.fresh));
    byId('binding-list').replaceChildren(...items);
    byId('bindings').hidden = session.bindings.length === 0;
    byId<HTMLButtonElement>('binding-add').disabled = this.host.busy() || !active;
    byId<HTMLButtonElement>('binding-remove').disabled = this.host.busy() || !active;
    this.watch(session.bindings.length > 0);
  }

  /** the user clicked a binding in the list: its sheet is activated in the workbook, and with it the binding */
  private async show(table: string, sheet: string): Promise<void> {
    await this.host.operate(async () => {
      await this.host.session.showBinding(table);
      this.lastSheet = sheet;
      return format(this.words.switched, { sheet });
    });
    await this.host.switched();
  }

  private async add(): Promise<void> {
    await this.host.operate(async () => {
      this.host.session.addBinding();
      return this.words.added;
    });
  }

  private async remove(): Promise<void> {
    const table = this.host.session.binding?.table;
    if (!table) return;
    await this.host.operate(async () => {
      await this.host.session.unbind();
      return format(this.words.removed, { table });
    });
  }

  /** while the workbook has a binding, the selected sheet is looked at once a second */
  private watch(on: boolean): void {
    if (on && !this.timer) {
      this.timer = setInterval(() => {
        if (this.host.busy()) return;
        void this.follow(false).then((changed) => (changed ? this.host.switched() : undefined));
      }, FOLLOW_MS);
    } else if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
