import { Field, Int, ObjectType } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';

/**
 * The year and checkpoint an answer is of, as its read or batch named them (`PeriodArgs`): a realization's, a
 * report's, a batch's answer's (a base class, not in the schema).
 */
@ObjectType({ simpleResolvers: true })
export abstract class PeriodAnswer {
  @Field(() => Int) year!: number;
  @Field(() => Checkpoint) checkpoint!: Checkpoint;
}
