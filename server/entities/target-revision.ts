import { OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { RevisionKind } from '@core/vocabulary/enums';
import type { ParsedValue } from '@core/values/types';
import { ParsedValueType } from './parsed-value';
import { Person } from './person';
import { Target } from './target';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalString, OptionalText, RequiredBoolean, RequiredEnum, RequiredInt } from './columns';
import { Owner, Reference } from './references';

/** One value of a target: sequence 0 is the original, later ones are "nuova previsione" revisions. */
@NodeEntity(
  'Un valore di un target: l\'originale o una revisione ("nuova previsione") / A value of a target: the original or a revision ("nuova previsione")',
)
@Unique({ properties: ['target', 'seq'] })
export class TargetRevision extends TenantOwned {
  declare [OptionalProps]?: 'approved';

  @Owner(() => Target) target!: Target;

  @RequiredInt('0 = originale / 0 = original') seq!: number;

  @RequiredEnum(RevisionKind) kind!: RevisionKind;

  @Field(() => ParsedValueType)
  @Property({ type: 'json' })
  value!: ParsedValue;

  @RequiredBoolean('Contano solo le revisioni approvate / Only approved revisions are effective') approved: boolean =
    true;

  @OptionalString(300) adoptingAct?: string | null;

  @OptionalString(10, 'Data AAAA-MM-GG / Date YYYY-MM-DD') actDate?: string | null;

  @OptionalText() note?: string | null;

  @Reference(() => Person) author?: Person | null;
}
