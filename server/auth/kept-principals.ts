import { type EntityManager, type EntityMetadata, ReferenceKind } from '@mikro-orm/core';
import { ApiToken } from '../entities/api-token';
import { Membership } from '../entities/membership';
import { User } from '../entities/user';
import { RecentMap } from '../speed/recent-map';

/** What a token's last full lookup found, and the rows it was made from (as `rowsText` writes them). */
export type KeptLookup<T> = { rows: string; found: T };

/** the token's last use, and the row version and update time its write moves */
const LAST_USED = ['last_used_at', 'updated_at', 'version'];

/** Tokens kept per database: past it the one least recently used goes */
export const KEPT_TOKENS = 1000;

/**
 * The token lookup of every request (authenticate.ts) loaded the token, its user and their memberships through the
 * ORM: building three kinds of entity cost ~1 ms of event loop per request, a tenth of a small read's (bench B4).
 * The rows themselves are one plain statement. So the entities of a token's last lookup are kept with the rows they
 * were built from, and reused only while the same statement reads exactly the same rows: every column of the three
 * tables (taken from the ORM's mapping, so a column added later is compared too) but the token's last use, the
 * memberships in id order. A revocation, an expiry moved, a user disabled or renamed, a membership added, changed or
 * removed, on this instance or another, changes those rows, and the next request loads them again as before.
 */
export class KeptPrincipals<T> {
  private readonly kept = new RecentMap<string, KeptLookup<T>>(KEPT_TOKENS);
  private readonly sql: string;

  constructor(em: EntityManager) {
    const metadata = em.getMetadata();
    const tables = [
      ['t', metadata.get(ApiToken.name)],
      ['u', metadata.get(User.name)],
      ['m', metadata.get(Membership.name)],
    ] as const;
    const columns = tables.flatMap(([alias, meta]) =>
      columnsOf(meta)
        // the token's last use is a hint written once a minute (authenticate.ts), kept up to date on the entity
        .filter((c) => !(alias === 't' && LAST_USED.includes(c)))
        .map((c) => `${alias}."${c}" as "${alias}_${c}"`),
    );
    const [t, u, m] = tables.map(([, meta]) => `"${meta.tableName}"`);
    this.sql =
      `select ${columns.join(', ')} from ${t} t join ${u} u on u."id" = t."user_id" ` +
      `left join ${m} m on m."user_id" = u."id" where t."prefix" = ? and t."hash" = ? order by m."id"`;
  }

  /** The token's rows as they are now, written as one text (an unknown token: "[]"). */
  async rowsText(em: EntityManager, prefix: string, hash: string): Promise<string> {
    // the reader's connection, as the ORM's find outside a transaction: on SQLite the writer's may be held by a sync
    const rows = await em
      .getConnection('read')
      .execute<Array<Record<string, unknown>>>(this.sql, [prefix, hash], 'all');
    return JSON.stringify(rows);
  }

  /** What was kept for the token when it was found from exactly these rows, else undefined; a token in use stays. */
  get(hash: string, rows: string): T | undefined {
    const kept = this.kept.get(hash);
    return kept?.rows === rows ? kept.found : undefined;
  }

  /** Keeps what a full lookup found, with the rows read before it (a change between the two: the next one differs). */
  keep(hash: string, rows: string, found: T): void {
    this.kept.set(hash, { rows, found });
  }

  /** the statement, for tests */
  get statement(): string {
    return this.sql;
  }
}

/** The columns of an entity's table: its own properties and the foreign keys it holds. */
function columnsOf(meta: EntityMetadata): string[] {
  return meta.props
    .filter((p) => p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE))
    .flatMap((p) => p.fieldNames);
}
