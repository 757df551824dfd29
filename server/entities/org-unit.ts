import { Entity, Enum, ManyToOne, OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { UnitType } from '@core/vocabulary/enums';
import { Person } from './person';
import { TenantOwned } from './tenant-owned';
import { NodeDefaults } from './base';
import { OptionalString, RequiredString } from './columns';

/** Area → servizio → ufficio / U.O., plus staff units, working groups and the special agency. */
@ObjectType({ simpleResolvers: true, description: 'Organisational unit; units form a tree through parent' })
@Entity()
export class OrgUnit extends TenantOwned {
  declare [OptionalProps]?: NodeDefaults;

  @RequiredString(300) name!: string;

  @OptionalString(50) code?: string | null;

  @Field(() => UnitType)
  @Enum({ items: () => UnitType })
  type!: UnitType;

  @ManyToOne(() => OrgUnit, { nullable: true, deleteRule: 'set null' })
  parent?: OrgUnit | null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  head?: Person | null;
}
