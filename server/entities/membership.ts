import { Entity, Enum, ManyToOne, OptionalProps, Property, type Rel, Unique } from '@mikro-orm/core';
import { Role } from '@core/vocabulary/roles';
import { Node } from './base';
import { Organisation } from './organisation';
import { User } from './user';
import { Owner } from './references';

/**
 * A user's role in one organisation. A unit editor's units are kept as ids next to the role, so the whole
 * identity of a request (token, user, memberships) is read with one statement.
 */
@Entity()
@Unique({ properties: ['user', 'org'] })
export class Membership extends Node {
  declare [OptionalProps]?: 'unitIds';

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  // Rel<>: no decorator metadata pointing back at User (the two files import each other)
  user!: Rel<User>;

  @Owner(() => Organisation) org!: Organisation;

  @Enum({ items: () => Role })
  role!: Role;

  /** for a unit editor: the units whose indicators' actual values they may enter */
  @Property({ type: 'json' })
  unitIds: string[] = [];
}
