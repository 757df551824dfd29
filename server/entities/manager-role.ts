import { ManagerRoleKind } from '@core/vocabulary/enums';
import { OrgUnit } from './org-unit';
import { Person } from './person';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalString, RequiredEnum } from './columns';
import { Owner, Reference } from './references';

/** One person may hold two roles at once: the SG may also head an area. */
@NodeEntity("Un ruolo di una persona in un'unità per un periodo / A role held by a person in a unit for a period")
export class ManagerRole extends TenantOwned {
  @Owner(() => Person) person!: Person;

  @RequiredEnum(ManagerRoleKind) role!: ManagerRoleKind;

  @Reference(() => OrgUnit) unit?: OrgUnit | null;

  @OptionalString(10, 'Data AAAA-MM-GG / Date YYYY-MM-DD') validFrom?: string | null;

  @OptionalString(10, 'Data AAAA-MM-GG / Date YYYY-MM-DD') validTo?: string | null;
}
