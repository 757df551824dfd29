import type { EntityManager } from '@mikro-orm/core';
import type { ChangeSource } from '../domain/enums';

/** What a service needs to know about the caller: its unit of work and who and where the change comes from. */
export type ServiceContext = {
  em: EntityManager;
  actor: string | null;
  source: ChangeSource;
  sourceDetail: string | null;
  /**
   * Bulk writers (the sheet sync) collect audit events here and insert them with one statement per chunk after
   * the flush, instead of making each one a tracked entity.
   */
  auditBuffer?: Array<Record<string, unknown>>;
};
