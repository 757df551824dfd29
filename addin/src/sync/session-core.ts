/**
 * What every operation of the session stands on: the workbook's bindings (the active one's state, conflicts and
 * errors, slots.ts), the connection and the client, what the user may type, and how an operation stores what it
 * learnt. The operations themselves are in session.ts.
 */
import { CruscottoClient, type FetchLike, type PolarityFinding } from '../api/client';
import type { Me } from '../api/types';
import { messages, type Language } from '../i18n';
import type { WorkbookPort } from '../workbook/port';
import type { OperationContext } from './context';
import { ScoreMemories } from './score-memory';
import type { SyncRun } from './send';
import { protectBoundTable, sheetAccess, type SheetAccess } from './sheet-access';
import type { StoredState } from './state';
import { BindingSlots, type SlotTarget } from './slots';
import type { Binding, BindingScope, ConflictRecord, Connection, PlanChoice, Progress, SheetError } from './types';

/** the units and cruscotti a new binding may be scoped to; limitedToOwnUnits: they are the user's own (unit editor) */
export type ScopeChoices = Record<BindingScope['kind'], BindingScope[]> & { limitedToOwnUnits: boolean };

export type SessionOptions = {
  workbook: WorkbookPort;
  fetch: FetchLike;
  /** the Office display language (see i18n.languageOf); default it */
  language?: Language;
  /** audit: who is syncing, and the workbook's file name */
  author?: string;
  workbookName?: string;
};

export class NotConnectedError extends Error {
  constructor(private readonly reason: 'notConnected' | 'notBound') {
    super(reason === 'notConnected' ? 'not connected' : 'no plan bound to this workbook');
    this.name = 'NotConnectedError';
  }
  text(language: Language): string {
    return messages[language].sync[this.reason];
  }
}

export class SessionCore {
  /** the workbook's bindings; every operation acts on the active one (slots.ts) */
  protected slots!: BindingSlots;
  protected connection: Connection | null = null;
  protected client: CruscottoClient | null = null;
  /** who the token belongs to and the plans it sees: what the sheet lets them type (sheet-access.ts) */
  protected me: Me | null = null;
  protected planList: PlanChoice[] = [];
  protected readonly listeners = new Set<(progress: Progress) => void>();
  /** each binding's scores as last read: Sync and Refresh ask only those that moved since (score-memory.ts) */
  private readonly memories = new ScoreMemories();
  readonly language: Language;

  constructor(readonly options: SessionOptions) {
    this.language = options.language ?? 'it';
  }

  /** the active binding (the selected sheet's, see activate), or null when nothing is loaded yet */
  get binding(): Binding | null {
    return this.state?.binding ?? null;
  }

  /** every binding the workbook keeps (issue 18, item 7), in the order they were made */
  get bindings(): Binding[] {
    return this.slots.bindings;
  }

  /**
   * Makes the binding of this sheet the active one, when the sheet has one; a sheet without a binding (a report
   * sheet, the plan's source) leaves the active binding as it is. Returns whether the active binding changed.
   */
  activate(sheet: string): boolean {
    const before = this.slots.current;
    this.slots.activate(sheet);
    return this.slots.current !== before;
  }

  /**
   * The plan a CRUSCOTTO.* formula without [piano] reads (issue 18): the binding of `sheet` (the sheet Excel has
   * active), else the active binding (a report sheet has none); null when the workbook has no binding.
   */
  formulaPlan(sheet: string | null): string | null {
    const own = sheet ? this.slots.bindings.find((b) => b.sheet.toLowerCase() === sheet.toLowerCase()) : undefined;
    return (own ?? this.binding)?.planId ?? null;
  }

  /** makes the binding of this table the active one (the pane's list of bindings) */
  activateTable(table: string): boolean {
    const before = this.slots.current;
    this.slots.activateTable(table);
    return this.slots.current !== before;
  }

  /**
   * A click on a binding in the pane's list: its sheet comes to the front in the workbook (as a click on the sheet's
   * tab would) and its binding becomes the active one. Returns whether the active binding changed.
   */
  async showBinding(table: string): Promise<boolean> {
    const binding = this.slots.bindings.find((b) => b.table.toLowerCase() === table.toLowerCase());
    if (!binding) return false;
    await this.options.workbook.activateSheet(binding.sheet);
    return this.activateTable(binding.table);
  }

  /** a new binding: the next Load or "Collega questo foglio" writes a new table instead of the active one's */
  addBinding(): void {
    this.slots.add();
  }

  protected get state(): StoredState | null {
    return this.slots.current.state;
  }
  protected get openConflicts(): ConflictRecord[] {
    return this.slots.current.conflicts;
  }
  protected get errorList(): SheetError[] {
    return this.slots.current.errors;
  }

  /** checks the server answers with this token; throws OfflineError / ApiError otherwise */
  async connect(connection: Connection): Promise<void> {
    const client = new CruscottoClient({
      serverUrl: connection.serverUrl,
      token: connection.token,
      fetch: this.options.fetch,
    });
    await client.plans();
    this.me = await client.me();
    this.connection = connection;
    this.client = client;
  }

  /**
   * What the bound plan lets this user type, once connected (offline, nothing is known and the server decides):
   * a viewer's pane is read-only, an approved plan keeps its structure.
   */
  get access(): SheetAccess | null {
    const binding = this.binding;
    if (!binding || !this.me) return null;
    const plan = this.planList.find((p) => p.planId === binding.planId);
    return sheetAccess(this.me, binding.organisationId, plan?.status ?? 'DRAFT');
  }

  /** remembers the connection without checking it (offline start: edits still work, Sync reports offline) */
  useConnection(connection: Connection): void {
    this.connection = connection;
    this.client = new CruscottoClient({
      serverUrl: connection.serverUrl,
      token: connection.token,
      fetch: this.options.fetch,
    });
  }

  /** the bound plan's polarity findings (issue 14, item 2); none without a binding */
  async polarityFindings(): Promise<PolarityFinding[]> {
    const binding = this.binding;
    return binding ? this.requireClient().polarityFindings(binding.planId) : [];
  }

  /** confirms the bound plan's polarities in bulk; returns how many indicators were confirmed */
  async confirmPolarities(acceptSuggestions: boolean): Promise<number> {
    return this.requireClient().confirmPolarities(this.requireState().binding.planId, acceptSuggestions);
  }

  /** what a new binding of this plan may be scoped to, for this user: one of their units or cruscotti (issue 18) */
  async sheetScopes(plan: Pick<PlanChoice, 'planId'>): Promise<ScopeChoices> {
    const { limitedToOwnUnits, units, dashboards } = await this.requireClient().sheetScopes(plan.planId);
    return {
      limitedToOwnUnits,
      unit: units.map((u) => ({ kind: 'unit', id: u.id, name: u.name })),
      dashboard: dashboards.map((d) => ({ kind: 'dashboard', id: d.id, name: d.name })),
    };
  }

  async listPlans(): Promise<PlanChoice[]> {
    const plans = await this.requireClient().plans();
    this.planList = plans.map((p) => ({
      planId: p.id,
      label: p.label,
      status: p.status,
      organisationId: p.organisation.id,
      organisationName: p.organisation.name,
      years: p.cycle.years,
    }));
    return this.planList.map((p) => ({ ...p }));
  }

  /** progress of long operations (done/total); returns an unsubscribe */
  onProgress(listener: (progress: Progress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ------------------------------------------------------------------

  /** locks the bound table as the user's access says; nothing while the access is unknown (not connected) */
  protected async protect(): Promise<void> {
    const access = this.access;
    if (access && this.state) await protectBoundTable(this.options.workbook, this.state.binding, access);
  }

  /**
   * The server's scores of a binding just loaded or bound, remembered so that its first Sync and Refresh already ask
   * only the scores moved since (score-memory.ts). Only a saving: when it fails (offline, a server without
   * sheetScores) the Load or Bind has still succeeded, and the next Sync reads every score as before.
   */
  protected async rememberScores(binding: Binding): Promise<void> {
    try {
      await this.memories.of(binding).catchUp(this.context(), binding);
    } catch {
      // nothing remembered: the next read of scores answers every row (complete)
    }
  }

  /** runs a sending operation and stores what it learnt, also when it stopped half-way on an error */
  protected async guard(work: () => Promise<SyncRun>): Promise<SyncRun> {
    try {
      const run = await work();
      await this.save(run.state, run.conflicts, run.errors);
      return run;
    } catch (error) {
      const partial = (error as { partial?: SyncRun }).partial;
      if (partial) await this.save(partial.state, partial.conflicts, partial.errors);
      throw error;
    }
  }

  protected save(state: StoredState | null, conflicts: ConflictRecord[], errors: SheetError[]): Promise<void> {
    return this.slots.save(state, conflicts, errors);
  }

  /** the state of the binding that follows `target` (the active one's without), read without making it active */
  protected stateOf(target?: SlotTarget): StoredState {
    if (!target) return this.requireState();
    const state = this.slots.find(target)?.state;
    if (!state) throw new NotConnectedError('notBound');
    return state;
  }

  /** work on the binding that follows `target` (a live change of a binding that is not the active one) */
  protected async on<T>(target: SlotTarget | undefined, work: () => Promise<T>): Promise<T> {
    const slot = target ? this.slots.find(target) : null;
    if (target && !slot) throw new NotConnectedError('notBound');
    return slot ? this.slots.on(slot, work) : work();
  }

  protected context(): OperationContext {
    return {
      port: this.options.workbook,
      client: this.requireClient(),
      language: this.language,
      author: this.options.author ?? null,
      workbookName: this.options.workbookName ?? null,
      scores: this.state ? this.memories.of(this.state.binding) : undefined,
      progress: (operation, done, total) => {
        for (const l of this.listeners) l({ operation, done, total });
      },
    };
  }

  protected requireConnection(): Connection {
    if (!this.connection) throw new NotConnectedError('notConnected');
    return this.connection;
  }

  protected requireClient(): CruscottoClient {
    this.requireConnection();
    return this.client!;
  }

  protected requireState(): StoredState {
    if (!this.state) throw new NotConnectedError('notBound');
    return this.state;
  }
}
