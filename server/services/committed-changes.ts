import {
  ChangeSetType,
  type EntityManager,
  type EventManager,
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

/**
 * What a write path knows of its own change beyond its audit events, told with them after the commit (the sheet
 * sync's rows and scores for the live feeds, server/live/feeds.ts); opaque here.
 */
export type CommitDetail = Record<string, unknown>;

export type CommitListener = (changes: CommittedChange[], details: CommitDetail[]) => void;

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

/**
 * The changes of one transaction begun by `em.transactional`, until it commits. MikroORM runs such a transaction in a
 * fork with its own copy of the event manager (ForkOptions.cloneEventManager), and a nested transaction (a savepoint,
 * which commits nothing by itself) forks that fork and copies its subscribers again: registered on the transaction's
 * event manager when it starts, this collector is therefore seen by every flush inside it, nested or not, through the
 * documented EventManager API, and is dropped with the fork on a rollback.
 */
class TransactionChanges implements EventSubscriber {
  readonly changes: CommittedChange[] = [];
  /** what the transaction did itself of what beforeCommit does (markDone) */
  readonly done = new Set<string>();
  /** noteCommitDetail */
  readonly details: CommitDetail[] = [];
  /** when the transaction began, or the earliest time an entity it flushed was stamped with (commit-order.ts) */
  startedMs = Date.now();

  afterFlush({ em, uow }: FlushEventArgs): void {
    // a transaction begun inside this one with REQUIRES_NEW copied this collector too: its flushes are its own
    if (collectorOf(em) !== this) return;
    this.changes.push(...auditedIn(uow));
    this.startedMs = Math.min(this.startedMs, earliestStampOf(uow));
  }
}

/**
 * The earliest `updatedAt` of the entities a flush wrote: an entity made before its transaction began keeps the
 * time it was made (its initialiser), which the transaction's start would not cover.
 */
function earliestStampOf(uow: UnitOfWork): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const cs of uow.getChangeSets()) {
    const stamp = (cs.entity as { updatedAt?: unknown }).updatedAt;
    if (stamp instanceof Date && stamp.getTime() < earliest) earliest = stamp.getTime();
  }
  return earliest;
}

/**
 * When the current transaction began, no later than any `updatedAt` or audit `at` it has written so far: where its
 * commit is placed in the plan's commit order (commit-order.ts). Now, outside a followed transaction.
 */
export function transactionStartOf(em: EntityManager): number {
  return collectorOf(em)?.startedMs ?? Date.now();
}

/** The collector of the innermost transaction this manager runs in: the last registered (REQUIRES_NEW stacks them). */
function collectorOf(em: EntityManager): TransactionChanges | null {
  let found: TransactionChanges | null = null;
  for (const s of em.getContext(false).getEventManager().getSubscribers())
    if (s instanceof TransactionChanges) found = s;
  return found;
}

function hold(em: EntityManager, changes: CommittedChange[]): void {
  if (changes.length === 0) return;
  const collector = collectorOf(em);
  if (!collector) throw new Error('committed-changes: a transaction not begun by em.transactional cannot be followed');
  collector.changes.push(...changes);
}

/** Follows an ORM's commits; a fork made for a transaction clones its event manager, listeners included. */
class CommitFollower implements EventSubscriber {
  constructor(public listener: CommitListener | null) {}

  tell(changes: CommittedChange[], details: CommitDetail[] = []): void {
    if (changes.length > 0) this.listener?.(changes, details);
  }

  afterTransactionCommit({ em, uow }: TransactionEventArgs): void {
    // fired for the outermost transaction only (a savepoint's release is no commit)
    const collector = uow ? null : collectorOf(em);
    this.tell(uow ? auditedIn(uow) : (collector?.changes ?? []), collector?.details ?? []);
  }
}

/**
 * What a transaction does with its changes before it commits, in it (the plans' change counters); `startedMs` is no
 * later than any time the transaction wrote (its start, its entities' `updatedAt`, its audit events' `at`).
 */
export type BeforeCommit = (
  em: EntityManager,
  transaction: unknown,
  changes: CommittedChange[],
  done: Set<string>,
  startedMs: number,
) => Promise<void>;

/**
 * One per ORM: gives every transaction begun by em.transactional its collector (whether or not anyone follows the
 * commits) and runs `beforeCommit` in the transaction, on the changes it made, before it commits.
 */
class TransactionWatcher implements EventSubscriber {
  constructor(
    private readonly globalEvents: EventManager,
    public beforeCommit: BeforeCommit | null,
  ) {}

  afterTransactionStart({ em, uow }: TransactionEventArgs): void {
    // a flush's own transaction (uow given) is told whole at its commit; only em.transactional's fork collects, and
    // never on the ORM's shared event manager, where a collector would outlive its transaction
    if (!uow && em.getEventManager() !== this.globalEvents)
      em.getEventManager().registerSubscriber(new TransactionChanges());
  }

  async beforeTransactionCommit({ em, uow, transaction }: TransactionEventArgs): Promise<void> {
    if (!this.beforeCommit) return;
    const collector = uow ? null : collectorOf(em);
    const changes = uow ? auditedIn(uow) : (collector?.changes ?? []);
    if (changes.length === 0) return;
    // a flush's own transaction began after its entities were stamped (MikroORM computes them first)
    let startedMs = uow ? earliestStampOf(uow) : (collector?.startedMs ?? Date.now());
    for (const change of changes) startedMs = Math.min(startedMs, change.at.getTime());
    await this.beforeCommit(em, transaction, changes, collector?.done ?? new Set(), Math.min(startedMs, Date.now()));
  }
}

function watcherOf(events: EventManager): TransactionWatcher | undefined {
  for (const s of events.getSubscribers()) if (s instanceof TransactionWatcher) return s;
  return undefined;
}

/** Watches the ORM's transactions (once); `beforeCommit` is what each runs on its changes before it commits. */
export function watchTransactions(em: EntityManager, beforeCommit: BeforeCommit | null = null): void {
  const events = em.getEventManager();
  const watcher = watcherOf(events);
  if (watcher) {
    if (beforeCommit) watcher.beforeCommit = beforeCommit;
    return;
  }
  events.registerSubscriber(new TransactionWatcher(events, beforeCommit));
}

/** Tells the commit's followers `detail` with the transaction's changes, once it commits (nothing on a rollback). */
export function noteCommitDetail(em: EntityManager, detail: CommitDetail): void {
  collectorOf(em)?.details.push(detail);
}

/**
 * Marks `key` as done in the current transaction (a plan whose counter a write path bumped itself, to read the
 * stamp its commit will leave): `beforeCommit` is told, and does not do it twice.
 */
export function markDone(em: EntityManager, key: string): void {
  collectorOf(em)?.done.add(key);
}

/**
 * Calls `listener` once per committed transaction with the changes it made (none for a rollback: its collector goes
 * with the transaction's fork unread). Returns the function that stops following.
 */
export function followCommits(em: EntityManager, listener: CommitListener): () => void {
  watchTransactions(em);
  const follower = new CommitFollower(listener);
  em.getEventManager().registerSubscriber(follower);
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
