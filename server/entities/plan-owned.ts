import type { Opt } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { PlanVersion } from './plan-version';
import { TenantOwned } from './tenant-owned';
import { RequiredInt } from './columns';
import { Owner } from './references';

/**
 * Rows that belong to one plan version carry it directly, so a whole plan loads with one statement per
 * kind of row, whatever its size.
 */
@ObjectType({ simpleResolvers: true })
export abstract class PlanOwned extends TenantOwned {
  @Owner(() => PlanVersion) plan!: PlanVersion;

  @RequiredInt('Ordine tra le righe sorelle / Display order among siblings') position: Opt<number> = 0;
}
