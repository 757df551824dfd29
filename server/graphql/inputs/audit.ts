import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AuditAction, ChangeSource } from '@core/vocabulary/enums';

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true }) organisationId?: string;
  @Field({ nullable: true, description: 'e.g. Indicator, Measurement' })
  @IsOptional()
  @MaxLength(50)
  entityType?: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Changes to the rows of one plan version (its tree, targets, revisions, actuals, locks)',
  })
  planId?: string;
  @Field(() => ID, { nullable: true, description: 'History of one row' }) entityId?: string;
  @Field(() => AuditAction, { nullable: true }) action?: AuditAction;
  @Field(() => ChangeSource, { nullable: true }) source?: ChangeSource;
  @Field({ nullable: true, description: 'Changes made by one user (their name)' })
  @IsOptional()
  @MaxLength(200)
  actor?: string;
  @Field(() => Date, { nullable: true, description: 'Changes at or after this time' }) since?: Date;
  @Field(() => Date, { nullable: true, description: 'Changes before this time' }) until?: Date;
}
