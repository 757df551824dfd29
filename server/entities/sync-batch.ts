import { Entity, Property, Unique } from '@mikro-orm/core';
import { PlanVersion } from './plan-version';
import { TenantOwned } from './tenant-owned';
import { Owner } from './references';

/**
 * A sheet batch already applied, under the key its client chose: a retry with the same key gets this stored
 * answer instead of applying the rows twice. Written in the same transaction as the rows.
 */
@Entity()
@Unique({ properties: ['plan', 'batchKey'] })
export class SyncBatch extends TenantOwned {
  @Owner(() => PlanVersion) plan!: PlanVersion;

  @Property({ type: 'string', length: 200 })
  batchKey!: string;

  /** hash of the request, so the same key with different rows is refused instead of answered wrongly */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** the answer a retry of the same rows replays: its JSON, compressed (server/sync/answer-bytes.ts) */
  @Property({ type: 'blob' })
  answer!: Buffer;
}
