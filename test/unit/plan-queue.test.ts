import { PlanQueue } from '../../server/sync/plan-queue';

/** Syncs of one plan take turns in arrival order; other plans' syncs never wait for them (server/sync/plan-queue.ts). */
describe('PlanQueue', () => {
  const later = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

  it('runs the work of one plan one at a time, in arrival order, and leaves no entry behind', async () => {
    const queue = new PlanQueue();
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const work = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      events.push(`start ${name}`);
      await later();
      events.push(`end ${name}`);
      running--;
      return name;
    };
    const answers = await Promise.all(['a', 'b', 'c'].map((n) => queue.run('plan-1', work(n))));
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(queue.size).toBe(0);
  });

  it('lets other plans run meanwhile, and a failed turn passes to the next', async () => {
    const queue = new PlanQueue();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run('plan-1', () => held.then(() => Promise.reject(new Error('refused'))));
    const second = queue.run('plan-1', async () => 'after');
    // plan-2 is answered while plan-1's first sync still runs
    await expect(queue.run('plan-2', async () => 'other')).resolves.toBe('other');
    release();
    await expect(first).rejects.toThrow('refused');
    await expect(second).resolves.toBe('after');
    expect(queue.size).toBe(0);
  });
});
