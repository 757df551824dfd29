import { ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { PlanVersion } from './plan-version';
import { NodeDefaults } from './base';
import { TenantOwned } from './tenant-owned';

/** {@link NodeDefaults} plus the display order, which starts at 0 */
export type PlanOwnedDefaults = NodeDefaults | 'position';

/**
 * Rows that belong to one plan version carry it directly, so a whole plan loads with one statement per
 * kind of row, whatever its size.
 */
@ObjectType({ simpleResolvers: true })
export abstract class PlanOwned extends TenantOwned {
  @ManyToOne(() => PlanVersion, { deleteRule: 'cascade' })
  plan!: PlanVersion;

  @Field(() => Int, { description: 'Display order among siblings' })
  @Property({ type: 'integer' })
  position: number = 0;
}
