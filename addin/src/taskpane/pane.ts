/**
 * The pane's UI wiring: connect, choose a plan, Load / Sync / Refresh, progress, summary, errors that select their
 * cell, conflicts with mine/theirs, and the "bind this sheet" flow. Everything it does to the workbook goes through
 * the sync session; it only asks the host which sheet is active.
 */
import { ApiError, OfflineError } from '../api/errors';
import { type Language, format, messages } from '../i18n';
import type { WorkbookSession } from '../sync/session';
import type { Checkpoint, ConflictRecord, LoadRequest, MappingProposal, PlanChoice } from '../sync/types';
import { SHEET_LAYOUT } from '@core/sheet/layout';
import { showConnection } from './connection-line';
import { conflictItem } from './conflict-view';
import { renderAccess } from './access-view';
import { applyLabels, byId, onClicks, options } from './dom';
import { PendingView } from './pending-view';
import { renderErrorList } from './error-list-view';
import { PolarityView } from './polarity-view';
import { PreviewView } from './preview-view';
import { LiveView, type LiveOptions } from './live-view';
import { BindingsView } from './bindings-view';
import { ScopeView } from './scope-view';
import { failureText, syncedText, tokenProblem, type Step } from './wording';
import { chosenMatches, mappingRows } from './mapping-view';
import { asking, loadAsking } from './reload-prompt';
import { bindingWords } from '../binding-words';
import type { TokenStore } from './token-store';
import { CHECKPOINT_NAMES } from '@core/vocabulary/checkpoint';

export type PaneOptions = {
  language: Language;
  store: TokenStore;
  /** the pane's own origin: in development and behind one host, /graphql is proxied next to the pane */
  defaultServerUrl: string;
  /** the host, for what the session does not do: which sheet is active, where a table starts */
  workbook: { activeSheetName(): Promise<string>; firstBodyRow(table: string): Promise<number | null> };
  openSession: () => Promise<WorkbookSession>;
  /** live updates of the bound plan: the polling pause without a websocket */
  live?: LiveOptions;
};

const CHECKPOINTS = CHECKPOINT_NAMES;

export class Pane {
  private session!: WorkbookSession;
  private plans: PlanChoice[] = [];
  private connected = false;
  private busy = false;
  private proposal: MappingProposal | null = null;
  private pending!: PendingView;
  private polarity!: PolarityView;
  private preview!: PreviewView;
  private live?: LiveView;
  private bindings?: BindingsView;
  private scope?: ScopeView;
  /** the server stopped answering during the last operation */
  private offline = false;
  private readonly ui: (typeof messages)['it']['ui'];

  constructor(private readonly options: PaneOptions) {
    this.ui = messages[options.language].ui;
  }

  async start(): Promise<void> {
    applyLabels(this.ui);
    options(
      byId('checkpoint'),
      CHECKPOINTS.map((c) => ({ value: c, label: this.ui[c] })),
      'YEAR_END',
    );
    try {
      this.session = await this.options.openSession();
    } catch (error) {
      // the workbook could not be read (no Excel API, damaged binding): say so instead of a blank pane
      byId('connect-status').className = 'status error';
      byId('connect-status').textContent = this.describe(error);
      byId('app').setAttribute('aria-busy', 'false');
      throw error;
    }
    this.session.onProgress((p) => this.progress(p.total > 0 ? p.done / p.total : null));
    this.pending = new PendingView(this.session, this.options.language, () => this.busy);
    this.polarity = new PolarityView(this.session, this.options.language, (work) => this.operate('other', work));
    this.preview = new PreviewView(this.session, { send: () => this.sync(true), say: (t) => this.say(t) });
    // a colleague's change is told in the live line: the summary keeps the outcome of what the user did last
    const refresh = (work: () => Promise<string>) => this.attempt('refresh', work, { quiet: true });
    this.live = new LiveView(this.session, this.options.language, refresh, () => this.busy, this.options.live);
    this.bindings = new BindingsView({
      session: this.session,
      language: this.options.language,
      activeSheetName: () => this.options.workbook.activeSheetName(),
      busy: () => this.busy,
      operate: (work) => this.operate('other', work),
      switched: () => this.switched(),
    });
    this.scope = new ScopeView(this.session, this.options.language, () => this.renderBinding());
    await this.bindings.follow(false);
    await this.preview.remember();
    const remembered = this.options.store.read();
    byId<HTMLInputElement>('server-url').value =
      this.session.binding?.serverUrl ?? remembered?.serverUrl ?? this.options.defaultServerUrl;
    byId<HTMLInputElement>('token').value = remembered?.token ?? '';
    this.wire();
    this.renderBinding();
    // errors and conflicts of the last session are stored in the workbook: reopening it shows them again
    await this.renderErrors();
    this.renderConflicts();
    await this.pending.follow();
    byId('app').setAttribute('aria-busy', 'false');
    if (remembered?.token) await this.connect();
  }

  private wire(): void {
    byId<HTMLFormElement>('connect-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.connect();
    });
    byId('organisation').addEventListener('change', () => this.renderPlans());
    byId('plan-select').addEventListener('change', () => this.renderYears());
    onClicks({
      load: () => void this.load(),
      sync: () => void this.sync(),
      refresh: () => void this.refresh(),
      bind: () => void this.proposeBinding(),
      'mapping-confirm': () => void this.confirmBinding(),
      'mapping-cancel': () => this.closeMapping(),
      disconnect: () => this.disconnect(),
    });
  }

  // ------------------------------------------------------------------ connect and choose

  private async connect(): Promise<void> {
    const serverUrl = this.server();
    const token = byId<HTMLInputElement>('token').value.trim() || null;
    const empty = tokenProblem(token ?? '', this.options.language);
    if (empty) return showConnection(this.options.language, 'error', serverUrl, empty);
    showConnection(this.options.language, 'working', serverUrl);
    try {
      await this.session.connect({ serverUrl, token });
      this.plans = await this.session.listPlans();
      this.options.store.save({ serverUrl, token });
      this.connected = true;
      this.offline = false;
      showConnection(this.options.language, 'online', serverUrl);
      byId('connect-form').hidden = true;
      byId('disconnect').hidden = false;
      byId('plan').hidden = false;
      this.renderOrganisations();
      if (!this.plans.length) this.say(this.ui.noPlans, true);
      await this.polarity.render(true);
    } catch (error) {
      this.connected = false;
      showConnection(this.options.language, 'error', serverUrl, this.describe(error, 'connect'));
      // a bound workbook keeps working offline: Sync keeps the edits and computes provisional scores
      if (error instanceof OfflineError && this.session.binding) {
        this.session.useConnection({ serverUrl, token });
        showConnection(this.options.language, 'offline', serverUrl);
      }
    }
    this.renderBinding();
  }

  private disconnect(): void {
    this.options.store.forgetToken();
    this.scope?.forget();
    this.connected = false;
    byId<HTMLInputElement>('token').value = '';
    byId('connect-form').hidden = false;
    byId('disconnect').hidden = true;
    byId('plan').hidden = true;
    byId('connect-status').textContent = '';
    this.renderBinding();
  }

  private renderOrganisations(): void {
    const organisations = new Map<string, string>();
    for (const plan of this.plans) organisations.set(plan.organisationId, plan.organisationName);
    const bound = this.session.binding;
    options(
      byId('organisation'),
      [...organisations].map(([value, label]) => ({ value, label })),
      bound?.organisationId,
    );
    this.renderPlans();
  }

  private renderPlans(): void {
    const organisation = byId<HTMLSelectElement>('organisation').value;
    const plans = this.plans.filter((p) => p.organisationId === organisation);
    options(
      byId('plan-select'),
      plans.map((p) => ({
        value: p.planId,
        label: `${p.label} (${messages[this.options.language].planStatus[p.status.toLowerCase()] ?? p.status.toLowerCase()})`,
      })),
      this.session.binding?.planId,
    );
    this.renderYears();
  }

  private renderYears(): void {
    const plan = this.selectedPlan();
    this.scope?.planChanged(plan);
    const years = plan?.years ?? [];
    const bound = this.session.binding;
    options(
      byId('year'),
      years.map((y) => ({ value: String(y), label: String(y) })),
      String(bound?.planId === plan?.planId ? bound?.year : years[0]),
    );
  }

  private selectedPlan(): PlanChoice | undefined {
    const id = byId<HTMLSelectElement>('plan-select').value;
    return this.plans.find((p) => p.planId === id);
  }

  private choice(): LoadRequest | null {
    const plan = this.selectedPlan();
    const year = Number(byId<HTMLSelectElement>('year').value);
    if (!plan || !Number.isInteger(year)) return null;
    const checkpoint = byId<HTMLSelectElement>('checkpoint').value as Checkpoint;
    const scope = this.scope?.value();
    return scope === null ? null : { planId: plan.planId, year, checkpoint, scope };
  }

  // ------------------------------------------------------------------ operations

  private async load(): Promise<void> {
    const choice = this.choice();
    if (!choice) return;
    await this.operate('load', async () => {
      const summary = await loadAsking(this.session, choice, this.options.language);
      if (!summary) return bindingWords[this.options.language].reloadCancelled;
      return format(this.ui.loaded, { rows: summary.rows, table: summary.table });
    });
  }

  async sync(checked = false): Promise<void> {
    if (!checked && this.preview.wanted()) return this.operate('sync', () => this.preview.show());
    await this.operate('sync', async () => {
      const s = await this.session.sync();
      this.offline = s.offline;
      return syncedText(s, this.options.language, this.server());
    });
  }

  async refresh(): Promise<void> {
    await this.operate('refresh', async () => {
      const r = await this.session.refresh();
      this.offline = r.offline;
      if (r.offline)
        return `${this.describe(new OfflineError(), 'refresh')}${r.provisional ? ` ${this.ui.provisional}` : ''}`;
      return format(this.ui.refreshed, {
        updated: r.updated,
        conflicts: r.conflicts,
        deletedOnServer: r.deletedOnServer,
      });
    });
  }

  /**
   * One operation at a time: buttons off, progress shown, the outcome (or the reason it failed) in the summary.
   * False when another operation held the pane and this one did not run (the caller decides whether to ask again:
   * the live view does, live-jobs.ts; a button pressed meanwhile does not). A quiet operation (a live update) leaves
   * the summary alone unless it fails: "Righe inviate: 20; rifiutate: 1" must not give way to a colleague's change
   * a moment after the user pressed Sync.
   */
  private async attempt(step: Step, work: () => Promise<string>, { quiet = false } = {}): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.renderBinding();
    if (!quiet) this.say(this.ui.working);
    this.progress(0);
    try {
      await this.pending.begin();
      this.offline = false;
      // the pane's buttons and the ribbon's commands act on the binding of the sheet the user has selected
      await this.bindings?.follow();
      const outcome = await work();
      if (!quiet) this.say(outcome);
    } catch (error) {
      this.offline = error instanceof OfflineError;
      this.say(this.describe(error, step), true);
      if (error instanceof ApiError && error.kind === 'unauthorized') this.disconnect();
    } finally {
      this.busy = false;
      if (this.offline) showConnection(this.options.language, 'offline', this.server());
      else if (this.connected) showConnection(this.options.language, 'online', this.server());
      // the lists first: the progress bar goes away when the pane shows the whole outcome
      await this.pending.follow();
      await this.renderErrors();
      this.renderConflicts();
      this.renderBinding();
      await this.polarity.render(this.connected && !this.offline);
      this.progress(null);
    }
    return true;
  }

  private async operate(step: Step, work: () => Promise<string>): Promise<void> {
    await this.attempt(step, work);
  }

  /** makes the selected sheet's binding the active one, and shows it (the ribbon and Undo ask before acting) */
  async followSheet(): Promise<void> {
    if (!this.busy && (await this.bindings?.follow(false))) await this.switched();
  }

  /** the user selected the sheet of another binding: the pane shows that one's rows to send, errors, conflicts */
  private async switched(): Promise<void> {
    if (this.busy) return;
    await this.pending.follow();
    await this.renderErrors();
    this.renderConflicts();
    this.renderBinding();
    await this.polarity.render(this.connected && !this.offline);
  }

  // ------------------------------------------------------------------ bind an existing sheet

  private async proposeBinding(): Promise<void> {
    if (!this.choice()) return;
    await this.operate('bind', async () => {
      const sheet = await this.options.workbook.activeSheetName();
      this.proposal = await this.session.proposeMapping(sheet);
      this.renderMapping(this.proposal);
      return format(this.ui.mappingHeading, { sheet });
    });
  }

  private renderMapping(proposal: MappingProposal): void {
    byId('mapping-heading').textContent = format(this.ui.mappingHeading, { sheet: proposal.sheet });
    byId('mapping-rows').replaceChildren(...mappingRows(proposal, this.options.language, this.ui.mappingNone));
    byId('mapping-unmatched').textContent = proposal.unmatched.length
      ? format(this.ui.mappingUnmatched, { headers: proposal.unmatched.join(', ') })
      : '';
    byId('mapping').hidden = false;
  }

  private closeMapping(): void {
    this.proposal = null;
    byId('mapping').hidden = true;
  }

  private async confirmBinding(): Promise<void> {
    const proposal = this.proposal;
    const choice = this.choice();
    if (!proposal || !choice) return;
    const mapping = chosenMatches(proposal, byId('mapping-rows'));
    await this.operate('bind', async () => {
      const summary = await asking(
        (unsent) => this.session.bindExistingSheet(proposal.sheet, mapping, choice, proposal, unsent),
        this.options.language,
      );
      this.closeMapping();
      if (!summary) return bindingWords[this.options.language].rebindCancelled;
      return format(this.ui.bound, { rows: summary.rows, matched: summary.matched, newRows: summary.newRows });
    });
  }

  // ------------------------------------------------------------------ rendering

  private renderBinding(): void {
    const binding = this.session?.binding ?? null;
    byId('binding').textContent = binding
      ? format(this.ui.boundTo, {
          plan: binding.planLabel,
          year: binding.year,
          checkpoint: this.ui[binding.checkpoint],
          table: binding.table,
        })
      : this.session?.bindings.length
        ? this.ui.notBoundSheet
        : this.ui.notBound;
    this.bindings?.render();
    // subscribes while bound and connected, and stops when either ends
    this.live?.update();
    const readOnly = renderAccess(binding ? (this.session?.access ?? null) : null, this.options.language);
    // Sync works offline too (edits stay marked); it needs a binding, not a connection, and a role that may edit
    byId<HTMLButtonElement>('sync').disabled = this.busy || !binding || readOnly;
    byId<HTMLButtonElement>('refresh').disabled = this.busy || !binding;
    // a unit or cruscotto asked for and none to choose: the scope note says why, and nothing is loaded instead
    const noChoice = this.busy || !this.connected || this.scope?.value() === null;
    byId<HTMLButtonElement>('load').disabled = byId<HTMLButtonElement>('bind').disabled = noChoice;
  }

  private renderErrors(): Promise<void> {
    return renderErrorList({
      session: this.session,
      language: this.options.language,
      firstBodyRow: (table) => this.options.workbook.firstBodyRow(table),
      failed: (e) => this.say(this.describe(e), true),
    });
  }

  private renderConflicts(): void {
    const conflicts = this.session.conflicts();
    byId('conflict-list').replaceChildren(...conflicts.map((c) => this.conflictItem(c)));
    byId('conflicts').hidden = conflicts.length === 0;
  }

  private conflictItem(conflict: ConflictRecord): HTMLLIElement {
    return conflictItem(conflict, this.options.language, (record, choice, cell) => {
      void this.operate('sync', async () => {
        await this.session.resolveConflict(record.rowId, choice, cell?.key);
        const where = cell ? `, ${SHEET_LAYOUT.find((c) => c.key === cell.key)?.[this.options.language]}` : '';
        return `${record.code ?? record.title}${where}: ${this.ui[choice]}`;
      });
    });
  }

  private progress(fraction: number | null): void {
    const bar = byId<HTMLProgressElement>('progress');
    bar.hidden = fraction === null;
    if (fraction !== null) bar.value = Math.max(0, Math.min(1, fraction));
    bar.setAttribute('aria-label', this.ui.progress);
  }

  private say(text: string, isError = false): void {
    const summary = byId('summary');
    summary.className = isError ? 'status error' : 'status';
    summary.textContent = text;
  }

  private describe(error: unknown, step: Step = 'other'): string {
    return failureText(error, this.options.language, {
      step,
      server: this.server(),
      pending: this.pending?.count ?? 0,
    });
  }

  private server(): string {
    return byId<HTMLInputElement>('server-url').value.trim().replace(/\/+$/, '');
  }
}
