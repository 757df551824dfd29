import { IsEmail, IsOptional, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { FundKind, ManagerRoleKind, UnitType } from '@core/vocabulary/enums';
import { LIMITS } from './validation';
import { Optional, NonEmpty, OptionalNonEmpty, OptionalText, OptionalIsoDate } from './fields';

@InputType()
export class CreateOrganisationInput {
  @NonEmpty(LIMITS.name) name!: string;
  @NonEmpty(LIMITS.code) code!: string;
}

@InputType()
export class UpdateOrganisationInput {
  @OptionalNonEmpty(LIMITS.name) name?: string;
  @OptionalNonEmpty(LIMITS.code) code?: string;
}

@InputType()
export class CreateOrgUnitInput {
  @Field(() => ID) organisationId!: string;
  @NonEmpty(LIMITS.name) name!: string;
  @OptionalText(LIMITS.code) code?: string | null;
  @Field(() => UnitType) type!: UnitType;
  @Optional(ID) parentId?: string | null;
  @Optional(ID) headId?: string | null;
}

@InputType()
export class UpdateOrgUnitInput {
  @OptionalNonEmpty(LIMITS.name) name?: string;
  @OptionalText(LIMITS.code) code?: string | null;
  @Optional(UnitType) type?: UnitType;
  @Optional(ID) parentId?: string | null;
  @Optional(ID) headId?: string | null;
}

@InputType()
export class CreatePersonInput {
  @Field(() => ID) organisationId!: string;
  @NonEmpty(LIMITS.label) fullName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?:
    string | null;
}

@InputType()
export class UpdatePersonInput {
  @OptionalNonEmpty(LIMITS.label) fullName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?:
    string | null;
}

@InputType()
export class CreateManagerRoleInput {
  @Field(() => ID) personId!: string;
  @Field(() => ManagerRoleKind) role!: ManagerRoleKind;
  @Optional(ID) unitId?: string | null;
  @OptionalIsoDate() validFrom?: string | null;
  @OptionalIsoDate() validTo?: string | null;
}

@InputType()
export class UpdateManagerRoleInput {
  @Optional(ManagerRoleKind) role?: ManagerRoleKind;
  @Optional(ID) unitId?: string | null;
  @OptionalIsoDate() validFrom?: string | null;
  @OptionalIsoDate() validTo?: string | null;
}

@InputType()
export class CreateFundParameterInput {
  @Field(() => ID) cycleId!: string;
  @Field(() => FundKind) fund!: FundKind;
  @Field(() => Float, { description: 'Euro per punto di rilevanza / Euro per relevance point' })
  @Min(0, { message: 'must not be negative' })
  unitValue!: number;
  @OptionalText(LIMITS.text) note?: string | null;
}

@InputType()
export class UpdateFundParameterInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0, { message: 'must not be negative' }) unitValue?: number;
  @OptionalText(LIMITS.text) note?: string | null;
}
