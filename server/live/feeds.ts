import type { EntityManager } from '@mikro-orm/core';
import { Repeater } from '@graphql-yoga/subscription';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { MovedScoreLevel } from '@core/vocabulary/results';
import { Role } from '@core/vocabulary/roles';
import { Access } from '../auth/access';
import { scopeToTenants } from '../auth/tenant-filter';
import type { PlanScores } from '../services/realization';
import type { ScoreSnapshots } from '../services/score-snapshots';
import { stateScores } from '../export/sheet-data';
import { countSubscriptions } from '../ops/metrics';
import { realizationView, type RealizationView } from '../services/realization-view';
import { codeOf, levelOfNode, loadPlanState } from '../sync/plan-state';
import type { LiveHub, LiveMessage } from './hub';
import type { SheetChange } from '../sync/rescore';

/** A sheet row that changed: its id, new version, and who changed it when from where. */
export type ChangedRowOut = {
  rowId: string;
  rowVersion: number;
  level: string;
  code: string | null;
  changedBy: string | null;
  changedAt: Date;
  source: string;
};

/** A score that moved: the node, its realization before (score and display) and now (whole). */
export type MovedScoreOut = {
  id: string;
  level: MovedScoreLevel;
  code: string | null;
  oldScore: number | null;
  oldDisplay: string | null;
  realization: RealizationView | null;
};

export type PlanChangeOut = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  changedBy: string | null;
  at: Date;
  source: string;
  rows: ChangedRowOut[];
  deletedRowIds: string[];
  scores: MovedScoreOut[];
  /** the subscription's first event, and only it: the server hears every change committed from now on */
  subscribed: boolean;
};

/**
 * A test seam (test/helpers/live.ts): where the next subscription waits after its request reached the server and
 * before it is registered on the hub, so a test commits a write in that window on any machine, however loaded.
 */
export type RegistrationGate = { pass(): Promise<void> };

type Scored = { level: MovedScoreLevel; code: string | null; view: RealizationView | null };
type Picture = {
  rows: Map<string, { version: number; level: string; code: string | null }>;
  scores: Map<string, Scored>;
};

/** How many message answers a feed remembers, so every subscriber of the instance shares one computation. */
const REMEMBERED = 64;

/**
 * The plan as a feed last told it: every row's version and every score. Each change is read once per instance and
 * (plan, year, checkpoint), however many subscribers listen, with its own unit of work (docs/stack-notes.md §4.5:
 * one fork per event, never one for the socket's life), and compared with the last picture; so a change of any
 * path, a unit renamed or a profile revised included, reaches the sheet as the rows and scores it moved.
 */
class PlanFeed {
  listeners = 0;
  private picture: Promise<Picture | null>;
  private readonly answers = new Map<string, Promise<PlanChangeOut | null>>();

  constructor(
    private readonly em: EntityManager,
    readonly orgId: string,
    readonly planId: string,
    readonly year: number,
    readonly checkpoint: Checkpoint,
    private readonly readOnly: boolean,
    private readonly snapshots?: ScoreSnapshots,
  ) {
    this.picture = this.read();
  }

  async settled(): Promise<void> {
    await this.picture;
  }

  /** what `message` changed for this feed; null when nothing it shows moved */
  after(message: LiveMessage): Promise<PlanChangeOut | null> {
    let answer = this.answers.get(message.id);
    if (answer) return answer;
    // one after the other: each answer compares with the picture the previous one left
    const previous = this.picture;
    const sheet = message.sheet;
    const told =
      sheet && sheet.planId === this.planId && sheet.year === this.year && sheet.checkpoint === this.checkpoint;
    // a sync's own account of its rows and scores is the new picture without a read (rescore.ts); otherwise read
    const next = previous.then((before) => (told && before && applied(before, sheet)) || this.read());
    this.picture = next.catch(() => previous);
    answer = Promise.all([previous, next]).then(([before, now]) =>
      before && now ? diff(before, now, message, this) : null,
    );
    this.answers.set(message.id, answer);
    if (this.answers.size > REMEMBERED) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  private async read(): Promise<Picture | null> {
    const em = this.em.fork();
    // the plan's organisation only, read as its viewer would
    scopeToTenants(em, new Access(false, [{ orgId: this.orgId, role: Role.VIEWER, unitIds: [] }]));
    let state;
    let stamp;
    try {
      // the stamp before the rows (score-snapshots.ts): the scores computed here after a write are kept, and the
      // reads that follow it on this instance compute nothing
      stamp = (await this.snapshots?.stamp(em, this.planId)) ?? null;
      state = await loadPlanState(em, this.planId, this.year, this.checkpoint, { readOnly: this.readOnly });
    } catch {
      return null; // the plan was deleted: nothing more to tell
    }
    const scores = await stateScores(this.snapshots, stamp, state, this.readOnly);
    const rows: Picture['rows'] = new Map();
    for (const node of state.nodes.values())
      rows.set(node.id, { version: state.rowVersion(node), level: levelOfNode(node), code: codeOf(node) });
    return { rows, scores: scoresOf(state.snapshot, scores, this.year, this.checkpoint) };
  }
}

/** `before` with the sync's rows and scores; null when it names a row or score the picture lacks (then read). */
function applied(before: Picture, sheet: SheetChange): Picture | null {
  const rows = new Map(before.rows);
  const scores = new Map(before.scores);
  for (const row of sheet.rows) {
    if (!rows.has(row.rowId)) return null;
    rows.set(row.rowId, { version: row.rowVersion, level: row.level, code: row.code });
  }
  for (const score of sheet.scores) {
    const old = scores.get(score.id);
    if (!old) return null;
    scores.set(score.id, { ...old, view: score.realization });
  }
  return { rows, scores };
}

function scoresOf(
  snapshot: Awaited<ReturnType<typeof loadPlanState>>['snapshot'],
  scores: PlanScores,
  year: number,
  checkpoint: Checkpoint,
): Map<string, Scored> {
  const out = new Map<string, Scored>();
  const put = (
    id: string,
    level: MovedScoreLevel,
    code: string | null,
    result: Parameters<typeof realizationView>[0],
  ) => out.set(id, { level, code, view: realizationView(result, year, checkpoint) });
  for (const n of snapshot.indicators) put(n.id, 'indicator', n.code, scores.indicators.get(n.id));
  for (const n of snapshot.operationalObjectives)
    put(n.id, 'operational', n.code, scores.operationalObjectives.get(n.id));
  for (const n of snapshot.strategicObjectives) put(n.id, 'strategic', n.code, scores.strategicObjectives.get(n.id));
  for (const n of snapshot.perspectives) put(n.id, 'perspective', n.code ?? n.name, scores.perspectives.get(n.id));
  for (const d of snapshot.dashboards) put(d.id, 'dashboard', d.name, scores.dashboards.get(d.id));
  put(snapshot.plan.id, 'plan', snapshot.plan.label, scores.plan);
  return out;
}

function diff(before: Picture, now: Picture, message: LiveMessage, feed: PlanFeed): PlanChangeOut | null {
  const at = new Date(message.at);
  const rows: ChangedRowOut[] = [];
  for (const [rowId, row] of now.rows) {
    if (before.rows.get(rowId)?.version === row.version) continue;
    rows.push({
      rowId,
      rowVersion: row.version,
      level: row.level,
      code: row.code,
      changedBy: message.actor,
      changedAt: at,
      source: message.source,
    });
  }
  const deletedRowIds = [...before.rows.keys()].filter((id) => !now.rows.has(id));
  const scores: MovedScoreOut[] = [];
  for (const [id, s] of now.scores) {
    const old = before.scores.get(id)?.view ?? null;
    const view = s.view;
    if (old?.score === view?.score && old?.display === view?.display && old?.status === view?.status) continue;
    scores.push({
      id,
      level: s.level,
      code: s.code,
      oldScore: old?.score ?? null,
      oldDisplay: old?.display ?? null,
      realization: view,
    });
  }
  if (rows.length === 0 && deletedRowIds.length === 0 && scores.length === 0) return null;
  return {
    planId: feed.planId,
    year: feed.year,
    checkpoint: feed.checkpoint,
    changedBy: message.actor,
    at,
    source: message.source,
    rows,
    deletedRowIds,
    scores,
    subscribed: false,
  };
}

function subscribedEvent(feed: PlanFeed): PlanChangeOut {
  const { planId, year, checkpoint } = feed;
  const nothing = { rows: [], deletedRowIds: [], scores: [] };
  return { planId, year, checkpoint, changedBy: null, at: new Date(), source: 'system', ...nothing, subscribed: true };
}

/** The feeds of one instance, one per (plan, year, checkpoint) with subscribers, over the instance's hub. */
export class PlanFeeds {
  private readonly feeds = new Map<string, PlanFeed>();
  private open = 0;
  /** a test's hold on the next subscriptions' registration (never set in production) */
  registrationGate: RegistrationGate | null = null;

  constructor(
    private readonly em: EntityManager,
    readonly hub: LiveHub,
    private readonly readOnly: boolean,
    private readonly snapshots?: ScoreSnapshots,
  ) {}

  /** subscriptions open on this instance (a Prometheus gauge, and tests waiting for a subscriber) */
  get subscriptions(): number {
    return this.open;
  }

  /**
   * The changes of a plan the caller was authorised to read (the resolver checks that first), until the client
   * stops. A Repeater, not an async generator: a generator waiting for the next message could not be stopped.
   */
  follow(orgId: string, planId: string, year: number, checkpoint: Checkpoint): AsyncIterable<PlanChangeOut> {
    const key = `${planId}|${year}|${checkpoint}`;
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = new PlanFeed(this.em, orgId, planId, year, checkpoint, this.readOnly, this.snapshots);
      this.feeds.set(key, feed);
    }
    const mine = feed;
    mine.listeners++;
    const messages = this.hub.messages(orgId)[Symbol.asyncIterator]();
    return new Repeater<PlanChangeOut>(async (push, stop) => {
      let stopped = false;
      let counted = false;
      void stop.then(() => {
        stopped = true;
        void messages.return?.();
      });
      try {
        // a change committed after the feed's first picture is told against it
        await mine.settled();
        await this.registrationGate?.pass();
        // Registered: the first next() subscribes on the hub, and listening() waits until Redis has done it. Only
        // then the `subscribed` event, after which the client reads what it missed from its last cursor (the
        // add-in's catch-up, bench B8's). Why that order closes the window between the socket's opening and here, on
        // any number of instances: a commit publishes after it has committed, so a change this subscription does
        // not hear was published before the SUBSCRIBE, hence committed before this event was sent, hence visible to
        // a read the client begins after it. The other design, replaying plan_commit from a `since` inside the
        // subscription, would have to merge that replay with the events of the feed's picture without duplicates,
        // on each instance; here a change may come twice (an event and the catch-up), which is harmless: the client
        // compares versions (addin/src/sync/live-news.ts).
        let pending = messages.next();
        await this.hub.listening();
        if (stopped) return;
        this.open++;
        counted = true;
        // the /metrics gauge a deployer (and bench B8, across processes) reads: subscriptions registered
        countSubscriptions(1);
        await push(subscribedEvent(mine));
        while (!stopped) {
          const next = await Promise.race([pending, stop.then(() => ({ done: true }) as const)]);
          if (next.done) break;
          pending = messages.next();
          const message = next.value;
          if (message.planIds && !message.planIds.includes(planId)) continue;
          const change = await mine.after(message);
          if (change && !stopped) await push(change);
        }
      } finally {
        if (counted) {
          this.open--;
          countSubscriptions(-1);
        }
        mine.listeners--;
        if (mine.listeners === 0 && this.feeds.get(key) === mine) this.feeds.delete(key);
        stop();
      }
    });
  }
}
