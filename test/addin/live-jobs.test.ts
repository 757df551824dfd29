/**
 * The live view's jobs (addin/src/taskpane/live-jobs.ts): a colleague's change that finds the pane taken by the
 * user's own operation after it looked (the user pressed Sync while the pane asked whether the change was news) is
 * applied once the pane is free, not dropped. The pane's one-operation-at-a-time rule is played by `operate`, which
 * refuses while `busy` is set, as Pane.attempt does; pauses are stepped by the test, not timed.
 */
import { LiveJobs, type LiveOutcome } from '../../addin/src/taskpane/live-jobs';

/** a promise the test settles */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('live jobs', () => {
  let busy: boolean;
  const applied: string[] = [];
  /** the pane: runs work unless an operation holds it */
  const operate = async (work: () => void): Promise<boolean> => {
    if (busy) return false;
    work();
    return true;
  };
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

  beforeEach(() => {
    busy = false;
    applied.splice(0);
  });

  test('a change refused because the user started an operation meanwhile is applied after that operation', async () => {
    const jobs = new LiveJobs(() => busy, pause);
    const asked = gate();
    let looks = 0;
    jobs.add(async (): Promise<LiveOutcome> => {
      looks++;
      // is it news? the server answers after the user pressed Sync
      if (looks === 1) await asked.opened;
      return (await operate(() => applied.push('Anna: 42'))) ? 'done' : 'busy';
    });
    await pause();
    busy = true; // the user's Sync takes the pane
    asked.open();
    for (let i = 0; i < 5; i++) await pause();
    expect(applied).toEqual([]);
    busy = false; // the Sync ends
    await jobs.idle();
    expect(applied).toEqual(['Anna: 42']);
    expect(looks).toBe(2);
  });

  test('jobs run one after the other in arrival order, each when the pane is free, a failing one not blocking the next', async () => {
    busy = true;
    const jobs = new LiveJobs(() => busy, pause);
    const order: string[] = [];
    jobs.add(async () => {
      order.push('first');
      return 'done';
    });
    jobs.add(async () => {
      order.push('failing');
      throw new Error('server unreachable');
    });
    jobs.add(async () => {
      order.push('third');
      return 'done';
    });
    for (let i = 0; i < 5; i++) await pause();
    expect(order).toEqual([]);
    busy = false;
    await jobs.idle();
    expect(order).toEqual(['first', 'failing', 'third']);
  });
});
