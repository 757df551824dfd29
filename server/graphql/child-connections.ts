import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { Arg, Args, type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Node } from '../entities/base';
import { apiOfEntity } from './api';
import { FIELD_WORDS } from './descriptions/field-words';
import { type Connection, connectionOf } from './connection';
import type { Context } from './context';
import { MAX_PAGE, PageArgs } from './paging';
import { CHILD_LISTS } from './relations';

/*
 * The rows under one row as Relay connections (issue 19): `Dashboard.entriesConnection`, `Person.assignmentsConnection`
 * … beside the plain list a tree read fetches in one batch per level. The page is the root connection's
 * (`dashboardEntriesConnection` filtered on the parent): the same orders, cursors, statements and organisation filter.
 */

function childConnection(
  parent: EntityClass<object>,
  field: string,
  target: EntityClass<Node>,
  foreignKey: string,
  description: string | undefined,
): ClassType<object> | null {
  const api = apiOfEntity(target);
  if (!api?.paging) return null;
  const paging = api.paging;
  const PageType = connectionOf(target as ClassType<Node>, api.label);
  const name = `${field}Connection`;

  const ChildConnection = class {} as ClassType<object>;
  // type-graphql pairs a type's field resolvers by method name: one class per edge, its method named after the field
  Object.defineProperty(ChildConnection, 'name', { value: `${(parent as { name: string }).name}_${name}_Resolver` });
  const proto = ChildConnection.prototype as Record<string, unknown>;
  proto[name] = (
    root: { id: string },
    page: PageArgs,
    orderBy: object | null,
    ctx: Context,
  ): Promise<Connection<Node>> => paging.page(ctx, { [foreignKey]: root.id } as FilterQuery<Node>, orderBy, page);
  // every argument names its type, so no design:paramtypes is read or faked
  Root()(proto, name, 0);
  Args(() => PageArgs)(proto, name, 1);
  Arg('orderBy', () => paging.orderInput, { nullable: true, description: 'Ordine / Order' })(proto, name, 2);
  Ctx()(proto, name, 3);
  const [it, en] = (description ?? FIELD_WORDS[field]).split(' / ');
  FieldResolver(() => PageType, {
    description: `${it}, a pagine Relay (first/after, last/before ≤ ${MAX_PAGE}) con totalCount / ${en}, as a Relay connection with totalCount`,
  })(proto, name, Object.getOwnPropertyDescriptor(proto, name)!);
  Resolver(() => parent)(ChildConnection);
  return ChildConnection;
}

export const CHILD_CONNECTION_RESOLVERS: ClassType<object>[] = CHILD_LISTS.flatMap((edge) => {
  const resolver = childConnection(edge.parent, edge.field, edge.target, edge.foreignKey, edge.description);
  return resolver ? [resolver] : [];
});
