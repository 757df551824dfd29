import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AuditAction, ChangeSource } from '@core/vocabulary/enums';
import { Optional } from './fields';

@InputType()
export class AuditEventFilter {
  @Optional(ID) organisationId?: string;
  @Field({ nullable: true, description: 'e.g. Indicator, Measurement' })
  @IsOptional()
  @MaxLength(50)
  entityType?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Changes to the rows of one plan version (its tree, targets, revisions, actuals, locks)',
  })
  planId?: string;
  @Optional(ID, 'History of one row') entityId?: string;
  @Optional(AuditAction) action?: AuditAction;
  @Optional(ChangeSource) source?: ChangeSource;
  @Field({ nullable: true, description: 'Changes made by one user (their name)' })
  @IsOptional()
  @MaxLength(200)
  actor?: string;
  @Optional(Date, 'Changes at or after this time') since?: Date;
  @Optional(Date, 'Changes before this time') until?: Date;
}
