import { IsOptional } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DashboardKind, EntryLevel, ScoringRule } from '@core/vocabulary/enums';
import { IsPlanYear, IsWeight, LIMITS } from './validation';
import {
  Optional,
  NonEmpty,
  OptionalNonEmpty,
  OptionalText,
  OptionalIsoDate,
  OptionalWeight,
  Position,
  OptionalRaw,
  RAW_MAX,
} from './fields';

/**
 * What a row of the portfolio, a project or one of its activities, takes alike when created and when edited: a
 * project takes no more, an activity also its own (ActivityFields)
 */
@InputType()
abstract class PortfolioRowFields {
  @Optional(ID) responsibleId?: string | null;
  @Position() position?: number;
}

@InputType()
export class CreateProjectInput extends PortfolioRowFields {
  @Field(() => ID) planId!: string;
  @NonEmpty(LIMITS.text) name!: string;
}

@InputType()
export class UpdateProjectInput extends PortfolioRowFields {
  @OptionalNonEmpty(LIMITS.text) name?: string;
}

/** What an activity takes alike when created and when edited (its target and actual are checked apart) */
@InputType()
abstract class ActivityFields extends PortfolioRowFields {
  @OptionalWeight() weight?: number | null;
  @Optional(ScoringRule) rule?: ScoringRule | null;
}

@InputType()
export class CreateActivityInput extends ActivityFields {
  @Field(() => ID) projectId!: string;
  @NonEmpty(LIMITS.text) name!: string;
  @OptionalRaw('Come scritto / As typed') target?: string;
  @OptionalRaw('Come scritto / As typed') actual?: string;
}

@InputType()
export class UpdateActivityInput extends ActivityFields {
  @OptionalNonEmpty(LIMITS.text) name?: string;
  @OptionalText(RAW_MAX) target?: string;
  @OptionalText(RAW_MAX) actual?: string;
}

/** What a dashboard takes alike when created and when edited */
@InputType()
abstract class DashboardFields {
  @Optional(ID) ownerUnitId?: string | null;
  @Optional(ID) ownerPersonId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsPlanYear() year?: number | null;
  @Position() position?: number;
}

@InputType()
export class CreateDashboardInput extends DashboardFields {
  @Field(() => ID) planId!: string;
  @Field(() => DashboardKind) kind!: DashboardKind;
  @NonEmpty(LIMITS.name) name!: string;
}

@InputType()
export class UpdateDashboardInput extends DashboardFields {
  @Optional(DashboardKind) kind?: DashboardKind;
  @OptionalNonEmpty(LIMITS.name) name?: string;
}

/** What a dashboard entry takes alike when created and when edited: all but the dashboard and the indicator */
@InputType()
abstract class DashboardEntryFields {
  @Optional(ID) strategicObjectiveId?: string | null;
  @Optional(ID) operationalObjectiveId?: string | null;
  @OptionalWeight() weight?: number | null;
  @Optional(EntryLevel) level?: EntryLevel;
  @OptionalText(LIMITS.text) actionLabel?: string | null;
  @OptionalText(LIMITS.name) dataSource?: string | null;
  @Position() position?: number;
}

@InputType()
export class CreateDashboardEntryInput extends DashboardEntryFields {
  @Field(() => ID) dashboardId!: string;
  @Field(() => ID) indicatorId!: string;
}

@InputType()
export class UpdateDashboardEntryInput extends DashboardEntryFields {}

/** One entry of createDashboardEntries: the dashboard is the call's, the rest as createDashboardEntry */
@InputType()
export class DashboardEntryItemInput extends DashboardEntryFields {
  @Field(() => ID) indicatorId!: string;
}

/** What an assignment takes alike when created and when edited: its joint group and the span it is in force */
@InputType()
abstract class ManagerAssignmentFields {
  @OptionalText(200) jointGroup?: string | null;
  @OptionalIsoDate() validFrom?: string | null;
  @OptionalIsoDate() validTo?: string | null;
}

@InputType()
export class CreateManagerAssignmentInput extends ManagerAssignmentFields {
  @Field(() => ID) managerId!: string;
  @Optional(ID) strategicObjectiveId?: string | null;
  @Optional(ID) operationalObjectiveId?: string | null;
  @Optional(ID, 'Serve solo senza un obiettivo / Needed only without an objective') planId?: string;
  @Field(() => Float) @IsWeight() weight!: number;
}

@InputType()
export class UpdateManagerAssignmentInput extends ManagerAssignmentFields {
  @OptionalWeight() weight?: number;
}
