import { LIMITS } from '@core/sheet/row';
import { fitsTurn, PlanQueue, TURN_BATCHES } from '../../server/sync/plan-queue';
import type { Settled } from '../../server/sync/sync-rows';

/**
 * Syncs of one plan take turns in arrival order, those that arrived during a turn taken together into the next;
 * other plans' syncs never wait for them (server/sync/plan-queue.ts).
 */
describe('PlanQueue', () => {
  const later = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

  it('runs one turn of a plan at a time, takes those waiting into the next together, and leaves no entry behind', async () => {
    const turns: string[][] = [];
    let running = 0;
    let most = 0;
    const queue = new PlanQueue<string, string>(async (items) => {
      running++;
      most = Math.max(most, running);
      turns.push(items);
      await later();
      running--;
      return items.map((value) => ({ value: value.toUpperCase() }));
    });
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((n) => queue.run('plan-1', n)));
    expect(answers).toEqual(['A', 'B', 'C', 'D']);
    expect(most).toBe(1);
    // a alone (nobody waited), then the three that arrived while it ran, in arrival order
    expect(turns).toEqual([['a'], ['b', 'c', 'd']]);
    expect(queue.size).toBe(0);
  });

  it('keeps apart, in order, what may not share a turn', async () => {
    const turns: string[][] = [];
    const queue = new PlanQueue<string, string>(
      async (items) => {
        turns.push(items);
        await later();
        return items.map((value) => ({ value }));
      },
      (first, next) => first[0] === next[0],
    );
    await Promise.all(['a1', 'a2', 'a3', 'b1', 'a4'].map((n) => queue.run('plan-1', n)));
    expect(turns).toEqual([['a1'], ['a2', 'a3'], ['b1'], ['a4']]);
  });

  it('lets other plans run meanwhile, and answers each caller with its own answer or error', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const queue = new PlanQueue<string, string>(async (items): Promise<Array<Settled<string>>> => {
      if (items.includes('hold')) await held;
      if (items.includes('crash')) throw new Error('turn failed');
      return items.map((value) => (value === 'bad' ? { error: new Error('refused') } : { value }));
    });
    const first = queue.run('plan-1', 'hold');
    const bad = queue.run('plan-1', 'bad');
    const good = queue.run('plan-1', 'good');
    // plan-2 is answered while plan-1's first turn still runs
    await expect(queue.run('plan-2', 'other')).resolves.toBe('other');
    release();
    await expect(first).resolves.toBe('hold');
    await expect(bad).rejects.toThrow('refused');
    await expect(good).resolves.toBe('good');
    await expect(queue.run('plan-1', 'crash')).rejects.toThrow('turn failed');
    expect(queue.size).toBe(0);
  });

  it('lets those arriving while a turn waits for the lock join it, and no more than a turn may take', async () => {
    const turns: string[][] = [];
    let lockTaken!: () => void;
    const lock = new Promise<void>((resolve) => (lockTaken = resolve));
    let waiting!: () => void;
    const atLock = new Promise<void>((resolve) => (waiting = resolve));
    const queue = new PlanQueue<string, string>(
      async (items, joinLate) => {
        if (items[0] === 'a') {
          waiting();
          await lock;
        }
        const all = [...items, ...joinLate()];
        turns.push(all);
        return all.map((value) => ({ value: value.toUpperCase() }));
      },
      (first, next) => first[0] !== 'x' && next[0] !== 'x',
      (turn) => turn.length < 3,
    );
    const first = queue.run('plan-1', 'a');
    await atLock;
    // b and c arrive while a's turn waits for the lock: they join it, up to three; d, then x (kept apart), later
    const rest = ['b', 'c', 'd', 'x', 'e'].map((n) => queue.run('plan-1', n));
    lockTaken();
    await expect(Promise.all([first, ...rest])).resolves.toEqual(['A', 'B', 'C', 'D', 'X', 'E']);
    expect(turns).toEqual([['a', 'b', 'c'], ['d'], ['x'], ['e']]);
    expect(queue.size).toBe(0);
  });

  it("bounds a sync turn by its batches and, together, by one batch's rows", () => {
    const sync = (rows: number) =>
      ({ ctx: {}, input: { rows: Array.from({ length: rows }, () => ({})) } }) as unknown as Parameters<
        typeof fitsTurn
      >[1];
    const turn = (n: number, rows = 20) => Array.from({ length: n }, () => sync(rows));
    expect(fitsTurn(turn(TURN_BATCHES - 1), sync(20))).toBe(true);
    expect(fitsTurn(turn(TURN_BATCHES), sync(20))).toBe(false);
    // one large batch fills a turn: the next waits for a turn of its own
    expect(fitsTurn([sync(LIMITS.rowsPerBatch - 20)], sync(20))).toBe(true);
    expect(fitsTurn([sync(LIMITS.rowsPerBatch - 20)], sync(21))).toBe(false);
  });
});
