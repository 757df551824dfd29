import { Property } from '@mikro-orm/core';
import { Field, Int } from 'type-graphql';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { RequiredInt, RequiredString } from './columns';

@NodeEntity(
  'Un ciclo di pianificazione triennale (o più breve), es. 2022-2024 / A triennial (or shorter) planning cycle, e.g. 2022-2024',
)
export class PlanCycle extends TenantOwned {
  @RequiredString(200) name!: string;

  @RequiredInt() firstYear!: number;

  @Field(() => [Int])
  @Property({ type: 'json' })
  years!: number[];
}
