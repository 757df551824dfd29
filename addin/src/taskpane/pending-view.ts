/**
 * The pane's side of "edits visible at once": it listens to the bound table's change events and, after a short
 * pause that gathers a burst of typing into one pass, has the session mark what was typed and count what a Sync
 * would send, and shows that count. Events are only hints: while an operation runs nothing is marked, and every
 * operation ends with a pass of its own, which also catches what no event reported (paste, undo, a closed pane).
 */
import { format, messages, type Language } from '../i18n';
import type { WorkbookSession } from '../sync/session';
import { byId } from './dom';

/** long enough to gather one typed cell's events, short enough to feel immediate */
const GATHER_MS = 120;

export class PendingView {
  private table: string | null = null;
  private unwatch: (() => Promise<void>) | null = null;
  private readonly touched = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** passes queued or running */
  private passes = 0;
  /** rows a Sync would send, as last counted */
  count = 0;

  constructor(
    private readonly session: WorkbookSession,
    private readonly language: Language,
    private readonly busy: () => boolean,
  ) {}

  /** follows the bound table (Load and binding change it), then marks and counts */
  async follow(): Promise<void> {
    const table = this.session.binding?.table ?? null;
    if (table !== this.table) {
      const unwatch = this.unwatch;
      this.unwatch = null;
      this.table = table;
      await unwatch?.().catch(() => undefined);
      // a host without table events still gets its count after every operation
      if (table) this.unwatch = await this.session.watchEdits((rows) => this.hint(rows)).catch(() => null);
    }
    await this.settle();
  }

  /**
   * Before an operation: waits for a running pass (the two must not write the sheet at once) and drops the hints
   * gathered so far, which the operation itself takes care of; a hint kept would, say, re-mark a row the Sync has
   * just refused for the very edit it was sent with.
   */
  async begin(): Promise<void> {
    await this.queue;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.touched.clear();
    this.showBusy();
  }

  /** one pass now, after any pass already running */
  settle(): Promise<void> {
    this.passes++;
    this.showBusy();
    this.queue = this.queue
      .then(() => this.pass())
      .finally(() => {
        this.passes--;
        this.showBusy();
      });
    return this.queue;
  }

  /**
   * aria-busy on the count while an edit is being gathered or marked: the count is about to change, and the pane
   * is writing the sheet (marks, with the protection lifted for the write and put back after it). Screen readers
   * wait for it; so do the scenarios, before a user's step that the pass would undo (lifting the protection).
   */
  private showBusy(): void {
    byId('pending').setAttribute('aria-busy', String(this.timer !== null || this.passes > 0));
  }

  private hint(rows: number[] | 'unknown'): void {
    // Excel delivers change events after the fact: the event of a cell typed just before Sync may arrive while the
    // Sync runs. Kept, it would re-mark after the Sync the very row the Sync just answered (a partly refused row
    // showed "DA INVIARE" again, now and then); dropped, nothing is lost: the operation's own closing pass counts
    // from the row hashes.
    if (this.busy()) return;
    if (rows !== 'unknown') for (const row of rows) this.touched.add(row);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.busy()) void this.settle();
      else this.showBusy();
    }, GATHER_MS);
    this.showBusy();
  }

  private async pass(): Promise<void> {
    if (!this.session.binding) return this.render(0);
    const touched = [...this.touched];
    this.touched.clear();
    try {
      this.render((await this.session.markPending(touched)).pending);
    } catch {
      // the table is gone or unreadable: the next operation says why; a stale count would mislead
      this.render(0);
    }
  }

  private render(count: number): void {
    this.count = count;
    const line = byId('pending');
    line.hidden = count === 0;
    line.textContent = count ? format(messages[this.language].ui.toSend, { count }) : '';
  }
}
