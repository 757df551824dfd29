import type { FilterQuery } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { AuditEvent } from '../entities/audit-event';
import type { Connection } from './connection';
import type { Context } from './context';
import { orderInput } from './orderings';
import { OrderDirection, type PageArgs, sqlPage } from './paging';

/** How a connection may be ordered, and how its page is read (server/graphql/paging.ts). */
export type Paging<E extends object> = {
  orderInput: new () => object;
  page(ctx: Context, where: FilterQuery<E>, orderBy: object | null, page: PageArgs): Promise<Connection<E>>;
};

export enum AuditEventOrderField {
  AT = 'at',
}
registerEnumType(AuditEventOrderField, { name: 'AuditEventOrderField', description: 'AT: quando / when it happened' });

export const AuditEventOrder = orderInput(
  'AuditEventOrder',
  AuditEventOrderField,
  { field: AuditEventOrderField.AT, direction: OrderDirection.DESC },
  'Ordine degli eventi / Order of audit events (default: AT, DESC: newest first)',
);
export type AuditEventOrder = InstanceType<typeof AuditEventOrder>;

export function auditPage(
  ctx: Context,
  where: FilterQuery<AuditEvent>,
  orderBy: AuditEventOrder | null,
  page: PageArgs,
): Promise<Connection<AuditEvent>> {
  const d = orderBy?.direction ?? OrderDirection.DESC;
  return sqlPage(ctx.em, AuditEvent, where, { at: d, id: d }, page);
}
