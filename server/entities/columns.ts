import { Property } from '@mikro-orm/core';
import { Field, Float } from 'type-graphql';

/*
 * Most optional scalars are a GraphQL field and a nullable column of the same name, declared in pair; these put the
 * pair under one name so an entity reads as its list of columns. The column options are exactly those the pair
 * spelled out, so the database schema is the same.
 */

/** A property decorator as both libraries type it: the key is a property name */
type ColumnDecorator = (target: object, key: string) => void;

function both(field: ColumnDecorator, column: ColumnDecorator): ColumnDecorator {
  return (target, key) => {
    column(target, key);
    field(target, key);
  };
}

/** Optional free text: a `text` column */
export function OptionalText(description?: string): ColumnDecorator {
  return both(
    Field(() => String, { nullable: true, description }),
    Property({ type: 'text', nullable: true }),
  );
}

/** Optional short text: a `varchar(length)` column */
export function OptionalString(length: number, description?: string): ColumnDecorator {
  return both(
    Field(() => String, { nullable: true, description }),
    Property({ type: 'string', length, nullable: true }),
  );
}

/** Optional number: a `double` column */
export function OptionalDouble(description?: string): ColumnDecorator {
  return both(
    Field(() => Float, { nullable: true, description }),
    Property({ type: 'double', nullable: true }),
  );
}
