import { databaseFor, databaseNames } from '../helpers/databases';
import { openOrm } from '../../server/db/orm';
import type { Orm } from '../../server/db/orm';
import type { Node } from '../../server/entities/base';

/** Tables with their columns (name, type, nullability, default) and indexes, migration bookkeeping left out. */
async function sqliteStructure(orm: Orm): Promise<Record<string, unknown>> {
  const connection = orm.em.getConnection();
  const tables = (await connection.execute(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'mikro_orm_migrations' order by name",
  )) as Array<{ name: string }>;
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    const columns = (await connection.execute(`pragma table_info(\`${name}\`)`)) as Array<Record<string, unknown>>;
    const indexes = (await connection.execute(`pragma index_list(\`${name}\`)`)) as Array<{
      name: string;
      unique: number;
    }>;
    const keys = (await connection.execute(`pragma foreign_key_list(\`${name}\`)`)) as Array<Record<string, unknown>>;
    out[name] = {
      columns: columns.map((c) => [c.name, c.type, c.notnull, c.dflt_value, c.pk]),
      indexes: indexes.map((i) => [i.name, i.unique]).sort(),
      foreignKeys: keys.map((k) => [k.from, k.table, k.to, k.on_delete]).sort(),
    };
  }
  return out;
}

describe.each(databaseNames())('migrations (%s)', (dialect) => {
  const database = databaseFor(dialect);
  afterAll(() => database.dropAll());

  it('bring an empty database to exactly the schema the entities describe', async () => {
    const orm = await openOrm(await database.create());
    try {
      const migrator = orm.getMigrator();
      expect(await migrator.getPendingMigrations()).toEqual([]);
      expect((await migrator.getExecutedMigrations()).length).toBeGreaterThan(0);
      if (dialect === 'postgresql') {
        // A change to an entity without a committed migration makes this fail (run `npm run migration:create`).
        expect(await migrator.checkMigrationNeeded()).toBe(false);
      } else {
        // MikroORM's SQLite diff reports foreign keys it cannot introspect as changed, so compare the structure
        // the migrations built with the structure the entities generate on an empty database.
        const fresh = await openOrm(await database.create(), { migrate: false });
        try {
          await fresh.getSchemaGenerator().createSchema();
          expect(await sqliteStructure(orm)).toEqual(await sqliteStructure(fresh));
        } finally {
          await fresh.close(true);
        }
      }
    } finally {
      await orm.close(true);
    }
  });

  it('writes nothing when rows are only read: no spurious changes to dates or versions', async () => {
    const { seedIfEmpty } = await import('../../server/fixtures/sondrio');
    const { ENTITIES } = await import('../../server/entities');
    const orm = await openOrm(await database.create());
    try {
      await seedIfEmpty(orm.em);
      const em = orm.em.fork();
      for (const entity of ENTITIES) await em.find<Node>(entity, {});
      em.getUnitOfWork().computeChangeSets();
      expect(
        em
          .getUnitOfWork()
          .getChangeSets()
          .map((c) => `${c.name} ${JSON.stringify(c.payload)}`),
      ).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });

  it('are applied once: a second start finds nothing pending', async () => {
    const url = await database.create();
    await (await openOrm(url)).close(true);
    const again = await openOrm(url, { migrate: false });
    try {
      expect(await again.getMigrator().getPendingMigrations()).toEqual([]);
    } finally {
      await again.close(true);
    }
  });
});

describe('the embedded SQLite file', () => {
  const database = databaseFor('sqlite');
  afterAll(() => database.dropAll());

  it('runs in WAL mode with foreign keys enforced', async () => {
    const orm = await openOrm(await database.create());
    try {
      const connection = orm.em.getConnection();
      expect(await connection.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await connection.execute('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    } finally {
      await orm.close(true);
    }
  });
});
