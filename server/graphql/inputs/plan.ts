import { ArrayMaxSize, ArrayMinSize, IsOptional, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PlanStatus } from '@core/vocabulary/enums';
import { IsCycleYears, IsPlanYear, LIMITS } from './validation';
import { Optional, NonEmpty, OptionalNonEmpty, OptionalText, OptionalIsoDate } from './fields';

@InputType()
export class CreatePlanCycleInput {
  @Field(() => ID) organisationId!: string;
  @NonEmpty(LIMITS.label) name!: string;
  @Field(() => Int) @IsPlanYear() firstYear!: number;
  @Field(() => [Int]) @ArrayMinSize(1) @ArrayMaxSize(10) @IsCycleYears() years!: number[];
}

@InputType()
export class UpdatePlanCycleInput {
  @OptionalNonEmpty(LIMITS.label) name?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsPlanYear() firstYear?: number;
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsCycleYears()
  years?: number[];
}

/** What a plan version takes alike when created and when edited */
@InputType()
abstract class PlanVersionFields {
  @OptionalText(LIMITS.name) adoptingAct?: string | null;
  @OptionalIsoDate() actDate?: string | null;
  @Optional(PlanStatus) status?: PlanStatus;
  @Optional(ID) scoringProfileId?: string | null;
  @Optional(ID) previousVersionId?: string | null;
}

@InputType()
export class CreatePlanVersionInput extends PlanVersionFields {
  @Field(() => ID) cycleId!: string;
  @Field(() => Int, { description: 'Numero di revisione (REV. n) / Revision number (REV. n)' })
  @Min(0)
  revision!: number;
  @NonEmpty(LIMITS.label) label!: string;
}

@InputType()
export class UpdatePlanVersionInput extends PlanVersionFields {
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) revision?: number;
  @OptionalNonEmpty(LIMITS.label) label?: string;
}

@InputType()
export class CreateScoringProfileInput {
  @Field(() => ID) organisationId!: string;
  @NonEmpty(100) name!: string;
  @Field(() => Int) @Min(1) profileVersion!: number;
  @Field(() => GraphQLJSONObject) parameters!: Record<string, unknown>;
}

@InputType()
export class UpdateScoringProfileInput {
  @OptionalNonEmpty(100) name?: string;
  @Optional(GraphQLJSONObject) parameters?: Record<string, unknown>;
}
