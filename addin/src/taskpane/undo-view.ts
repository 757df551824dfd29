/**
 * "Annulla l'ultimo invio" (issue 18, item 6): the server undoes the last Sync's batches (newest first) from its
 * audit trail, then the pane's own Refresh writes the values put back into the sheet. When a row changed since, the
 * server undoes nothing and the pane lists each such row with who changed it and why, in the pane's language.
 */
import { CruscottoClient, type FetchLike } from '../api/client';
import { ApiError, OfflineError } from '../api/errors';
import { UNDO_SYNC_BATCH } from '../api/insight-queries';
import { format, type Language } from '../i18n';
import { keepToUndo, readLastSend } from '../sync/last-send';
import type { WorkbookSession } from '../sync/session';
import { byId, element, onClicks, setTexts } from './dom';
import { undoWords, type UndoWords } from './undo-words';

export type UndoOptions = {
  session: () => WorkbookSession | null;
  /** the pane's Refresh: brings the values put back into the sheet */
  pane: { refresh(): Promise<void>; followSheet?(): Promise<void> };
  fetch: FetchLike;
  language: Language;
  workbookName?: string;
};

type Refusal = { rowId: string; code: string | null; reasonIt: string; reason: string };

export class UndoView {
  private readonly words: UndoWords;
  private running = false;

  constructor(private readonly options: UndoOptions) {
    this.words = undoWords[options.language];
    setTexts({ 'undo-send': this.words.undo });
    onClicks({ 'undo-send': () => void this.undo() });
  }

  async undo(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.show(this.words.working);
    try {
      // the last send of the selected sheet's binding
      await this.options.pane.followSheet?.();
      const session = this.options.session();
      const binding = session?.binding;
      const target = session?.liveTarget;
      if (!session || !binding) return this.show(this.words.nothing);
      if (!target) return this.show(this.words.notConnected, true);
      const port = session.options.workbook;
      const last = await readLastSend(port, binding);
      if (!last) return this.show(this.words.nothing);
      const client = new CruscottoClient({
        serverUrl: target.serverUrl,
        token: target.token,
        fetch: this.options.fetch,
      });
      const left = [...last.keys];
      const rows = new Set<string>();
      while (left.length) {
        const batchKey = left[left.length - 1];
        const { undoSyncBatch: answer } = await client.request(UNDO_SYNC_BATCH, {
          input: {
            planId: binding.planId,
            batchKey,
            year: binding.year,
            checkpoint: binding.checkpoint,
            source: { kind: 'ADDIN', workbook: this.options.workbookName?.slice(0, 140) ?? null, sheet: binding.sheet },
          },
        });
        if (!answer.undone) {
          await keepToUndo(port, last, left);
          return this.show(this.words.refused, true, answer.refusals);
        }
        for (const id of answer.rowIds) rows.add(id);
        left.pop();
      }
      await keepToUndo(port, last, []);
      // the values put back reach the sheet as a colleague's change would: Refresh, never over an edit not sent
      await this.options.pane.refresh();
      this.show(format(this.words.done, { rows: rows.size }));
    } catch (error) {
      const message =
        error instanceof OfflineError || error instanceof ApiError
          ? error.text(this.options.language)
          : String(error instanceof Error ? error.message : error);
      this.show(format(this.words.failed, { message }), true);
    } finally {
      this.running = false;
    }
  }

  private show(text: string, isError = false, refusals: readonly Refusal[] = []): void {
    byId('undo').hidden = false;
    const status = byId('undo-status');
    status.className = isError ? 'status error' : 'status';
    status.textContent = text;
    byId('undo-refusals').replaceChildren(
      ...refusals.map((r) => {
        const text = this.options.language === 'it' ? r.reasonIt : `${r.reasonIt} · ${r.reason}`;
        return element('li', { 'data-row-id': r.rowId, 'data-code': r.code ?? '' }, text);
      }),
    );
  }
}
