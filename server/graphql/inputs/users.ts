import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '@core/vocabulary/roles';

// lengths only: e-mail spelling, names, units and the range of days are the service's to check (server/services/members.ts)

@InputType()
export class InviteUserInput {
  @Field(() => ID) organisationId!: string;
  @Field({ description: 'trimmed and lower-cased; an e-mail already known adds this organisation to that person' })
  @MaxLength(320)
  email!: string;
  @Field({ description: 'used only for a new person' }) @MaxLength(200) name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [ID], { defaultValue: [], description: 'for a unit editor: units of this organisation' })
  @ArrayMaxSize(1000)
  unitIds!: string[];
}

@InputType()
export class UpdateMembershipInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [ID], { defaultValue: [] }) @ArrayMaxSize(1000) unitIds!: string[];
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => ID, { nullable: true, description: 'whose token; yourself when left out' }) @IsOptional() userId?:
    string | null;
  @Field({ description: 'where it is used, e.g. "Excel add-in"' }) @MaxLength(200) label!: string;
  @Field(() => Int, { description: '1 to 3650' }) expiresInDays!: number;
}
