import { Collection, Entity, OneToMany, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Node } from './base';
import { Membership } from './membership';

/**
 * Someone who calls the API. Not tenant-owned: one person may belong to several organisations (Membership).
 * A system administrator may create organisations and act in all of them.
 */
@Entity({ tableName: 'app_user' })
export class User extends Node {
  declare [OptionalProps]?: 'active' | 'systemAdmin';

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Unique()
  @Property({ type: 'string', length: 320 })
  email!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'boolean' })
  systemAdmin: boolean = false;

  @OneToMany(() => Membership, (m) => m.user)
  memberships = new Collection<Membership>(this);
}
