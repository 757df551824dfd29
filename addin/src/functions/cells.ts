/**
 * The CRUSCOTTO.* formula cells of a workbook, in the shared runtime (the pane's page): every call Excel makes within
 * one short window goes to the server as ONE codeValues request, however many cells (identical cells asked once);
 * each cell is a streaming cell, kept up to date by the planChanged subscription of its plan, year and checkpoint
 * (one socket per such group, whatever the number of cells); offline a cell shows the last value read, marked
 * provisional. Nothing here knows Excel: the entry (functions.ts) hands in the invocation and the error factory.
 */
import { CruscottoClient, type FetchLike } from '../api/client';
import { ApiError, OfflineError } from '../api/errors';
import type { CodeValuesQuery } from '../api/generated';
import { CODE_VALUES } from '../api/insight-queries';
import { type LiveSubscription, type LiveTarget, subscribePlan } from '../api/live';
import { format, type Language } from '../i18n';
import { type ArgumentProblem, type CellRequest, cellRequest, requestKey } from './arguments';
import { formulaWords } from './words';

export type FunctionKind = 'realization' | 'value' | 'target' | 'status';
export type CodeValue = CodeValuesQuery['codeValues'][number];

/** what Excel hands a streaming function: where the cell is, how to set it, when it goes away */
export type CellInvocation = {
  address?: string;
  setResult(value: unknown): void;
  onCanceled?: () => void;
};

export type FormulaHost = {
  /** the pane's connection and binding: server, token, bound plan, year and checkpoint (null when none) */
  target(): LiveTarget | null;
  /**
   * the plan a formula without [piano] reads: the binding of the sheet Excel has active, or, on a sheet without one
   * (a report sheet), the pane's active binding; null with no binding. Without it, the target's plan.
   */
  boundPlan?(): Promise<string | null>;
  fetch: FetchLike;
  language: Language;
  /** an Excel error with a readable message (CustomFunctions.Error in Excel) */
  error(message: string): unknown;
  /** where last known values survive closing the workbook (localStorage); null keeps them in memory */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** marks a cell's shown value provisional (its number format), or takes the mark away */
  mark?(address: string, provisional: boolean): Promise<void>;
  /**
   * planChanged, by default over graphql-ws; `onLive` each time the server says it listens (the `subscribed` event:
   * at the start and after each reconnection), from when on a change committed is heard
   */
  subscribe?(target: LiveTarget, onChange: () => void, onLive: () => void): LiveSubscription;
  /** how long calls are collected before one request goes (ms) */
  windowMs?: number;
};

/** canceled: Excel took the formula away (deleted, overwritten); from then on the cell is neither asked nor answered */
type Cell = {
  kind: FunctionKind;
  request: CellRequest;
  invocation: CellInvocation;
  provisional: boolean;
  canceled: boolean;
};
type Group = { target: LiveTarget; cells: Set<Cell>; subscription: LiveSubscription | null };

const MAX_CELLS_PER_REQUEST = 5000;
const STORAGE_KEY = 'cruscotto.formulaValues';

export class FormulaCells {
  private host: FormulaHost | null = null;
  private waiting: Cell[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly groups = new Map<string, Group>();
  private known = new Map<string, CodeValue>();
  /** requests sent to the server, for the benchmark and the tests */
  requests = 0;

  /** the shared runtime's pane calls this when it starts, and again when the connection or binding changes */
  configure(host: FormulaHost): void {
    this.host = host;
    this.known = new Map(Object.entries(this.stored()));
    // cells asked before the pane was ready (Excel recalculates on open) are answered now, and so are those still
    // waiting in the window for the old connection's request
    const all = new Set([...this.waiting, ...[...this.groups.values()].flatMap((g) => [...g.cells])]);
    this.waiting = [];
    for (const group of this.groups.values()) {
      // emptied: a change its closing subscription still tells re-reads none of them (nor one taken away meanwhile)
      group.cells.clear();
      void group.subscription?.close().catch(() => undefined);
    }
    this.groups.clear();
    for (const cell of all) this.enqueue(cell);
  }

  /** a formula cell: answered within the window, then again each time the server's value changes */
  ask(kind: FunctionKind, args: Record<string, unknown>, invocation: CellInvocation): void {
    const host = this.host;
    const named = args.plan !== null && args.plan !== undefined && String(args.plan).trim() !== '';
    const fallback = () => host?.target()?.planId ?? null;
    if (!named && host?.boundPlan) {
      // Excel may take the formula away while the binding is looked up: such a cell is never placed
      let canceled = false;
      invocation.onCanceled = () => (canceled = true);
      void host.boundPlan().then(
        (plan) => canceled || this.place(kind, args, invocation, plan),
        () => canceled || this.place(kind, args, invocation, fallback()),
      );
      return;
    }
    this.place(kind, args, invocation, fallback());
  }

  private place(kind: FunctionKind, args: Record<string, unknown>, invocation: CellInvocation, bound: string | null) {
    const request = cellRequest(args as never, bound);
    if (typeof request === 'string') {
      invocation.setResult(this.problem(request));
      return;
    }
    const cell: Cell = { kind, request, invocation, provisional: false, canceled: false };
    invocation.onCanceled = () => this.forget(cell);
    this.enqueue(cell);
  }

  /** every cell with a value, how many there are and how many are provisional (the pane says it) */
  counts(): { cells: number; provisional: number } {
    const cells = [...this.groups.values()].flatMap((g) => [...g.cells]);
    return { cells: cells.length, provisional: cells.filter((c) => c.provisional).length };
  }

  /** re-reads every cell now, in one request (the ribbon's Aggiorna) */
  refreshAll(): Promise<void> {
    for (const group of this.groups.values()) for (const cell of group.cells) this.waiting.push(cell);
    return this.flush();
  }

  private enqueue(cell: Cell): void {
    if (!this.host) {
      this.settle(cell, this.fallback(cell, formulaWords.it.notConnected));
      this.join(cell);
      return;
    }
    this.waiting.push(cell);
    this.timer ??= setTimeout(() => void this.flush(), this.host.windowMs ?? 30);
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const cells = this.waiting;
    this.waiting = [];
    const host = this.host;
    const target = host?.target() ?? null;
    if (!host || !cells.length) return;
    for (const cell of cells) this.join(cell);
    if (!target) {
      for (const cell of cells) this.settle(cell, this.fallback(cell, formulaWords[host.language].notConnected));
      return;
    }
    const unique = new Map(cells.map((c) => [requestKey(c.request), c.request]));
    const requests = [...unique.values()];
    try {
      const client = new CruscottoClient({ serverUrl: target.serverUrl, token: target.token, fetch: host.fetch });
      for (let at = 0; at < requests.length; at += MAX_CELLS_PER_REQUEST) {
        this.requests++;
        const answer = await client.request(CODE_VALUES, { requests: requests.slice(at, at + MAX_CELLS_PER_REQUEST) });
        for (const value of answer.codeValues) this.known.set(requestKey(value), value);
      }
      this.store();
      for (const cell of cells) this.answer(cell, this.known.get(requestKey(cell.request)) ?? null, false);
    } catch (error) {
      const words = formulaWords[host.language];
      if (error instanceof OfflineError) {
        for (const cell of cells) this.answer(cell, this.known.get(requestKey(cell.request)) ?? null, true);
        return;
      }
      const message =
        error instanceof ApiError && error.kind === 'unauthorized'
          ? words.unauthorized
          : error instanceof ApiError && error.kind === 'forbidden'
            ? words.forbidden
            : format(words.server, { message: error instanceof Error ? error.message : String(error) });
      for (const cell of cells) this.settle(cell, host.error(message));
    }
  }

  /** the server's value of a cell (the last one read, provisional, when offline), or why there is none */
  private answer(cell: Cell, value: CodeValue | null, offline: boolean): void {
    const host = this.host!;
    const words = formulaWords[host.language];
    if (!value) {
      this.settle(cell, host.error(offline ? words.offline : words.notConnected));
      return;
    }
    if (value.problem) {
      const key = (
        { UNKNOWN_CODE: 'unknownCode', PLAN_NOT_FOUND: 'planNotFound', TOO_MANY_PLANS: 'tooManyPlans' } as const
      )[value.problem];
      this.settle(cell, host.error(format(words[key], { code: cell.request.code })));
      return;
    }
    this.settle(cell, resultOf(cell.kind, value, host.language), offline);
  }

  /**
   * What a cell shows, and with a value whether it is provisional (its mark): every answer goes through here, and
   * none reaches a cell Excel took away, whatever the path (one answered after its request came back): its address
   * may hold another formula now, which neither the answer nor the mark may touch.
   */
  private settle(cell: Cell, result: unknown, provisional?: boolean): void {
    if (cell.canceled) return;
    cell.invocation.setResult(result);
    if (provisional === undefined || provisional === cell.provisional) return;
    const { address } = cell.invocation;
    if (address && this.host?.mark) void this.host.mark(address, provisional).catch(() => undefined);
    cell.provisional = provisional;
  }

  /** before the pane is ready: the last value read, provisional, or the reason there is none */
  private fallback(cell: Cell, message: string): unknown {
    const known = this.known.get(requestKey(cell.request));
    if (known && !known.problem) return resultOf(cell.kind, known, this.host?.language ?? 'it');
    return this.host ? this.host.error(message) : message;
  }

  private problem(problem: ArgumentProblem): unknown {
    const language = this.host?.language ?? 'it';
    const message = formulaWords[language][problem];
    return this.host ? this.host.error(message) : message;
  }

  /**
   * the cell's group (plan, year, checkpoint) and its subscription, opened with the group's first cell; never a cell
   * taken away: forget() takes it out of the window's queue and its group at once, and cells join only as they leave
   * that queue (configure() empties the groups it leaves, whose subscriptions may still tell a change)
   */
  private join(cell: Cell): void {
    const target = this.host?.target();
    const { planId, year, checkpoint } = cell.request;
    const key = `${planId}\u0000${year}\u0000${checkpoint}`;
    let group = this.groups.get(key);
    if (!group) {
      const live = target ? { ...target, planId, year, checkpoint } : null;
      group = { target: live ?? ({ planId, year, checkpoint } as LiveTarget), cells: new Set(), subscription: null };
      this.groups.set(key, group);
      if (live && this.host) {
        const subscribe =
          this.host.subscribe ??
          ((t: LiveTarget, onChange: () => void, onLive: () => void) =>
            subscribePlan(t, { change: onChange, state: (state) => state === 'live' && onLive() }));
        const owner = group;
        const reread = () => {
          for (const c of owner.cells) this.waiting.push(c);
          this.timer ??= setTimeout(() => void this.flush(), this.host?.windowMs ?? 30);
        };
        // read again once the server listens, as the pane's catch-up does (api/live.ts): the cells' first read goes
        // before the subscription is registered, and a change committed in between (or while the socket was down)
        // reaches no event, so the cell kept the older value until the next change
        group.subscription = subscribe(live, reread, reread);
      }
    }
    group.cells.add(cell);
  }

  /**
   * Excel took the formula away: out of the window's queue too, where configure() puts every cell again and where a
   * cell waits for its first answer (joined after that, it would keep a subscription for a cell no longer there)
   */
  private forget(cell: Cell): void {
    cell.canceled = true;
    this.waiting = this.waiting.filter((c) => c !== cell);
    for (const [key, group] of this.groups) {
      if (!group.cells.delete(cell) || group.cells.size) continue;
      void group.subscription?.close().catch(() => undefined);
      this.groups.delete(key);
    }
  }

  private stored(): Record<string, CodeValue> {
    try {
      return JSON.parse(this.host?.storage?.getItem(STORAGE_KEY) ?? '{}') as Record<string, CodeValue>;
    } catch {
      return {};
    }
  }

  private store(): void {
    try {
      this.host?.storage?.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(this.known)));
    } catch {
      // a full or refused storage only loses the offline copy
    }
  }
}

/** what the cell shows: the score (0–1, the user formats it as %), the value or target as typed, the status word */
export function resultOf(kind: FunctionKind, value: CodeValue, language: Language): unknown {
  const typed = (v: CodeValue['actual']) =>
    v === null ? '' : v.number !== null ? v.number : v.boolean !== null ? v.boolean : v.raw;
  switch (kind) {
    case 'realization':
      return value.realization?.score ?? '';
    case 'value':
      return typed(value.actual);
    case 'target':
      return typed(value.target);
    default: {
      const words = formulaWords[language].status;
      const r = value.realization;
      if (!r) return words.EMPTY;
      if (r.achieved !== null) return r.achieved ? words.ACHIEVED : words.NOT_ACHIEVED;
      return words[r.status] ?? r.status;
    }
  }
}

/** the one set of formula cells of the shared runtime */
export const formulaCells = new FormulaCells();
