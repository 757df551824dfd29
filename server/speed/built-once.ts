import type { EntityManager } from '@mikro-orm/core';
import type { QueryBuilder, SqlEntityManager } from '@mikro-orm/knex';
import { RecentMap } from './recent-map';

/** A statement as knex builds it for the query builder: `?` placeholders, and the values to bind in their order. */
export type BuiltStatement = { sql: string; bindings: readonly unknown[] };

/** what is used of the query builder `build` makes */
type Buildable = Pick<QueryBuilder<object>, 'applyFilters' | 'getKnexQuery'>;

/**
 * One read through MikroORM's query builder, whose statement is built once per ORM, key and tenant filter, and then
 * run as the query builder runs it: building it (the query builder, its filters applied, knex's SQL) was most of a
 * small read's cost (the plan stamp: 4 reads per sync, 5 % of a B4 sync on SQLite).
 *
 * The contract: `build(em, key)` makes a query builder whose statement follows from `key` and the filters of
 * `entityName` alone (it reads nothing else, from its closure or the database), so the statement built for them
 * serves every later read with the same key and filters. The filters are those the caller's unit of work would apply
 * to `entityName` (`em.applyFilters`): two callers under different tenant filters never share a statement. The
 * statement is knex's own for the query builder (`getKnexQuery().toSQL()`, what `QueryBuilder.execute` runs), and
 * it runs on the connection and transaction the query builder would take, its rows unmapped (as
 * `execute('all', false)` gives them). `test/integration/built-once.test.ts` compares both with the query builder's
 * own execution, on SQLite and PostgreSQL.
 */
/**
 * The statements kept per ORM by a BuiltOnce keyed by plan (and, as every one, tenant filter), the most recently
 * used: a few plans are read at a time.
 */
export const PLAN_STATEMENTS = 256;

export class BuiltOnce {
  private readonly byOrm = new WeakMap<object, RecentMap<string, BuiltStatement>>();

  /** `most`: the statements kept per ORM, the most recently used */
  constructor(
    private readonly entityName: string,
    private readonly build: (em: SqlEntityManager, key: string) => Buildable,
    private readonly most = PLAN_STATEMENTS,
  ) {}

  /** the statement for `key` under the caller's filters, built on its first use */
  async statement(em: EntityManager, key: string): Promise<BuiltStatement> {
    const sql = em as SqlEntityManager;
    const filter = await sql.applyFilters(this.entityName, {}, {}, 'read');
    const driver = sql.getDriver();
    let kept = this.byOrm.get(driver);
    if (!kept) this.byOrm.set(driver, (kept = new RecentMap(this.most)));
    const filtered = `${key} ${JSON.stringify(filter)}`;
    const known = kept.get(filtered);
    if (known) return known;
    const qb = this.build(sql, key);
    await qb.applyFilters();
    const { sql: text, bindings } = qb.getKnexQuery().toSQL();
    // copied once, from knex's statement, and frozen: every later read binds this very array (read())
    const statement: BuiltStatement = { sql: text, bindings: Object.freeze([...(bindings ?? [])]) };
    kept.set(filtered, statement);
    return statement;
  }

  /**
   * the rows of the statement for `key`, read as the query builder reads them; with `values`, each binding that is one
   * of its keys (an object `build` gave the query builder as a value, e.g. a Date it compares a column with) bound as
   * the value it maps to: the query builder puts a scalar value it is given among the bindings as it is, its text the
   * same whatever the value, so this is the statement it builds with that value (`built-once.test.ts`)
   */
  async read(
    em: EntityManager,
    key: string,
    values?: ReadonlyMap<object, unknown>,
  ): Promise<Array<Record<string, unknown>>> {
    const sql = em as SqlEntityManager;
    const built = await this.statement(sql, key);
    const statement = values ? { sql: built.sql, bindings: bound(built.bindings, values) } : built;
    // the connection the query builder would have taken, the transaction's own when there is one
    const type = sql.config.get('preferReadReplicas') ? 'read' : 'write';
    const context = sql.getContext(false).getTransactionContext();
    // bound as kept (MikroORM only reads them, to format the text and to log it): frozen, no read can change them
    const rows = await sql
      .getDriver()
      .getConnection(type)
      .execute(statement.sql, statement.bindings as unknown[], 'all', context);
    return rows as Array<Record<string, unknown>>;
  }
}

/** the bindings with each value of `values`' keys replaced; every key must be found (a statement built without one
 * would silently read with the value it was built with) */
function bound(bindings: readonly unknown[], values: ReadonlyMap<object, unknown>): unknown[] {
  let found = 0;
  const out = bindings.map((value) => {
    if (typeof value !== 'object' || value === null || !values.has(value)) return value;
    found++;
    return values.get(value);
  });
  if (found < values.size) throw new Error("BuiltOnce: a value to bind is not among the statement's bindings");
  return out;
}
