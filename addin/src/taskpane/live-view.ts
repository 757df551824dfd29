/**
 * The pane's live updates while a workbook is bound and connected: a subscription to the bound plan's changes
 * (api/live.ts), each applied like Refresh but only to the rows and scores it names, as one pane operation (so it
 * never runs beside a Sync), with "Aggiornato da Anna Rossi alle 10:42" left in view. When the websocket cannot
 * open the pane says so and asks sheetRows(since) every few seconds instead; once the socket is back it catches up
 * on what it missed meanwhile and stops polling. Each of the workbook's bindings has its own subscription (issue 18,
 * item 7): a change reaches the binding of its plan, year and checkpoint, whichever sheet is selected.
 */
import { subscribePlan, type LiveState, type LiveSubscription, type LiveTarget, type PlanChange } from '../api/live';
import { format, messages, type Language } from '../i18n';
import { clockTime, liveLine } from '../live-words';
import type { WorkbookSession } from '../sync/session';
import type { RefreshSummary } from '../sync/types';
import { byId } from './dom';
import { LiveJobs, type LiveOutcome } from './live-jobs';

export type LiveOptions = {
  /** how often to ask sheetRows(since) while the websocket is down (ms); default 30 s */
  pollMs?: number;
  /** the WebSocket class (tests outside a browser); the browser's own by default */
  webSocketImpl?: unknown;
};

/**
 * runs work as a pane operation (one at a time; the outcome is this view's to show, a failure goes to the summary);
 * false when the pane was busy and did not
 */
type Operate = (work: () => Promise<string>) => Promise<boolean>;

type Followed = { target: LiveTarget; subscription: LiveSubscription; down: boolean };

export class LiveView {
  private followed: Followed[] = [];
  private key: string | null = null;
  private poller: ReturnType<typeof setInterval> | null = null;
  private readonly jobs: LiveJobs;
  private mode = '';
  private last = '';

  constructor(
    private readonly session: WorkbookSession,
    private readonly language: Language,
    private readonly operate: Operate,
    private readonly busy: () => boolean,
    private readonly options: LiveOptions = {},
  ) {
    this.jobs = new LiveJobs(busy);
  }

  private get pollMs(): number {
    return this.options.pollMs ?? 30_000;
  }

  /** follows what the pane is bound and connected to; called whenever that may have changed */
  update(): void {
    const targets = this.session.liveTargets;
    const key = JSON.stringify(targets);
    if (key === this.key) return;
    this.key = key;
    for (const f of this.followed) void f.subscription.close();
    this.followed = [];
    this.stopPolling();
    this.last = '';
    if (!targets.length) return this.show('');
    for (const target of targets) {
      const followed: Followed = { target, subscription: null as never, down: false };
      followed.subscription = subscribePlan(
        target,
        {
          change: (change) => this.jobs.add(() => this.apply(change, target)),
          state: (s) => this.state(followed, s),
        },
        { webSocketImpl: this.options.webSocketImpl },
      );
      this.followed.push(followed);
    }
  }

  private state(followed: Followed, state: LiveState): void {
    followed.down = state === 'down';
    if (state === 'live') {
      if (!this.followed.some((f) => f.down)) this.stopPolling();
      this.show(liveLine(this.language, 'live'));
      // what changed before the server listened (while the socket was down, or since the sheet's last read)
      // comes in by the same road as polling: 'live' comes once the server has registered the subscription
      // (api/live.ts), so a change committed after this read begins is heard as an event
      this.jobs.add(() => this.poll(followed.target));
    } else if (state === 'down') {
      this.poller ??= setInterval(() => {
        for (const f of this.followed) if (f.down) this.jobs.add(() => this.poll(f.target));
      }, this.pollMs);
      this.show(liveLine(this.language, 'polling', { seconds: Math.round(this.pollMs / 1000) }));
    } else this.show(liveLine(this.language, 'connecting'));
  }

  private async apply(change: PlanChange, target: LiveTarget): Promise<LiveOutcome> {
    if (!(await this.session.isNews(change, target))) return 'done';
    const line = change.changedBy
      ? liveLine(this.language, 'updatedBy', { who: change.changedBy, time: clockTime(new Date(change.at)) })
      : liveLine(this.language, 'updatedAt', { time: clockTime(new Date(change.at)) });
    const ran = await this.operate(async () => this.told(line, await this.session.applyLive(change, target)));
    return ran ? 'done' : 'busy';
  }

  private async poll(target: LiveTarget): Promise<LiveOutcome> {
    if (!(await this.session.hasNews(target).catch(() => false))) return 'done';
    const line = liveLine(this.language, 'updatedAt', { time: clockTime(new Date()) });
    const ran = await this.operate(async () => this.told(line, await this.session.refreshOf(target)));
    return ran ? 'done' : 'busy';
  }

  /** "Aggiornato da Anna Rossi alle 10:42. Righe aggiornate: 3; …" in the live line, where it stays in view */
  private told(line: string, summary: RefreshSummary): string {
    const { updated, conflicts, deletedOnServer } = summary;
    this.last = `${line}. ${format(messages[this.language].ui.refreshed, { updated, conflicts, deletedOnServer })}`;
    this.render();
    return this.last;
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
