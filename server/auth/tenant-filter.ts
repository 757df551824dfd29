import type { EntityManager } from '@mikro-orm/core';
import { ENTITIES, Organisation } from '../entities';
import type { Access } from './access';

/** Entities that carry their organisation in `org` (tenant-owned rows and the audit trail). */
function orgScoped(em: EntityManager): string[] {
  return ENTITIES.map((e) => e.name).filter((name) => {
    const meta = em.getMetadata().find(name);
    return name !== 'Membership' && Boolean(meta?.properties.org);
  });
}

let scoped: string[] | null = null;

/**
 * Narrows every read of this unit of work (find, count, cursor pages, populate, native update and delete) to the
 * organisations the caller belongs to: the isolation does not depend on each query remembering a where clause.
 * A row of another organisation reads as "not found". System administrators read everything.
 */
export function scopeToTenants(fork: EntityManager, access: Access): void {
  const orgIds = access.readableOrgIds();
  if (orgIds === null) return;
  scoped ??= orgScoped(fork);
  fork.addFilter('tenant', () => ({ org: { $in: orgIds } }), scoped);
  fork.addFilter('tenant-self', () => ({ id: { $in: orgIds } }), [Organisation.name]);
}
