import { ObjectType } from 'type-graphql';
import { PlanVersion } from './plan-version';
import { NodeDefaults } from './base';
import { TenantOwned } from './tenant-owned';
import { RequiredInt } from './columns';
import { Owner } from './references';

/** {@link NodeDefaults} plus the display order, which starts at 0 */
export type PlanOwnedDefaults = NodeDefaults | 'position';

/**
 * Rows that belong to one plan version carry it directly, so a whole plan loads with one statement per
 * kind of row, whatever its size.
 */
@ObjectType({ simpleResolvers: true })
export abstract class PlanOwned extends TenantOwned {
  @Owner(() => PlanVersion) plan!: PlanVersion;

  @RequiredInt('Ordine tra le righe sorelle / Display order among siblings') position: number = 0;
}
