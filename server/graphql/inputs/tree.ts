import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import {
  IndicatorCategory,
  IndicatorStatus,
  Polarity,
  PurposeClass,
  Relevance,
  ScoringRule,
  ValueKind,
} from '@core/vocabulary/enums';
import { LIMITS } from './validation';
import {
  Optional,
  NonEmpty,
  OptionalNonEmpty,
  OptionalText,
  OptionalIsoDate,
  OptionalWeight,
  OptionalFraction,
  OptionalIds,
  OptionalTexts,
  Position,
  Coded,
  Recoded,
} from './fields';

@InputType()
export class CreatePerspectiveInput {
  @Field(() => ID) planId!: string;
  @OptionalText(LIMITS.code) code?: string | null;
  @NonEmpty(LIMITS.name) name!: string;
  @Position() position?: number;
}

@InputType()
export class UpdatePerspectiveInput {
  @OptionalText(LIMITS.code) code?: string | null;
  @OptionalNonEmpty(LIMITS.name) name?: string;
  @Position() position?: number;
}

/** What a strategic objective takes alike when created and when edited */
@InputType()
abstract class StrategicObjectiveFields {
  @OptionalText(LIMITS.text) description?: string | null;
  @OptionalText(LIMITS.text) kpi?: string | null;
  @OptionalText(10) missionCode?: string | null;
  @OptionalText(LIMITS.name) strategicArea?: string | null;
  @OptionalFraction() passMark?: number | null;
  @OptionalFraction() ownShare?: number | null;
  @Optional(Relevance) relevance?: Relevance | null;
  @OptionalText(36) previousId?: string | null;
  @Position() position?: number;
}

@InputType()
export class CreateStrategicObjectiveInput extends Coded(StrategicObjectiveFields) {
  @Field(() => ID) perspectiveId!: string;
}

@InputType()
export class UpdateStrategicObjectiveInput extends Recoded(StrategicObjectiveFields) {
  @Optional(ID) perspectiveId?: string;
}

/** What an operational objective takes alike when created and when edited */
@InputType()
abstract class OperationalObjectiveFields {
  @OptionalText(LIMITS.text) description?: string | null;
  @OptionalText(LIMITS.text) kpi?: string | null;
  @OptionalWeight() weight?: number | null;
  @Field({ nullable: true }) contributes?: boolean;
  @OptionalText(LIMITS.name) cardPerspective?: string | null;
  @OptionalText(LIMITS.text) expectedBenefit?: string | null;
  @OptionalText(LIMITS.text) plannedActions?: string | null;
  @OptionalText(LIMITS.name) effort?: string | null;
  @Optional(Relevance) relevance?: Relevance | null;
  @Optional(PurposeClass) purposeClass?: PurposeClass | null;
  @OptionalTexts(LIMITS.name) budgetLines?: string[];
  @OptionalTexts(LIMITS.text) evidence?: string[];
  @Field({ nullable: true }) isNew?: boolean;
  @OptionalText(36) previousId?: string | null;
  @OptionalIds(50) responsibleUnitIds?: string[];
  @OptionalIds(50) responsiblePersonIds?: string[];
  @Position() position?: number;
}

@InputType()
export class CreateOperationalObjectiveInput extends Coded(OperationalObjectiveFields) {
  @Optional(ID, 'Obiettivo strategico padre / Parent strategic objective') strategicObjectiveId?: string | null;
  @Optional(ID, "Serve solo quando non c'è un padre / Needed only when there is no parent") planId?: string;
}

@InputType()
export class UpdateOperationalObjectiveInput extends Recoded(OperationalObjectiveFields) {
  @Optional(ID) strategicObjectiveId?: string | null;
}

/** What an indicator takes alike when created and when edited */
@InputType()
abstract class IndicatorFields {
  @OptionalText(LIMITS.text) actionLabel?: string | null;
  @OptionalText(LIMITS.text) formula?: string | null;
  @OptionalText(LIMITS.text) numerator?: string | null;
  @OptionalText(LIMITS.text) denominator?: string | null;
  @OptionalText(LIMITS.code) unit?: string | null;
  @Optional(ValueKind) valueKind?: ValueKind;
  @Optional(Polarity) polarity?: Polarity;
  @Field({ nullable: true }) polarityConfirmed?: boolean;
  @OptionalText(LIMITS.text) polarityEvidence?: string | null;
  @Optional(ScoringRule) rule?: ScoringRule | null;
  @Optional(GraphQLJSONObject) ruleParams?: Record<string, unknown> | null;
  @OptionalWeight() weight?: number | null;
  @Field({ nullable: true }) monitoring?: boolean;
  @OptionalText(LIMITS.name) dataSource?: string | null;
  @Optional([IndicatorCategory]) categories?: IndicatorCategory[];
  @Optional(IndicatorStatus) status?: IndicatorStatus;
  @Optional(ID) replacedById?: string | null;
  @OptionalIsoDate() replacedOn?: string | null;
  @OptionalText(LIMITS.text) replacementReason?: string | null;
  @Optional(ID) projectId?: string | null;
  @OptionalText(36) previousId?: string | null;
  @OptionalIds(50) responsibleUnitIds?: string[];
  @Position() position?: number;
}

@InputType()
export class CreateIndicatorInput extends Coded(IndicatorFields) {
  @Optional(ID, 'Obiettivo operativo padre / Parent operational objective') operationalObjectiveId?: string | null;
  @Optional(ID, 'Obiettivo strategico padre (indicatori propri) / Parent strategic objective (own indicators)')
  strategicObjectiveId?: string | null;
  @Optional(
    ID,
    'Serve solo per un indicatore presente solo nei cruscotti / Needed only for an indicator listed only in dashboards',
  )
  planId?: string;
}

@InputType()
export class UpdateIndicatorInput extends Recoded(IndicatorFields) {
  @Optional(ID) operationalObjectiveId?: string | null;
  @Optional(ID) strategicObjectiveId?: string | null;
}
