import { OptionalProps } from '@mikro-orm/core';
import { ScoringRule } from '@core/vocabulary/enums';
import type { ParsedValue } from '@core/values/types';
import { Person } from './person';
import { Project } from './project';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalDouble, OptionalEnum, OptionalValue, RequiredInt, RequiredText } from './columns';
import { Owner, Reference } from './references';

/** An activity of a project, with its own target, rule and responsible person. */
@NodeEntity('Attività di un progetto / Attività of a project')
export class Activity extends TenantOwned {
  declare [OptionalProps]?: 'position';

  @Owner(() => Project) project!: Project;

  @RequiredText() name!: string;

  @Reference(() => Person) responsible?: Person | null;

  @OptionalDouble() weight?: number | null;

  @OptionalEnum(ScoringRule) rule?: ScoringRule | null;

  @OptionalValue() target?: ParsedValue | null;

  @OptionalValue() actual?: ParsedValue | null;

  @RequiredInt() position: number = 0;
}
