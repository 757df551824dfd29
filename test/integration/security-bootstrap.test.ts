import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, listen } from '../../server/app';
import { openOrm } from '../../server/db/orm';
import { Organisation } from '../../server/entities';
import { ensureLocalAdmin } from '../../server/services/users';

/**
 * Getting the first token: the embedded start's local administrator, and the command line (user:create,
 * token:create, token:revoke) on the database the server uses. SQLite: what is tested is the bootstrap, not SQL.
 */

const ROOT = path.join(__dirname, '../..');
const TS_NODE = path.join(ROOT, 'node_modules/.bin/ts-node');

describe('first users and tokens (sqlite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-boot-'));
  const databaseUrl = path.join(dir, 'db.sqlite');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function cli(script: string, args: string[]): string {
    return execFileSync(
      TS_NODE,
      ['--swc', '-r', 'tsconfig-paths/register', path.join(ROOT, 'server/cli', script), ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' },
    );
  }

  async function serve<T>(
    work: (gql: (token: string, query: string) => Promise<{ status: number; body: any }>) => Promise<T>,
  ): Promise<T> {
    const orm = await openOrm(databaseUrl);
    const app = await createApp(orm, { log: () => undefined });
    const port = await listen(app.httpServer, 0, '127.0.0.1');
    try {
      return await work(async (token, query) => {
        const r = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        return { status: r.status, body: await r.json() };
      });
    } finally {
      await app.stop();
      await orm.close(true);
    }
  }

  it('creates a local system administrator on a database without users, once, with its token in a 0600 file', async () => {
    const orm = await openOrm(databaseUrl);
    let first: { token: string; file: string } | null;
    try {
      first = await ensureLocalAdmin(orm.em, path.join(dir, 'data'));
      expect(await ensureLocalAdmin(orm.em, path.join(dir, 'data'))).toBeNull();
      const em = orm.em.fork();
      em.create(Organisation, { code: 'CLI', name: 'Ente CLI' });
      await em.flush();
    } finally {
      await orm.close(true);
    }
    expect(first!.token).toMatch(/^cru_[A-Za-z0-9_-]{43}$/);
    expect(fs.readFileSync(first!.file, 'utf8').trim()).toBe(first!.token);
    expect(fs.statSync(first!.file).mode & 0o777).toBe(0o600);
    const me = await serve((gql) => gql(first!.token, '{ me { name systemAdmin } }'));
    expect(me.body.data.me).toEqual({ name: 'Local administrator', systemAdmin: true });
  });

  it('creates users with a role and tokens from the command line, and revokes them', async () => {
    const created = cli('user-create.ts', [
      '--email',
      'Anna.Rossi@Example.it',
      '--name',
      'Anna Rossi',
      '--org',
      'CLI',
      '--role',
      'controller',
    ]);
    expect(created).toMatch(/Created user anna\.rossi@example\.it, controller of CLI\./);
    const token = /\n(cru_\S+)/.exec(created)![1];
    const second = /\n(cru_\S+)/.exec(
      cli('token-create.ts', ['--email', 'anna.rossi@example.it', '--label', 'add-in', '--expires-in-days', '30']),
    )![1];
    expect(second).not.toBe(token);

    await serve(async (gql) => {
      const me = await gql(token, '{ me { name memberships { role } } }');
      expect(me.body.data.me).toEqual({ name: 'Anna Rossi', memberships: [{ role: 'CONTROLLER' }] });
      expect((await gql(second, '{ me { email } }')).body.data.me.email).toBe('anna.rossi@example.it');
    });
    expect(cli('token-revoke.ts', ['--token', token.slice(0, 12)])).toMatch(/Revoked 1 token/);
    await serve(async (gql) => {
      const refused = await gql(token, '{ me { name } }');
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.reason).toBe('TOKEN_REVOKED');
      expect((await gql(second, '{ me { name } }')).status).toBe(200);
    });
  });
});
