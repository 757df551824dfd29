import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '@core/vocabulary/roles';
import { Optional } from './fields';

// lengths only: e-mail spelling, names, units and the range of days are the service's to check (server/services/members.ts)

@InputType()
export class InviteUserInput {
  @Field(() => ID) organisationId!: string;
  @Field({
    description:
      'senza spazi e in minuscolo; un indirizzo già noto aggiunge questa organizzazione a quella persona / trimmed and lower-cased; an e-mail already known adds this organisation to that person',
  })
  @MaxLength(320)
  email!: string;
  @Field({ description: 'usato solo per una persona nuova / used only for a new person' })
  @MaxLength(200)
  name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [ID], {
    defaultValue: [],
    description:
      'per un redattore di unità: unità di questa organizzazione / for a unit editor: units of this organisation',
  })
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
  @Optional(ID, 'di chi è il token; se assente, il proprio / whose token; yourself when left out')
  @IsOptional()
  userId?: string | null;
  @Field({ description: 'dove si usa, es. "Excel add-in" / where it is used, e.g. "Excel add-in"' })
  @MaxLength(200)
  label!: string;
  @Field(() => Int, { description: 'da 1 a 3650 / 1 to 3650' }) expiresInDays!: number;
}
