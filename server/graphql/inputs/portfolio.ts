import { IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DashboardKind, EntryLevel, ScoringRule } from '@core/vocabulary/enums';
import { IsIsoDate, IsPlanYear, IsWeight, LIMITS } from './validation';

const RAW_MAX = 500;

@InputType()
export class CreateProjectInput {
  @Field(() => ID) planId!: string;
  @Field() @Length(1, LIMITS.text) name!: string;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class UpdateProjectInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.text) name?: string;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class ProjectFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) responsibleId?: string;
}

@InputType()
export class CreateActivityInput {
  @Field(() => ID) projectId!: string;
  @Field() @Length(1, LIMITS.text) name!: string;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsWeight() weight?: number | null;
  @Field(() => ScoringRule, { nullable: true }) rule?: ScoringRule | null;
  @Field(() => String, { nullable: true, description: 'As typed' }) @IsOptional() @MaxLength(RAW_MAX) target?: string;
  @Field(() => String, { nullable: true, description: 'As typed' }) @IsOptional() @MaxLength(RAW_MAX) actual?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class UpdateActivityInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.text) name?: string;
  @Field(() => ID, { nullable: true }) responsibleId?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsWeight() weight?: number | null;
  @Field(() => ScoringRule, { nullable: true }) rule?: ScoringRule | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(RAW_MAX) target?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(RAW_MAX) actual?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class ActivityFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) projectId?: string;
  @Field(() => ID, { nullable: true }) responsibleId?: string;
}

/** What a dashboard takes alike when created and when edited */
@InputType()
abstract class DashboardFields {
  @Field(() => ID, { nullable: true }) ownerUnitId?: string | null;
  @Field(() => ID, { nullable: true }) ownerPersonId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsPlanYear() year?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class CreateDashboardInput extends DashboardFields {
  @Field(() => ID) planId!: string;
  @Field(() => DashboardKind) kind!: DashboardKind;
  @Field() @Length(1, LIMITS.name) name!: string;
}

@InputType()
export class UpdateDashboardInput extends DashboardFields {
  @Field(() => DashboardKind, { nullable: true }) kind?: DashboardKind;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.name) name?: string;
}

@InputType()
export class DashboardFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => DashboardKind, { nullable: true }) kind?: DashboardKind;
  @Field(() => ID, { nullable: true, description: 'Dashboards owned by this unit' }) ownerUnitId?: string;
  @Field(() => ID, { nullable: true, description: 'Dashboards of this manager' }) ownerPersonId?: string;
  @Field(() => Int, { nullable: true }) year?: number;
}

/** What a dashboard entry takes alike when created and when edited: all but the dashboard and the indicator */
@InputType()
abstract class DashboardEntryFields {
  @Field(() => ID, { nullable: true }) strategicObjectiveId?: string | null;
  @Field(() => ID, { nullable: true }) operationalObjectiveId?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsWeight() weight?: number | null;
  @Field(() => EntryLevel, { nullable: true }) level?: EntryLevel;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) actionLabel?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.name) dataSource?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) position?: number;
}

@InputType()
export class CreateDashboardEntryInput extends DashboardEntryFields {
  @Field(() => ID) dashboardId!: string;
  @Field(() => ID) indicatorId!: string;
}

@InputType()
export class UpdateDashboardEntryInput extends DashboardEntryFields {}

@InputType()
export class DashboardEntryFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) dashboardId?: string;
  @Field(() => ID, { nullable: true }) indicatorId?: string;
}

@InputType()
export class CreateManagerAssignmentInput {
  @Field(() => ID) managerId!: string;
  @Field(() => ID, { nullable: true }) strategicObjectiveId?: string | null;
  @Field(() => ID, { nullable: true }) operationalObjectiveId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Needed only without an objective' }) planId?: string;
  @Field(() => Float) @IsWeight() weight!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) jointGroup?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validFrom?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validTo?: string | null;
}

@InputType()
export class UpdateManagerAssignmentInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsWeight() weight?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) jointGroup?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validFrom?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validTo?: string | null;
}

@InputType()
export class ManagerAssignmentFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => ID, { nullable: true }) managerId?: string;
  @Field(() => ID, { nullable: true }) strategicObjectiveId?: string;
  @Field(() => ID, { nullable: true }) operationalObjectiveId?: string;
}
