import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Checkpoint, Polarity, RevisionKind, ScoringRule, TargetMode } from '@core/vocabulary/enums';
import { IsFraction, IsPlanYear, LIMITS } from './validation';
import { Optional, OptionalText, OptionalIsoDate, OptionalFraction, OptionalRaw, RAW_MAX } from './fields';

/** Values arrive as the text the user typed ("3,25%", "luglio", "SI"); the server parses them and keeps the text. */
const RAW = { description: 'Come scritto, es. "3,25%", "4.500", "30/06/2022", "luglio", "SI", "n.d." / As typed' };
const OptionalValue = () => OptionalRaw(RAW.description);

@InputType()
export class ThresholdInput {
  @Field(RAW) @MaxLength(RAW_MAX) value!: string;
  @Field(() => Float, {
    description:
      'Punteggio in [0, 1] ottenuto raggiungendo il valore, es. 0.8 / Score in [0, 1] earned by reaching the value, e.g. 0.8',
  })
  @IsFraction()
  score!: number;
}

/** What a target takes alike when created and when edited: how it is scored */
@InputType()
abstract class TargetFields {
  @Optional(TargetMode) mode?: TargetMode;
  @Optional(Polarity) polarity?: Polarity | null;
  @Optional(ScoringRule) rule?: ScoringRule | null;
  @Field(() => [ThresholdInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  thresholds?: ThresholdInput[];
}

@InputType()
export class CreateTargetInput extends TargetFields {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) @IsPlanYear() year!: number;
  @Optional(Checkpoint) checkpoint?: Checkpoint;
  @OptionalValue() value?: string;
  @OptionalText(LIMITS.name) adoptingAct?: string | null;
  @OptionalText(LIMITS.text) note?: string | null;
}

@InputType()
export class UpdateTargetInput extends TargetFields {}

/** What a revision takes alike when created and when edited: its approval, act and note */
@InputType()
abstract class TargetRevisionFields {
  @Field({ nullable: true }) approved?: boolean;
  @OptionalText(LIMITS.name) adoptingAct?: string | null;
  @OptionalIsoDate() actDate?: string | null;
  @OptionalText(LIMITS.text) note?: string | null;
}

@InputType({
  description:
    'Un nuovo valore di un target: aggiunto, senza mai sovrascrivere i precedenti / A new value for a target: appended, never overwriting the earlier ones',
})
export class CreateTargetRevisionInput extends TargetRevisionFields {
  @Field(() => ID) targetId!: string;
  @Field(RAW) @MaxLength(RAW_MAX) value!: string;
  @Optional(
    RevisionKind,
    'REVISED ("nuova previsione") se non detto altrimenti / REVISED ("nuova previsione") unless said otherwise',
  )
  kind?: RevisionKind;
}

@InputType({
  description:
    'Una revisione tiene il suo valore; cambiano solo approvazione e atto / A revision keeps its value; only its approval and act can change',
})
export class UpdateTargetRevisionInput extends TargetRevisionFields {}

/** What a baseline takes alike when created and when edited: all but the indicator and the year */
@InputType()
abstract class BaselineFields {
  @OptionalValue() target?: string;
  @OptionalValue() actual?: string;
  @OptionalText(LIMITS.text) note?: string | null;
}

@InputType()
export class CreateBaselineInput extends BaselineFields {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) @IsPlanYear() year!: number;
}

@InputType()
export class UpdateBaselineInput extends BaselineFields {}

/** What a measurement takes alike when created and when edited: all but what files it (indicator, year, checkpoint) */
@InputType()
abstract class MeasurementFields {
  @OptionalValue() value?: string;
  @Field({ nullable: true }) notCompleted?: boolean;
  @Field({ nullable: true }) neutralised?: boolean;
  @OptionalText(LIMITS.text) neutralisationReason?: string | null;
  @OptionalFraction() manualScore?: number | null;
  @OptionalText(LIMITS.text) manualJustification?: string | null;
  @OptionalText(LIMITS.text) evidence?: string | null;
  @OptionalText(LIMITS.text) note?: string | null;
  @OptionalText(200) author?: string | null;
}

@InputType()
export class CreateMeasurementInput extends MeasurementFields {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) @IsPlanYear() year!: number;
  @Optional(Checkpoint) checkpoint?: Checkpoint;
}

@InputType()
export class UpdateMeasurementInput extends MeasurementFields {}
