import { OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ProfileStatus } from '@core/vocabulary/enums';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalDateTime, RequiredEnum, RequiredInt, RequiredString } from './columns';

/**
 * A named, versioned set of scoring parameters (docs/scoring.md §5.11). A frozen version never changes:
 * a parameter change is a new version, so past reports stay reproducible.
 */
@NodeEntity(
  'Parametri di calcolo con nome e versione, legati alle versioni del piano / Named, versioned scoring parameters attached to plan versions',
)
@Unique({ properties: ['org', 'name', 'profileVersion'] })
export class ScoringProfile extends TenantOwned {
  declare [OptionalProps]?: 'status';

  @RequiredString(100) name!: string;

  @RequiredInt('Versione del profilo (non della riga) / Version of the profile (not the row version)')
  profileVersion!: number;

  @RequiredEnum(ProfileStatus) status: ProfileStatus = ProfileStatus.DRAFT;

  @Field(() => GraphQLJSONObject, {
    description:
      'Parametri: capRatio, inverseMiss, deadlineLate, graceDays, bandsMode, ownShare, … / Parameters: capRatio, inverseMiss, deadlineLate, graceDays, bandsMode, ownShare, …',
  })
  @Property({ type: 'json' })
  parameters!: Record<string, unknown>;

  @OptionalDateTime() frozenAt?: Date | null;
}
