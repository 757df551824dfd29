import { DateTimeType, Entity, Enum, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import type { ParsedValue } from '@core/values/types';
import { ParsedValueType } from './parsed-value';
import { Indicator } from './indicator';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { OptionalDouble, OptionalString, OptionalText } from './columns';

/**
 * Valore ottenuto: one per indicator × year × checkpoint, however many dashboards list the indicator.
 * Neutralisation needs a reason; a manual score needs a justification (docs/scoring.md §5.3).
 */
@ObjectType({ simpleResolvers: true, description: 'Actual value of an indicator at a checkpoint (valore ottenuto)' })
@Entity()
@Unique({ properties: ['indicator', 'year', 'checkpoint'] })
export class Measurement extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults | 'checkpoint' | 'notCompleted' | 'neutralised' | 'recordedAt';

  @ManyToOne(() => Indicator, { deleteRule: 'cascade' })
  indicator!: Indicator;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Checkpoint)
  @Enum({ items: () => Checkpoint })
  checkpoint: Checkpoint = Checkpoint.YEAR_END;

  @Field(() => ParsedValueType, { nullable: true, description: 'null when nothing was entered' })
  @Property({ type: 'json', nullable: true })
  value?: ParsedValue | null;

  @Field({ description: 'Deadline indicators: explicitly not completed (scores 0)' })
  @Property({ type: 'boolean' })
  notCompleted: boolean = false;

  @Field()
  @Property({ type: 'boolean' })
  neutralised: boolean = false;

  @OptionalText() neutralisationReason?: string | null;

  @OptionalDouble('Manual score in [0, 1] (rule manual)') manualScore?: number | null;

  @OptionalText() manualJustification?: string | null;

  @OptionalText('Evidence offered to the OIV') evidence?: string | null;

  @OptionalText() note?: string | null;

  @OptionalString(200, 'Who recorded the value') author?: string | null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  recordedAt: Date = new Date();
}
