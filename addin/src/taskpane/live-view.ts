/**
 * The pane's live updates while a workbook is bound and connected: a subscription to the bound plan's changes
 * (api/live.ts), each applied like Refresh but only to the rows and scores it names, as one pane operation (so it
 * never runs beside a Sync), with "Aggiornato da Anna Rossi alle 10:42" left in view. When the websocket cannot
 * open the pane says so and asks sheetRows(since) every few seconds instead; once the socket is back it catches up
 * on what it missed meanwhile and stops polling.
 */
import { subscribePlan, type LiveState, type LiveSubscription, type PlanChange } from '../api/live';
import { format, messages, type Language } from '../i18n';
import { clockTime, liveLine } from '../live-words';
import type { WorkbookSession } from '../sync/session';
import type { RefreshSummary } from '../sync/types';
import { byId } from './dom';

export type LiveOptions = {
  /** how often to ask sheetRows(since) while the websocket is down (ms); default 30 s */
  pollMs?: number;
  /** the WebSocket class (tests outside a browser); the browser's own by default */
  webSocketImpl?: unknown;
};

/** runs work as a pane operation (one at a time, outcome in the summary) */
type Operate = (work: () => Promise<string>) => Promise<void>;

export class LiveView {
  private subscription: LiveSubscription | null = null;
  private followed: string | null = null;
  private poller: ReturnType<typeof setInterval> | null = null;
  private readonly jobs: Array<() => Promise<void>> = [];
  private draining = false;
  private mode = '';
  private last = '';

  constructor(
    private readonly session: WorkbookSession,
    private readonly language: Language,
    private readonly operate: Operate,
    private readonly busy: () => boolean,
    private readonly options: LiveOptions = {},
  ) {}

  private get pollMs(): number {
    return this.options.pollMs ?? 30_000;
  }

  /** follows what the pane is bound and connected to; called whenever that may have changed */
  update(): void {
    const target = this.session.liveTarget;
    const key = target ? JSON.stringify(target) : null;
    if (key === this.followed) return;
    this.followed = key;
    void this.subscription?.close();
    this.subscription = null;
    this.stopPolling();
    this.last = '';
    if (!target) return this.show('');
    this.subscription = subscribePlan(
      target,
      { change: (change) => this.queue(() => this.apply(change)), state: (s, again) => this.state(s, again) },
      { webSocketImpl: this.options.webSocketImpl },
    );
  }

  private state(state: LiveState, reconnected: boolean): void {
    if (state === 'live') {
      this.stopPolling();
      this.show(liveLine(this.language, 'live'));
      // what changed while the socket was down comes in by the same road as polling
      if (reconnected) this.queue(() => this.poll());
    } else if (state === 'down') {
      this.poller ??= setInterval(() => this.queue(() => this.poll()), this.pollMs);
      this.show(liveLine(this.language, 'polling', { seconds: Math.round(this.pollMs / 1000) }));
    } else this.show(liveLine(this.language, 'connecting'));
  }

  private async apply(change: PlanChange): Promise<void> {
    if (!(await this.session.isNews(change))) return;
    const line = change.changedBy
      ? liveLine(this.language, 'updatedBy', { who: change.changedBy, time: clockTime(new Date(change.at)) })
      : liveLine(this.language, 'updatedAt', { time: clockTime(new Date(change.at)) });
    await this.operate(async () => this.told(line, await this.session.applyLive(change)));
  }

  private async poll(): Promise<void> {
    if (!(await this.session.hasNews().catch(() => false))) return;
    const line = liveLine(this.language, 'updatedAt', { time: clockTime(new Date()) });
    await this.operate(async () => this.told(line, await this.session.refresh()));
  }

  private told(line: string, summary: RefreshSummary): string {
    this.last = line;
    this.render();
    const { updated, conflicts, deletedOnServer } = summary;
    return `${line}. ${format(messages[this.language].ui.refreshed, { updated, conflicts, deletedOnServer })}`;
  }

  /** jobs one after the other, each when the pane is not busy with an operation of the user's */
  private queue(job: () => Promise<void>): void {
    this.jobs.push(job);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.jobs.length) {
        while (this.busy()) await new Promise((resolve) => setTimeout(resolve, 250));
        await this.jobs.shift()!().catch(() => undefined);
      }
    } finally {
      this.draining = false;
    }
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }

  private show(mode: string): void {
    this.mode = mode;
    this.render();
  }

  private render(): void {
    const line = byId('live');
    line.textContent = [this.mode, this.last].filter(Boolean).join(' ');
    line.hidden = !line.textContent;
    // how changes arrive now, for styling and for tests: polling while the socket is down
    line.dataset.mode = this.poller ? 'polling' : this.mode ? 'socket' : '';
  }
}
