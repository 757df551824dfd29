/**
 * SIGTERM while a request is in flight (README, "Running several instances"): the server stops accepting, the
 * request completes with its answer, the database is closed and the process exits 0. The request is held open by
 * its client, not by a timer: its headers arrive (the server answers "100 Continue", so it is surely being served),
 * the signal is sent, and only when the server has logged that it is draining does the body follow.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { seedAdminTokens, type ServerProcess, startServerProcess } from '../helpers/server-process';

describe('graceful shutdown (sqlite, a real process)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-shutdown-'));
  const databaseUrl = path.join(dir, 'db.sqlite');
  let token: string;
  let server: ServerProcess;

  beforeAll(async () => {
    [token] = await seedAdminTokens(databaseUrl, 'STOP', ['test']);
    // NODE_ENV as a deployment has it, not Jest's `test`: Apollo Server installs its own SIGTERM handler outside
    // NODE_ENV=test, and that handler once turned the signal into a forced exit 1 with the request cut
    server = await startServerProcess({ DATABASE_URL: databaseUrl, NODE_ENV: 'production' }, 'shutdown');
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A GraphQL request whose headers are sent and acknowledged (100 Continue) and whose body waits for `send`. */
  async function heldRequest(url: string, query: string) {
    const body = JSON.stringify({ query });
    const request = http.request({
      host: '127.0.0.1',
      port: Number(new URL(url).port),
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: `Bearer ${token}`,
        expect: '100-continue',
      },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
    });
    await new Promise<void>((resolve) => request.once('continue', () => resolve()));
    return { answer, send: () => request.end(body) };
  }

  it('lets the request in flight finish, refuses new connections, exits 0', async () => {
    const held = await heldRequest(server.url, 'query InFlight { __typename }');

    server.child.kill('SIGTERM');
    await server.waitForLog((line) => line.msg === 'shutdown started: draining requests');
    // the listening socket is closed: a new connection is refused
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();

    held.send();
    const { status, text } = await held.answer;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' } });
    expect(await server.exited).toBe(0);
    expect(server.logs().map((line) => line.msg)).toEqual(
      expect.arrayContaining(['shutdown started: draining requests', 'shutdown complete']),
    );
    expect(server.logs().find((line) => line.msg === 'shutdown complete')).toMatchObject({ code: 0 });
  });

  it('cuts a request that outlasts SHUTDOWN_TIMEOUT_SECONDS and exits 1', async () => {
    const slow = await startServerProcess(
      { DATABASE_URL: databaseUrl, SHUTDOWN_TIMEOUT_SECONDS: '1', NODE_ENV: 'production' },
      'forced',
    );
    try {
      const held = await heldRequest(slow.url, '{ __typename }');
      slow.child.kill('SIGTERM');
      // the body never comes: the drain waits its second, then cuts the connection
      await expect(held.answer).rejects.toThrow();
      expect(await slow.exited).toBe(1);
      expect(slow.logs().find((line) => line.msg === 'shutdown forced')).toMatchObject({ code: 1 });
    } finally {
      await slow.stop();
    }
  });
});
