import Database from 'better-sqlite3';
import type { EntityManager } from '@mikro-orm/core';
import { parseValue } from '@core/values/parse';
import { openOrm, type Orm } from '../../server/db/orm';
import { KEPT_TEXT_LENGTH, keepStatements } from '../../server/db/kept-statements';
import { Measurement } from '../../server/entities';
import { updateSetBased } from '../../server/speed/set-update';
import { databaseFor, databaseNames } from '../helpers/databases';
import { buildPlan } from '../helpers/synthetic-plan';

/**
 * An SQLite connection keeps the statements it compiled by their text (server/db/kept-statements.ts), and the
 * set-based update binds its values there instead of formatting them into its text, so a sync's update is compiled
 * once for every batch of its shape (server/speed/set-update.ts). What is run and what is stored must not change:
 * a kept statement reads what is stored now, with the values given now; a bound update stores what MikroORM's own
 * update stores.
 */
describe('kept statements of an SQLite connection', () => {
  it('gives back the statement compiled for the same text, each run with its own values and reading the stored rows', () => {
    const db = keepStatements(new Database(':memory:'));
    db.exec('create table t (id integer primary key, v text)');
    const insert = db.prepare('insert into t (id, v) values (?, ?)');
    insert.run(1, 'a');
    expect(db.prepare('insert into t (id, v) values (?, ?)')).toBe(insert);
    db.prepare('insert into t (id, v) values (?, ?)').run(2, "o'b\\");
    const select = db.prepare('select v from t where id = ?');
    expect(select.all(1)).toEqual([{ v: 'a' }]);
    expect(db.prepare('select v from t where id = ?').all(2)).toEqual([{ v: "o'b\\" }]);
    db.prepare('update t set v = ? where id = ?').run('c', 1);
    expect(db.prepare('select v from t where id = ?').all(1)).toEqual([{ v: 'c' }]);
    // a schema changed since (a migration): the kept statement sees the table as it is now
    const all = db.prepare('select * from t order by id');
    db.exec("alter table t add column w text default 'x'");
    expect(db.prepare('select * from t order by id')).toBe(all);
    expect(all.all()).toEqual([
      { id: 1, v: 'c', w: 'x' },
      { id: 2, v: "o'b\\", w: 'x' },
    ]);
    db.close();
  });

  it('keeps the most recently used statements, up to its bound', () => {
    const db = keepStatements(new Database(':memory:'), 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    // 'select 2' was the least recently used of three: dropped, compiled again
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
    db.close();
  });

  it('keeps no statement whose text is longer than its bound (values formatted into it: run once)', () => {
    const db = keepStatements(new Database(':memory:'));
    const long = `select 1 where 0 in (${Array.from({ length: KEPT_TEXT_LENGTH / 4 }, (_, n) => n).join(', ')})`;
    expect(long.length).toBeGreaterThan(KEPT_TEXT_LENGTH);
    expect(db.prepare(long)).not.toBe(db.prepare(long));
    db.close();
  });
});

describe.each(databaseNames())('statements compiled once (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  const compiled: string[] = [];
  const prepare = Database.prototype.prepare;
  let orm: Orm;
  let planId: string;

  beforeAll(async () => {
    // every compile by better-sqlite3, whoever asks for it: a kept statement is not compiled again
    jest.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql: string) {
      compiled.push(sql);
      return prepare.call(this, sql);
    });
    orm = await openOrm(await databases.create());
    ({ planId } = await buildPlan(orm.em, 'KEPT', { perspectives: 1, strategic: 1, operational: 2, indicators: 40 }));
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await orm.close(true);
    await databases.dropAll();
  });

  const sqliteOnly = dialect === 'sqlite' ? it : it.skip;

  sqliteOnly("compiles a statement run again once, on the writer's connection and on the reader's", async () => {
    const em = orm.em.fork();
    const text = 'select count(*) as n from measurement where plan_id = ?';
    compiled.length = 0;
    for (let n = 0; n < 3; n++) {
      expect(await em.getConnection('write').execute(text, [planId])).toEqual([{ n: 80 }]);
      expect(await em.getConnection('read').execute(text, [planId])).toEqual([{ n: 80 }]);
    }
    // MikroORM formats the values into the text: one text, compiled once per connection
    expect(compiled.filter((sql) => sql.startsWith('select count(*)'))).toHaveLength(2);
  });

  /** the measurements of the plan's indicators, ordered, and a set-based flush of values given to half of them */
  async function measurements(em: EntityManager): Promise<Measurement[]> {
    return em.find(Measurement, { plan: planId }, { orderBy: { id: 'asc' } });
  }

  /** every row's same columns changed in each round (one group of the set-based update), values of every kind */
  function write(rows: Measurement[], round: number): void {
    rows.forEach((m, n) => {
      m.value = parseValue(String(round * 100 + n));
      m.neutralised = round % 2 === 1;
      m.neutralisationReason = `l'anno \\ ${round}`;
      m.note = `nota ${n} ${round}`;
      m.author = `test ${round}`;
      m.recordedAt = new Date(Date.UTC(2022, 11, 31, 10, 11, 12, 300 + round));
    });
  }

  /** the columns the writes above set, as stored */
  async function stored(em: EntityManager, ids: string[]): Promise<Array<Record<string, unknown>>> {
    const rows: Array<Record<string, unknown>> = await em
      .getConnection()
      .execute(
        'select value, neutralised, neutralisation_reason, note, author, recorded_at from measurement where id in (?) order by id',
        [ids],
      );
    return rows.map((r) => ({ ...r, value: typeof r.value === 'string' ? JSON.parse(r.value) : r.value }));
  }

  it("stores what MikroORM's own update stores, and compiles the update of a batch's shape once", async () => {
    const em = orm.em.fork();
    const all = await measurements(em);
    expect(all).toHaveLength(80);
    const [mine, own] = [all.slice(0, 20), all.slice(20, 40)];
    compiled.length = 0;
    for (const round of [1, 2]) {
      write(mine, round);
      await em.transactional(async (tx) => {
        updateSetBased(tx);
        await tx.flush();
      });
    }
    const updates = compiled.filter((sql) => /^update\b.*\bmeasurement\b/.test(sql));
    // SQLite: one text for both rounds (values bound), compiled once; PostgreSQL compiles nothing here
    expect(updates).toHaveLength(dialect === 'sqlite' ? 1 : 0);
    // the same values through MikroORM's own batched update, on the other 20 rows (a unit of work not fitted)
    const plain = orm.em.fork();
    const others = await plain.find(Measurement, { id: { $in: own.map((m) => m.id) } }, { orderBy: { id: 'asc' } });
    write(others, 2);
    await plain.flush();
    const ours = await stored(
      orm.em.fork(),
      mine.map((m) => m.id),
    );
    const theirs = await stored(
      orm.em.fork(),
      others.map((m) => m.id),
    );
    expect(ours).toEqual(theirs);
    expect(ours[1]).toMatchObject({ note: 'nota 1 2', neutralisation_reason: "l'anno \\ 2", author: 'test 2' });
  });
});
