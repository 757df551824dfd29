/**
 * The one façade the task pane calls. Holds a WorkbookPort and an injected fetch; every workbook change goes
 * through the port, every server call through the GraphQL client. What must survive closing the workbook (the
 * bindings, per-row hashes and versions, open conflicts, the error list) lives in the workbook itself; the token
 * does not (the pane keeps it in partitioned storage and passes it to connect()). A workbook may hold several
 * bindings (slots.ts): every operation acts on the active one, which the pane sets from the selected sheet
 * (activate); the state, the connection and the storing of what an operation learnt are in session-core.ts.
 *
 * Deleting a plan row: type ELIMINA (or DELETE) in the "Sync status" column, then Sync. Rows that disappear from
 * the sheet never delete anything on the server.
 */
import type { HeaderMatch } from '@core/sheet/headers';
import type { FetchLike } from '../api/client';
import type { LiveTarget, PlanChange } from '../api/live';
import { isNews, type Reported } from './live-news';
import { messages } from '../i18n';
import { bindSheet, proposeFromValues } from './bind';
import { readPlanTable, TableMissingError } from './context';
import { seenValues } from './seen';
import { chooseCell, keepMine, takeTheirs } from './conflicts';
import type { InputKey, PlanTable } from './columns';
import { noteBase, sendMerging, withAuthors } from './merge-sync';
import { loadPlan } from './load';
import { reloadTable, UnsentEditsError, type UnsentChoice } from './reload';
import { planSync } from './outgoing';
import { previewSync, type SyncPreview } from './preview';
import { markPending, type PendingMarks } from './pending';
import { provisionalScoreList } from './provisional';
import { refreshScores } from './refresh';
import type { StoredState } from './state';
import { BindingSlots, type SlotTarget } from './slots';
import { baseNames } from './base';
import { forgetSend } from './last-send';
import { SessionCore, type SessionOptions } from './session-core';
import type {
  BindRequest,
  BindSummary,
  ColumnMapping,
  ConflictChoice,
  ConflictRecord,
  LoadRequest,
  LoadSummary,
  MappingProposal,
  ProvisionalScore,
  RefreshSummary,
  SheetError,
  SyncSummary,
} from './types';

export type { FetchLike };
export { OfflineError, ApiError } from '../api/errors';
export { TableMissingError };
export { NotConnectedError, type SessionOptions } from './session-core';

export class WorkbookSession extends SessionCore {
  /** a session over a workbook, picking up the binding stored in it (after reopening) */
  static async open(options: SessionOptions): Promise<WorkbookSession> {
    const session = new WorkbookSession(options);
    session.slots = await BindingSlots.read(options.workbook);
    return session;
  }

  /**
   * Writes the plan into a new table in the canonical layout and binds the workbook to it. On a bound workbook it
   * refreshes the bound table instead; with edits not sent it throws UnsentEditsError unless told to send them
   * first or to discard them.
   */
  async load(request: LoadRequest, unsent?: UnsentChoice): Promise<LoadSummary> {
    const serverUrl = this.requireConnection().serverUrl;
    const bound = await this.boundBefore('load', unsent);
    // Carica on a bound sheet refreshes it as what it is: a unit's or cruscotto's sheet stays that one's
    if (bound) request = { ...request, scope: bound.binding.scope };
    const done: { state: StoredState; summary: LoadSummary; table?: PlanTable } = bound
      ? await reloadTable(this.context(), serverUrl, bound, request, unsent === 'discard')
      : await loadPlan(this.context(), serverUrl, request);
    const { state, summary } = done;
    await this.save(state, [], []);
    await this.rememberScores(state.binding);
    await noteBase(this.options.workbook, state.binding, done.table);
    await this.protect();
    return summary;
  }

  /**
   * The bound state when the workbook still has the bound table (Load and Bind rewrite it in place), after sending
   * its edits when the user chose so: what the server refuses stays pending, and the operation stops saying so.
   */
  private async boundBefore(operation: 'load' | 'bind', unsent?: UnsentChoice): Promise<StoredState | null> {
    const table = this.state?.binding.table.toLowerCase();
    const tables = table ? await this.options.workbook.listTables() : [];
    const bound = tables.some((t) => t.name.toLowerCase() === table) ? this.state : null;
    if (bound && unsent === 'send') {
      const sent = await this.sync();
      if (sent.offline || sent.pending > 0) throw new UnsentEditsError(sent.pending, true, operation);
    }
    return bound;
  }

  /** sends dirty, new and explicitly deleted rows; writes status, ids, versions, scores back */
  async sync(): Promise<SyncSummary> {
    // the server would refuse the whole batch ("Permesso negato") and the edits would wait forever (defect 6)
    if (this.access?.readOnly) throw new Error(messages[this.language].sync.readOnly);
    const run = await this.guard(() =>
      sendMerging(this.context(), this.requireState(), { errors: this.errorList, conflicts: this.openConflicts }),
    );
    // rows added while the protection was lifted get their locks, and the protection comes back
    await this.protect();
    return run.summary;
  }

  /** what a Sync would send now, cell by cell, and the problems the shared parser sees; nothing is sent (preview.ts) */
  async previewSync(): Promise<SyncPreview> {
    const state = this.requireState();
    const years = this.planList.find((p) => p.planId === state.binding.planId)?.years;
    return previewSync(this.options.workbook, state, this.client, this.language, years);
  }

  /** pulls colleagues' changes and all realization values (never over a dirty local edit) */
  async refresh(): Promise<RefreshSummary> {
    const run = await refreshScores(this.context(), this.requireState(), this.openConflicts);
    await this.save(run.state, await withAuthors(this.context(), run.state.binding, run.conflicts), this.errorList);
    return run.summary;
  }

  /**
   * A colleague's change pushed over the websocket: applied as Refresh applies changes (a row edited here becomes a
   * conflict, never overwritten), with the scores it moved written and none re-read.
   */
  async applyLive(change: PlanChange, target?: SlotTarget): Promise<RefreshSummary> {
    return this.on(target, async () => {
      const state = this.requireState();
      const scores = change.scores.map((s) => ({ rowId: s.id, realization: s.realization }));
      const run = await refreshScores(this.context(), state, this.openConflicts, scores);
      await this.save(run.state, await withAuthors(this.context(), run.state.binding, run.conflicts), this.errorList);
      return run.summary;
    });
  }

  /** pulls the changes of the binding following `target` (a poll of a binding that is not the active one) */
  async refreshOf(target: SlotTarget): Promise<RefreshSummary> {
    return this.on(target, () => this.refresh());
  }

  /** whether a reported change is news to the sheet, or its own Sync coming back (live-news.ts) */
  isNews(reported: Reported, target?: SlotTarget): Promise<boolean> {
    return isNews(this.options.workbook, this.stateOf(target), reported);
  }

  /** polling without a websocket: whether sheetRows(since) holds anything this sheet does not */
  async hasNews(target?: SlotTarget): Promise<boolean> {
    const state = this.stateOf(target);
    const { planId, year, checkpoint, scope } = state.binding;
    const page = await this.requireClient().sheetRows(planId, year, checkpoint, state.binding, false, scope);
    return isNews(this.options.workbook, state, page);
  }

  /** where live updates of the active binding come from: the server, the token and the binding */
  get liveTarget(): LiveTarget | null {
    return this.liveTargets[this.bindings.indexOf(this.binding!)] ?? null;
  }

  /** where live updates of every binding come from: one subscription each (live-view.ts) */
  get liveTargets(): LiveTarget[] {
    if (!this.connection) return [];
    const { serverUrl, token } = this.connection;
    return this.bindings.map((b) => ({
      serverUrl,
      token,
      planId: b.planId,
      year: b.year,
      checkpoint: b.checkpoint,
      table: b.table,
    }));
  }

  conflicts(): ConflictRecord[] {
    return this.openConflicts.map((c) => ({ ...c }));
  }

  /** the whole row, or with `cell` one cell changed on both sides (the row is sent once every such cell is chosen) */
  async resolveConflict(rowId: string, choice: ConflictChoice, cell?: InputKey): Promise<void> {
    const record = this.openConflicts.find((c) => c.rowId === rowId);
    if (!record) return;
    const state = this.requireState();
    const previous = { errors: this.errorList, conflicts: this.openConflicts };
    if (cell) return void (await this.guard(() => chooseCell(this.context(), state, record, cell, choice, previous)));
    if (choice === 'theirs') {
      await takeTheirs(this.context(), state, record);
      await noteBase(this.options.workbook, state.binding);
      await this.save(
        state,
        this.openConflicts.filter((c) => c.rowId !== rowId),
        this.errorList.filter((e) => e.rowId !== rowId),
      );
      return;
    }
    await this.guard(() => keepMine(this.context(), state, record, previous));
  }

  errors(): SheetError[] {
    return this.errorList.map((e) => ({ ...e }));
  }

  /** selects the cell an error is about (found again by row id: rows may have been sorted since) */
  async selectError(error: SheetError): Promise<void> {
    const state = this.requireState();
    let row = error.row;
    if (error.rowId) {
      const table = await readPlanTable(this.options.workbook, state.binding);
      const line = table.lines.find((l) => l.rowId === error.rowId);
      if (line) row = line.position;
    }
    await this.options.workbook.selectCell(state.binding.table, row, error.header);
  }

  /** the header mapping proposed for a seed-shaped sheet, for the user to confirm */
  async proposeMapping(sheet: string): Promise<MappingProposal> {
    const read = await this.options.workbook.readSheet(sheet);
    if (!read) throw new Error(messages[this.language].sync.mappingNoHeader.replace('{sheet}', sheet));
    return proposeFromValues(sheet, read.address, seenValues(read));
  }

  /**
   * makes a canonical plan table from a seed-shaped sheet (left untouched) with the confirmed mapping; on a bound
   * workbook it rewrites the bound table instead, and with edits not sent it throws UnsentEditsError (as load)
   */
  async bindExistingSheet(
    sheet: string,
    mapping: ColumnMapping | HeaderMatch[],
    request: BindRequest,
    proposal?: MappingProposal,
    unsent?: UnsentChoice,
  ): Promise<BindSummary> {
    const bound = await this.boundBefore('bind', unsent);
    // a unit's or cruscotto's sheet bound again stays that one's, as Carica keeps it
    if (bound) request = { ...request, scope: bound.binding.scope };
    const read = await this.options.workbook.readSheet(sheet);
    if (!read) throw new Error(messages[this.language].sync.mappingNoHeader.replace('{sheet}', sheet));
    const values = seenValues(read);
    const base = proposal ?? proposeFromValues(sheet, read.address, values);
    const { state, summary } = await bindSheet(
      this.context(),
      this.requireConnection().serverUrl,
      base,
      mapping,
      request,
      values,
      bound ? { current: bound, discard: unsent === 'discard' } : null,
    );
    await this.save(state, [], []);
    await this.rememberScores(state.binding);
    await noteBase(this.options.workbook, state.binding);
    await this.protect();
    return summary;
  }

  /** realization computed in the pane with the server's scoring engine, from the sheet as it is now */
  async provisionalScores(): Promise<ProvisionalScore[]> {
    const state = this.requireState();
    return provisionalScoreList(await readPlanTable(this.options.workbook, state.binding), state);
  }

  /** rows a Sync would send now (new, edited, marked ELIMINA, refused before): read from the sheet, not from events */
  async pendingChanges(): Promise<number> {
    const table = await readPlanTable(this.options.workbook, this.requireState().binding);
    const plan = planSync(table);
    return plan.outgoing.length + plan.refused.length;
  }

  /**
   * Marks the rows edited since the last Sync "DA INVIARE", with scores computed here and flagged provisional;
   * `touched` are the rows an edit event named (a refused row is re-marked only when touched). Returns what a Sync
   * would send now.
   */
  async markPending(touched: readonly number[] = []): Promise<PendingMarks> {
    return markPending(this.options.workbook, this.requireState(), this.language, touched);
  }

  /**
   * Calls back when the user edits the bound table, so the pane can say "unsynced changes". Only a hint: pasting,
   * undo and edits made while the pane was closed raise nothing usable, which is why Sync diffs every row's hash.
   */
  async watchEdits(listener: (rows: number[] | 'unknown') => void): Promise<() => Promise<void>> {
    return this.options.workbook.onRowsChanged(this.requireState().binding.table, listener);
  }

  /**
   * "Scollega": forgets the active binding (its settings) and removes its merge base (the very hidden sheet), leaving
   * the table as it is; the workbook's first other binding becomes the active one.
   */
  async unbind(): Promise<void> {
    const binding = this.binding;
    await this.slots.remove();
    if (!binding) return;
    await this.options.workbook.deleteSheet(baseNames(binding.table).sheet);
    await forgetSend(this.options.workbook, binding);
  }
}
