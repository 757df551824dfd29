import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { PlanStatus } from '@core/vocabulary/enums';
import { IsIsoDate, IsPlanYear, LIMITS } from './validation';

@InputType()
export class CreatePlanCycleInput {
  @Field(() => ID) organisationId!: string;
  @Field() @Length(1, LIMITS.name) name!: string;
  @Field(() => Int) @IsPlanYear() firstYear!: number;
  @Field(() => [Int]) @ArrayMinSize(1) @ArrayMaxSize(10) years!: number[];
}

@InputType()
export class UpdatePlanCycleInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.name) name?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsPlanYear() firstYear?: number;
  @Field(() => [Int], { nullable: true }) @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(10) years?: number[];
}

@InputType()
export class PlanCycleFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field(() => Int, { nullable: true }) firstYear?: number;
}

/** What a plan version takes alike when created and when edited */
@InputType()
abstract class PlanVersionFields {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.name) adoptingAct?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() actDate?: string | null;
  @Field(() => PlanStatus, { nullable: true }) status?: PlanStatus;
  @Field(() => ID, { nullable: true }) scoringProfileId?: string | null;
  @Field(() => ID, { nullable: true }) previousVersionId?: string | null;
}

@InputType()
export class CreatePlanVersionInput extends PlanVersionFields {
  @Field(() => ID) cycleId!: string;
  @Field(() => Int, { description: 'REV. n' }) @Min(0) revision!: number;
  @Field() @Length(1, LIMITS.name) label!: string;
}

@InputType()
export class UpdatePlanVersionInput extends PlanVersionFields {
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) revision?: number;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.name) label?: string;
}

@InputType()
export class PlanVersionFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field(() => ID, { nullable: true }) cycleId?: string;
  @Field(() => PlanStatus, { nullable: true }) status?: PlanStatus;
}

@InputType()
export class CreateScoringProfileInput {
  @Field(() => ID) organisationId!: string;
  @Field() @Length(1, 100) name!: string;
  @Field(() => Int) @Min(1) profileVersion!: number;
  @Field(() => GraphQLJSONObject) parameters!: Record<string, unknown>;
}

@InputType()
export class UpdateScoringProfileInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) name?: string;
  @Field(() => GraphQLJSONObject, { nullable: true }) parameters?: Record<string, unknown>;
}

@InputType()
export class ScoringProfileFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) name?: string;
}
