import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The databases integration tests run against: SQLite always, PostgreSQL when it answers at TEST_PG_URL
 * (default postgres://postgres@127.0.0.1:5432/test). test/global-setup.ts decides, once per run.
 */
export type TestDatabase = {
  name: 'sqlite' | 'postgresql';
  /** a fresh, empty database for one test file */
  create(): Promise<string>;
  /** a new database holding what `url` (one of this handle's, closed) holds: two servers over the same rows and ids */
  copy(url: string): Promise<string>;
  /** removes every database this handle created */
  dropAll(): Promise<void>;
};

export const PG_BASE_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

function sqlite(): TestDatabase {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    async create() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-test-'));
      dirs.push(dir);
      return path.join(dir, 'test.sqlite');
    },
    async copy(url) {
      const to = await this.create();
      // a closed database has its write-ahead log checkpointed into the file
      fs.copyFileSync(url, to);
      return to;
    },
    async dropAll() {
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** databases made by this process so far: a name never repeats, even for two created in the same millisecond */
let made = 0;

function postgres(): TestDatabase {
  const created: string[] = [];
  async function asAdmin(work: (client: Client) => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: PG_BASE_URL });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  }
  /** `create database <name><options>`: the new database's URL */
  async function createDatabase(options: string): Promise<string> {
    // pid + counter are unique among the running test processes; the time keeps a reused pid of a crashed run
    // (whose databases were never dropped) from colliding
    const name = `cruscotto_test_${process.pid}_${Date.now()}_${made++}`;
    await asAdmin((client) => client.query(`create database ${name}${options}`).then(() => undefined));
    created.push(name);
    const url = new URL(PG_BASE_URL);
    url.pathname = `/${name}`;
    return url.toString();
  }
  return {
    name: 'postgresql',
    create: () => createDatabase(''),
    copy: (from) => createDatabase(` template ${new URL(from).pathname.slice(1)}`),
    dropAll: () =>
      asAdmin(async (client) => {
        for (const name of created.splice(0)) await client.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

/** jest needs its describe blocks synchronously, so the list comes from the probe of the global setup. */
export function databaseNames(): Array<'sqlite' | 'postgresql'> {
  return process.env.CRUSCOTTO_TEST_PG === 'yes' ? ['sqlite', 'postgresql'] : ['sqlite'];
}

export function databaseFor(name: 'sqlite' | 'postgresql'): TestDatabase {
  return name === 'sqlite' ? sqlite() : postgres();
}
