import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import type { Access } from '../auth/access';
import type { ChangeSource } from '@core/vocabulary/enums';
import type { AuditEvent } from '../entities/audit-event';
import type { RowInserter } from '../speed/bound-insert';
import type { CommittedChange } from './committed-changes';
import type { ScoreSnapshots } from './score-snapshots';

/** What a service needs to know about the caller: its unit of work and who and where the change comes from. */
export type ServiceContext = {
  em: EntityManager;
  actor: string | null;
  source: ChangeSource;
  sourceDetail: string | null;
  /**
   * What the caller may do; every request's context carries one (server/graphql/context.ts). Absent only for
   * trusted in-process callers (the seed, the command line, tests that call a service directly).
   */
  access?: Access;
  /**
   * Bulk writers (the sheet sync) collect audit events here and insert them with one statement per chunk after
   * the flush, instead of making each one a tracked entity.
   */
  auditBuffer?: Array<RequiredEntityData<AuditEvent> | WrittenAuditEvent>;
  /**
   * The buffered events stay in `auditBuffer` when flushed: a sheet sync's turn inserts the events of all its batches
   * with one statement at its end (server/sync/sync-rows.ts), not one per batch.
   */
  auditHeld?: boolean;
  /**
   * On SQLite, a sheet sync's turn inserts each buffered event as it is recorded, in its transaction (a batch that
   * fails takes them with its savepoint), and `auditBuffer` keeps only what is read of it before the commit.
   */
  auditRows?: RowInserter<Record<string, unknown>> | null;
  /**
   * Whether services may use the speed layer (server/speed): read-only rows, set-based inserts. Only `false`
   * turns it off (a server started with the fast paths off); trusted in-process callers leave it out.
   */
  fastPaths?: boolean;
  /** The sheet batch this change belongs to (its key): recorded on each audit event, so the batch can be undone. */
  batchKey?: string | null;
  /** The score cache, where a writer keeps the scores it computed for the state it commits (the sheet sync). */
  snapshots?: ScoreSnapshots;
};

/**
 * An audit event inserted already (`auditRows`), as its transaction holds it until the commit: what the commit's
 * followers are told and a conflict's answer reads, without its snapshots (a sheet sync holds tens of thousands).
 */
export type WrittenAuditEvent = Omit<CommittedChange, 'orgId'> & { org: string | null };
