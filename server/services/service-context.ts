import type { EntityManager } from '@mikro-orm/core';
import type { ChangeSource } from '../domain/enums';

/** What a service needs to know about the caller: its unit of work and who and where the change comes from. */
export type ServiceContext = {
  em: EntityManager;
  actor: string | null;
  source: ChangeSource;
  sourceDetail: string | null;
};
