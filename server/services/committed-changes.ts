import {
  ChangeSetType,
  type EntityManager,
  type EventSubscriber,
  type FlushEventArgs,
  type TransactionEventArgs,
  type UnitOfWork,
} from '@mikro-orm/core';
import type { AuditAction, ChangeSource } from '@core/vocabulary/enums';
import { AuditEvent } from '../entities/audit-event';

/**
 * A change as it committed, told from its audit event: every write path records one (recordChange, or the sheet
 * sync's buffered events), in the same transaction as the change. Listening to the audit trail is therefore the one
 * place that sees mutations, sheet syncs and imports alike, and only once they are committed.
 */
export type CommittedChange = {
  orgId: string | null;
  planId: string | null;
  entityType: string;
  entityId: string;
  action: AuditAction;
  actor: string | null;
  source: ChangeSource;
  at: Date;
};

export type CommitListener = (changes: CommittedChange[]) => void;

/** Audit rows written natively inside a transaction (the sync's set-based insert), waiting for its commit. */
const pending = new WeakMap<object, CommittedChange[]>();

/**
 * The root of a transaction: a nested one (a savepoint) commits nothing by itself. MikroORM marks the parent under
 * a module-private symbol (knex/AbstractSqlConnection.js), found here by its description.
 */
function rootOf(trx: object): object {
  let at = trx as Record<symbol, unknown>;
  for (;;) {
    const parent = Object.getOwnPropertySymbols(at).find((s) => s.description === 'parentTransaction');
    if (!parent || !at[parent]) return at;
    at = at[parent] as Record<symbol, unknown>;
  }
}

function changeOf(row: {
  org?: { id: string } | string | null;
  planId?: string | null;
  entityType: string;
  entityId: string;
  action: AuditAction;
  actor?: string | null;
  source: ChangeSource;
  at: Date;
}): CommittedChange {
  const org = row.org ?? null;
  return {
    orgId: typeof org === 'string' ? org : (org?.id ?? null),
    planId: row.planId ?? null,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actor: row.actor ?? null,
    source: row.source,
    at: row.at,
  };
}

function auditedIn(uow: UnitOfWork): CommittedChange[] {
  return uow
    .getChangeSets()
    .filter((cs) => cs.type === ChangeSetType.CREATE && cs.entity instanceof AuditEvent)
    .map((cs) => changeOf(cs.entity as AuditEvent));
}

function hold(em: EntityManager, changes: CommittedChange[]): void {
  if (changes.length === 0) return;
  const key = rootOf(em.getTransactionContext() as object);
  const list = pending.get(key);
  if (list) list.push(...changes);
  else pending.set(key, [...changes]);
}

/** Follows an ORM's commits; a fork made for a transaction clones its event manager, listeners included. */
class CommitFollower implements EventSubscriber {
  constructor(public listener: CommitListener | null) {}

  tell(changes: CommittedChange[]): void {
    if (changes.length > 0) this.listener?.(changes);
  }

  afterFlush({ em, uow }: FlushEventArgs): void {
    // a flush outside a transaction committed on its own: afterTransactionCommit told it already, with its uow
    if (em.isInTransaction()) hold(em, auditedIn(uow));
  }

  afterTransactionCommit({ transaction, uow }: TransactionEventArgs): void {
    const changes = [...(transaction ? (pending.get(rootOf(transaction)) ?? []) : []), ...(uow ? auditedIn(uow) : [])];
    this.tell(changes);
  }
}

/**
 * Calls `listener` once per committed transaction with the changes it made (none for a rollback: its held changes
 * are never read and go with the transaction object). Returns the function that stops following.
 */
export function followCommits(em: EntityManager, listener: CommitListener): () => void {
  const follower = new CommitFollower(listener);
  const events = em.getEventManager();
  events.registerSubscriber(follower);
  // MikroORM 6 has no unregister: a stopped follower stays registered and falls silent
  return () => {
    follower.listener = null;
  };
}

/** For audit rows inserted natively (not through the unit of work): held until the transaction commits. */
export function noteAuditRows(em: EntityManager, rows: ReadonlyArray<Parameters<typeof changeOf>[0]>): void {
  if (rows.length === 0) return;
  const changes = rows.map(changeOf);
  if (em.isInTransaction()) {
    hold(em, changes);
    return;
  }
  // an insert outside a transaction has committed already
  for (const s of em.getEventManager().getSubscribers()) if (s instanceof CommitFollower) s.tell(changes);
}
