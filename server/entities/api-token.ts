import { DateTimeType, Entity, Index, Property } from '@mikro-orm/core';
import { Node } from './base';
import { User } from './user';
import { Owner } from './references';

/**
 * A bearer token. Only its SHA-256 hash is stored, next to a short prefix that makes the lookup one indexed
 * equality; the secret itself is shown once, when it is created.
 */
@Entity()
@Index({ properties: ['prefix', 'hash'] })
export class ApiToken extends Node {
  @Owner(() => User) user!: User;

  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  label?: string | null;

  @Property({ type: DateTimeType, nullable: true })
  expiresAt?: Date | null;

  @Property({ type: DateTimeType, nullable: true })
  revokedAt?: Date | null;

  @Property({ type: DateTimeType, nullable: true })
  lastUsedAt?: Date | null;
}
