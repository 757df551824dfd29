import { createServer, connect, type Server, type Socket } from 'node:net';
import { nextTurn as processTurn, turnQueue } from '../../server/speed/next-turn';

/** A loopback connection: the server's end and the client's. */
async function connection(): Promise<{ server: Server; near: Socket; far: Socket }> {
  const server = createServer();
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const far = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => far.once('connect', resolve));
  return { server, near: await accepted, far };
}

/**
 * What happened, in order, when `links` phases asked a turn at once from a poll-phase callback (a request's data, as
 * a resolver would) while a small request's bytes became readable on another socket: each phase pushes its name
 * after its turn, the small request `request` when the loop reads it.
 */
async function orderOf(
  links: number,
  turn: () => Promise<void>,
  phase: () => void = () => undefined,
): Promise<string[]> {
  const { server, near, far } = await connection();
  const order: string[] = [];
  const done: Promise<void>[] = [];
  const read = new Promise<void>((resolve) =>
    far.once('data', () => {
      order.push('request');
      resolve();
    }),
  );
  near.once('data', () => {
    // readable from the next poll phase on: this one's sockets were gathered before
    near.write('small request');
    for (let link = 1; link <= links; link++)
      done.push(
        turn().then(() => {
          order.push(`phase ${link}`);
          phase();
        }),
      );
  });
  far.write('go');
  await read;
  await new Promise<void>((resolve) => setImmediate(resolve)); // the data callback has queued its phases
  await Promise.all(done);
  far.destroy();
  near.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return order;
}

describe('turns of the event loop (server/speed/next-turn.ts)', () => {
  it('let a small request through between long phases asked at once, and keep their order', async () => {
    let clock = 0;
    const turn = turnQueue(10, () => clock);
    // each phase holds the loop past the budget
    const order = await orderOf(4, turn, () => (clock += 50));
    expect(order.filter((step) => step !== 'request')).toEqual(['phase 1', 'phase 2', 'phase 3', 'phase 4']);
    expect(order.indexOf('request')).toBeLessThan(order.indexOf('phase 4'));
  });

  it('release cheap phases asked at once in one turn, before the loop reads the sockets again', async () => {
    const turn = turnQueue(10, () => 0);
    expect(await orderOf(4, turn)).toEqual(['phase 1', 'phase 2', 'phase 3', 'phase 4', 'request']);
  });

  it("in the process's queue too: phases holding the loop past the budget let the request through", async () => {
    const order = await orderOf(3, processTurn, () => {
      const until = performance.now() + 20;
      while (performance.now() < until);
    });
    expect(order.indexOf('request')).toBeLessThan(order.indexOf('phase 3'));
  });
});
