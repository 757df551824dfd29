import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ScoringRule } from '@core/vocabulary/enums';
import type { ParsedValue } from '@core/values/types';
import { Person } from './person';
import { Project } from './project';
import { TenantOwned } from './tenant-owned';
import { NodeDefaults } from './base';
import { OptionalDouble, OptionalValue, RequiredText } from './columns';

/** An activity of a project, with its own target, rule and responsible person. */
@ObjectType({ simpleResolvers: true, description: 'Attività of a project' })
@Entity()
export class Activity extends TenantOwned {
  declare [OptionalProps]?: NodeDefaults | 'position';

  @ManyToOne(() => Project, { deleteRule: 'cascade' })
  project!: Project;

  @RequiredText() name!: string;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  responsible?: Person | null;

  @OptionalDouble() weight?: number | null;

  @Field(() => ScoringRule, { nullable: true })
  @Enum({ items: () => ScoringRule, nullable: true })
  rule?: ScoringRule | null;

  @OptionalValue() target?: ParsedValue | null;

  @OptionalValue() actual?: ParsedValue | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position: number = 0;
}
