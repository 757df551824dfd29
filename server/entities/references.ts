import { type EntityName, ManyToOne } from '@mikro-orm/core';

/*
 * A reference to another row is one of three kinds, by what happens to it when that row is deleted; naming the kind
 * keeps the delete rule, which decides what a deletion takes with it, readable at a glance. Not GraphQL fields: the
 * graph's edges are in server/graphql/relations.ts.
 */

type ReferenceDecorator = (target: object, key: string) => void;
type Target<T extends object> = () => EntityName<T>;

/** The row this one belongs to: never null, and deleting it deletes this row */
export function Owner<T extends object>(entity: Target<T>): ReferenceDecorator {
  return ManyToOne(entity, { deleteRule: 'cascade' });
}

/** The row this one belongs to when it has one (one of several possible parents): deleting it deletes this row */
export function OptionalOwner<T extends object>(entity: Target<T>): ReferenceDecorator {
  return ManyToOne(entity, { nullable: true, deleteRule: 'cascade' });
}

/** A row this one points at, or null: deleting it leaves this row, pointing at nothing */
export function Reference<T extends object>(entity: Target<T>): ReferenceDecorator {
  return ManyToOne(entity, { nullable: true, deleteRule: 'set null' });
}
