import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalString, RequiredString } from './columns';

@NodeEntity(
  "Una persona: dirigente, responsabile d'unità, responsabile, consulente / A person: manager, unit head, responsible, consultant",
)
export class Person extends TenantOwned {
  @RequiredString(200) fullName!: string;

  @OptionalString(320) email?: string | null;
}
