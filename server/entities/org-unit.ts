import { UnitType } from '@core/vocabulary/enums';
import { Person } from './person';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalString, RequiredEnum, RequiredString } from './columns';
import { Reference } from './references';

/** Area → servizio → ufficio / U.O., plus staff units, working groups and the special agency. */
@NodeEntity(
  'Unità organizzativa; le unità formano un albero tramite parent / Organisational unit; units form a tree through parent',
)
export class OrgUnit extends TenantOwned {
  @RequiredString(300) name!: string;

  @OptionalString(50) code?: string | null;

  @RequiredEnum(UnitType) type!: UnitType;

  @Reference(() => OrgUnit) parent?: OrgUnit | null;

  @Reference(() => Person) head?: Person | null;
}
