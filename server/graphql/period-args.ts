import { ArgsType, Field, ID, Int } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';

/** The year and checkpoint a read is of, the year end unless asked: a report's, and with its plan a sheet's. */
@ArgsType()
export class PeriodArgs {
  @Field(() => Int) year!: number;
  @Field(() => Checkpoint, { defaultValue: Checkpoint.YEAR_END }) checkpoint!: Checkpoint;
}

/** A plan in one period: its sheet's rows, scores and row history, and its changes as they come. */
@ArgsType()
export class PlanPeriodArgs extends PeriodArgs {
  @Field(() => ID) planId!: string;
}
