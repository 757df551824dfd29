import { IsEmail, IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { FundKind, ManagerRoleKind, UnitType } from '@core/vocabulary/enums';
import { IsIsoDate, LIMITS } from './validation';

@InputType()
export class CreateOrganisationInput {
  @Field() @Length(1, LIMITS.name) name!: string;
  @Field() @Length(1, LIMITS.code) code!: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.name) name?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.code) code?: string;
}

@InputType()
export class OrganisationFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string;
}

@InputType()
export class CreateOrgUnitInput {
  @Field(() => ID) organisationId!: string;
  @Field() @Length(1, LIMITS.name) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string | null;
  @Field(() => UnitType) type!: UnitType;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => ID, { nullable: true }) headId?: string | null;
}

@InputType()
export class UpdateOrgUnitInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.name) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string | null;
  @Field(() => UnitType, { nullable: true }) type?: UnitType;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => ID, { nullable: true }) headId?: string | null;
}

@InputType()
export class OrgUnitFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field(() => ID, { nullable: true }) parentId?: string;
  @Field(() => UnitType, { nullable: true }) type?: UnitType;
  @Field({ nullable: true }) @IsOptional() @MaxLength(LIMITS.code) code?: string;
}

@InputType()
export class CreatePersonInput {
  @Field(() => ID) organisationId!: string;
  @Field() @Length(1, LIMITS.name) fullName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?:
    string | null;
}

@InputType()
export class UpdatePersonInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, LIMITS.name) fullName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?:
    string | null;
}

@InputType()
export class PersonFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) organisationId?: string;
}

@InputType()
export class CreateManagerRoleInput {
  @Field(() => ID) personId!: string;
  @Field(() => ManagerRoleKind) role!: ManagerRoleKind;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validFrom?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validTo?: string | null;
}

@InputType()
export class UpdateManagerRoleInput {
  @Field(() => ManagerRoleKind, { nullable: true }) role?: ManagerRoleKind;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validFrom?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate() validTo?: string | null;
}

@InputType()
export class ManagerRoleFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field(() => ID, { nullable: true }) personId?: string;
  @Field(() => ID, { nullable: true }) unitId?: string;
  @Field(() => ManagerRoleKind, { nullable: true }) role?: ManagerRoleKind;
}

@InputType()
export class CreateFundParameterInput {
  @Field(() => ID) cycleId!: string;
  @Field(() => FundKind) fund!: FundKind;
  @Field(() => Float, { description: 'Euro per relevance point' })
  @Min(0, { message: 'must not be negative' })
  unitValue!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) note?: string | null;
}

@InputType()
export class UpdateFundParameterInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0, { message: 'must not be negative' }) unitValue?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(LIMITS.text) note?: string | null;
}

@InputType()
export class FundParameterFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field(() => ID, { nullable: true }) cycleId?: string;
  @Field(() => FundKind, { nullable: true }) fund?: FundKind;
}
