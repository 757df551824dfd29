import { ArrayMaxSize, IsOptional, Length, MaxLength, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  IndicatorCategory,
  IndicatorStatus,
  Polarity,
  PurposeClass,
  Relevance,
  ScoringRule,
  ValueKind,
} from '@core/vocabulary/enums';
import { IsFraction, IsIsoDate, IsWeight, LIMITS } from './validation';

@InputType()
export class CreatePerspectiveInput {
  @Field(() => ID) planId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string | null;
  @Field() @Length(1, LIMITS.name) name!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class UpdatePerspectiveInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string | null;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.name) name?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class PerspectiveFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string;
}

/** What a strategic objective takes alike when created and when edited */
@InputType()
abstract class StrategicObjectiveFields {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) kpi?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(10) missionCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.name) strategicArea?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsFraction() passMark?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsFraction() ownShare?: number | null;
  @Field(() => Relevance, { nullable: true }) relevance?: Relevance | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(36) previousId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class CreateStrategicObjectiveInput extends StrategicObjectiveFields {
  @Field(() => ID) perspectiveId!: string;
  @Field() @Length(1, LIMITS.code) code!: string;
  @Field() @Length(1, LIMITS.text) title!: string;
}

@InputType()
export class UpdateStrategicObjectiveInput extends StrategicObjectiveFields {
  @Field(() => ID, { nullable: true }) perspectiveId?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.code) code?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.text) title?: string;
}

@InputType()
export class StrategicObjectiveFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) perspectiveId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string;
}

/** What an operational objective takes alike when created and when edited */
@InputType()
abstract class OperationalObjectiveFields {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) kpi?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsWeight() weight?: number | null;
  @Field({ nullable: true }) contributes?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) expectedBenefit?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) plannedActions?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.name) effort?: string | null;
  @Field(() => Relevance, { nullable: true }) relevance?: Relevance | null;
  @Field(() => PurposeClass, { nullable: true }) purposeClass?: PurposeClass | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(LIMITS.name, { each: true })
  budgetLines?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(LIMITS.text, { each: true })
  evidence?: string[];
  @Field({ nullable: true }) isNew?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(36) previousId?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) responsibleUnitIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) responsiblePersonIds?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class CreateOperationalObjectiveInput extends OperationalObjectiveFields {
  @Field(() => ID, { nullable: true, description: 'Parent strategic objective' }) strategicObjectiveId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Needed only when there is no parent' }) planId?: string;
  @Field() @Length(1, LIMITS.code) code!: string;
  @Field() @Length(1, LIMITS.text) title!: string;
}

@InputType()
export class UpdateOperationalObjectiveInput extends OperationalObjectiveFields {
  @Field(() => ID, { nullable: true }) strategicObjectiveId?: string | null;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.code) code?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.text) title?: string;
}

@InputType()
export class OperationalObjectiveFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) strategicObjectiveId?: string;
  @Field(() => ID, { nullable: true, description: 'Objectives this unit is responsible for' }) unitId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string;
}

/** What an indicator takes alike when created and when edited */
@InputType()
abstract class IndicatorFields {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) actionLabel?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) formula?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) numerator?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) denominator?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.code) unit?: string | null;
  @Field(() => ValueKind, { nullable: true }) valueKind?: ValueKind;
  @Field(() => Polarity, { nullable: true }) polarity?: Polarity;
  @Field({ nullable: true }) polarityConfirmed?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) polarityEvidence?: string | null;
  @Field(() => ScoringRule, { nullable: true }) rule?: ScoringRule | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) ruleParams?: Record<string, unknown> | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsWeight() weight?: number | null;
  @Field({ nullable: true }) monitoring?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.name) dataSource?: string | null;
  @Field(() => [IndicatorCategory], { nullable: true }) categories?: IndicatorCategory[];
  @Field(() => IndicatorStatus, { nullable: true }) status?: IndicatorStatus;
  @Field(() => ID, { nullable: true }) replacedById?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() replacedOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) replacementReason?: string | null;
  @Field(() => ID, { nullable: true }) projectId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(36) previousId?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) responsibleUnitIds?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class CreateIndicatorInput extends IndicatorFields {
  @Field(() => ID, { nullable: true, description: 'Parent operational objective' }) operationalObjectiveId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Parent strategic objective (own indicators)' })
  strategicObjectiveId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Needed only for an indicator listed only in dashboards' })
  planId?: string;
  @Field() @Length(1, LIMITS.code) code!: string;
  @Field() @Length(1, LIMITS.text) title!: string;
}

@InputType()
export class UpdateIndicatorInput extends IndicatorFields {
  @Field(() => ID, { nullable: true }) operationalObjectiveId?: string | null;
  @Field(() => ID, { nullable: true }) strategicObjectiveId?: string | null;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.code) code?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.text) title?: string;
}

@InputType()
export class IndicatorFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) strategicObjectiveId?: string;
  @Field(() => ID, { nullable: true }) operationalObjectiveId?: string;
  @Field(() => ID, { nullable: true, description: 'Indicators this unit is responsible for' }) unitId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string;
  @Field(() => Polarity, { nullable: true }) polarity?: Polarity;
  @Field({ nullable: true }) monitoring?: boolean;
}
