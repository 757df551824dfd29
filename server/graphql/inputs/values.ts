import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Checkpoint, Polarity, RevisionKind, ScoringRule, TargetMode } from '@core/vocabulary/enums';
import { IsFraction, IsIsoDate, IsPlanYear, LIMITS } from './validation';

/** Values arrive as the text the user typed ("3,25%", "luglio", "SI"); the server parses them and keeps the text. */
const RAW = { description: 'As typed, e.g. "3,25%", "4.500", "30/06/2022", "luglio", "SI", "n.d."' };
const RAW_MAX = 500;

@InputType()
export class ThresholdInput {
  @Field(RAW) @MaxLength(RAW_MAX) value!: string;
  @Field(() => Float, { description: 'Score in [0, 1] earned by reaching the value, e.g. 0.8' })
  @IsFraction()
  score!: number;
}

@InputType()
export class CreateTargetInput {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) @IsPlanYear() year!: number;
  @Field(() => Checkpoint, { nullable: true }) checkpoint?: Checkpoint;
  @Field(() => TargetMode, { nullable: true }) mode?: TargetMode;
  @Field(() => Polarity, { nullable: true }) polarity?: Polarity | null;
  @Field(() => ScoringRule, { nullable: true }) rule?: ScoringRule | null;
  @Field({ ...RAW, nullable: true }) @IsOptional() @MaxLength(RAW_MAX) value?: string;
  @Field(() => [ThresholdInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  thresholds?: ThresholdInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.name) adoptingAct?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) note?: string | null;
}

@InputType()
export class UpdateTargetInput {
  @Field(() => TargetMode, { nullable: true }) mode?: TargetMode;
  @Field(() => Polarity, { nullable: true }) polarity?: Polarity | null;
  @Field(() => ScoringRule, { nullable: true }) rule?: ScoringRule | null;
  @Field(() => [ThresholdInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  thresholds?: ThresholdInput[];
}

@InputType()
export class TargetFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) indicatorId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => Checkpoint, { nullable: true }) checkpoint?: Checkpoint;
}

/** What a revision takes alike when created and when edited: its approval, act and note */
@InputType()
abstract class TargetRevisionFields {
  @Field({ nullable: true }) approved?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.name) adoptingAct?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() actDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) note?: string | null;
}

@InputType({ description: 'A new value for a target: appended, never overwriting the earlier ones' })
export class CreateTargetRevisionInput extends TargetRevisionFields {
  @Field(() => ID) targetId!: string;
  @Field(RAW) @MaxLength(RAW_MAX) value!: string;
  @Field(() => RevisionKind, { nullable: true, description: 'REVISED ("nuova previsione") unless said otherwise' })
  kind?: RevisionKind;
}

@InputType({ description: 'A revision keeps its value; only its approval and act can change' })
export class UpdateTargetRevisionInput extends TargetRevisionFields {}

@InputType()
export class TargetRevisionFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) targetId?: string;
  @Field(() => RevisionKind, { nullable: true }) kind?: RevisionKind;
}

/** What a baseline takes alike when created and when edited: all but the indicator and the year */
@InputType()
abstract class BaselineFields {
  @Field({ ...RAW, nullable: true }) @IsOptional() @MaxLength(RAW_MAX) target?: string;
  @Field({ ...RAW, nullable: true }) @IsOptional() @MaxLength(RAW_MAX) actual?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) note?: string | null;
}

@InputType()
export class CreateBaselineInput extends BaselineFields {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) @IsPlanYear() year!: number;
}

@InputType()
export class UpdateBaselineInput extends BaselineFields {}

@InputType()
export class BaselineFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) indicatorId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
}

/** What a measurement takes alike when created and when edited: all but what files it (indicator, year, checkpoint) */
@InputType()
abstract class MeasurementFields {
  @Field({ ...RAW, nullable: true }) @IsOptional() @MaxLength(RAW_MAX) value?: string;
  @Field({ nullable: true }) notCompleted?: boolean;
  @Field({ nullable: true }) neutralised?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) neutralisationReason?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsFraction() manualScore?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) manualJustification?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) evidence?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) note?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) author?: string | null;
}

@InputType()
export class CreateMeasurementInput extends MeasurementFields {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) @IsPlanYear() year!: number;
  @Field(() => Checkpoint, { nullable: true }) checkpoint?: Checkpoint;
}

@InputType()
export class UpdateMeasurementInput extends MeasurementFields {}

@InputType()
export class MeasurementFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) indicatorId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => Checkpoint, { nullable: true }) checkpoint?: Checkpoint;
  @Field(() => ID, { nullable: true, description: 'Measurements of indicators this unit is responsible for' })
  unitId?: string;
  @Field({ nullable: true }) neutralised?: boolean;
}
