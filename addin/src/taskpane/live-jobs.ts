/**
 * The live view's work (a colleague's change to apply, a poll to make), one job after the other, each when the pane
 * is not busy with an operation of the user's. A job can still find the pane busy: it looks first (is the change
 * news to this sheet? a request to the server) and the user may press Sync meanwhile; the pane then refuses to run
 * it (one operation at a time). Such a job is tried again once the pane is free, never dropped: a dropped change
 * would leave the colleague's value out of the sheet until the next Refresh, with nothing to say so.
 */
export type LiveOutcome = 'done' | 'busy';
export type LiveJob = () => Promise<LiveOutcome>;

const PAUSE_MS = 250;

export class LiveJobs {
  private readonly jobs: LiveJob[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly busy: () => boolean,
    /** how a job waits for the pane to be free (tests step it) */
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS)),
  ) {}

  add(job: LiveJob): void {
    this.jobs.push(job);
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  /** settles when every job added so far has run (tests) */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.jobs.length) {
      while (this.busy()) await this.pause();
      // a job that fails is done: its error is the pane's to show, the next change must not wait behind it
      const outcome = await this.jobs[0]().catch((): LiveOutcome => 'done');
      if (outcome === 'done') this.jobs.shift();
      // refused: the operation that took the pane is still running, so wait for it rather than ask again at once
      else await this.pause();
    }
  }
}
