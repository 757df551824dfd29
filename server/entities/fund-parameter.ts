import { Entity, Enum, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { FundKind } from '@core/vocabulary/enums';
import { PlanCycle } from './plan-cycle';
import { TenantOwned } from './tenant-owned';
import { NodeDefaults } from './base';
import { OptionalText } from './columns';

/** Unit value per relevance point of an incentive fund in one cycle (docs/scoring.md §5.9). */
@ObjectType({
  simpleResolvers: true,
  description: 'Value in euro of one relevance point of an incentive fund in a cycle',
})
@Entity()
@Unique({ properties: ['cycle', 'fund'] })
export class FundParameter extends TenantOwned {
  declare [OptionalProps]?: NodeDefaults;

  @ManyToOne(() => PlanCycle, { deleteRule: 'cascade' })
  cycle!: PlanCycle;

  @Field(() => FundKind)
  @Enum({ items: () => FundKind })
  fund!: FundKind;

  @Field(() => Float)
  @Property({ type: 'double' })
  unitValue!: number;

  @OptionalText() note?: string | null;
}
