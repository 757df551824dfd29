import { Property } from '@mikro-orm/core';
import { Field, Float } from 'type-graphql';
import { ParsedValueType } from './parsed-value';

/*
 * Most scalar properties are a GraphQL field and a column of the same name, declared in pair; these put the pair
 * under one name so an entity reads as its list of columns. The column options are exactly those the pair spelled
 * out, so the database schema is the same. Columns with any other option (defaults, uniqueness, enums) keep the pair.
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

/** Optional value as typed and parsed (`ParsedValue`): a `json` column */
export function OptionalValue(description?: string): ColumnDecorator {
  return both(
    Field(() => ParsedValueType, { nullable: true, description }),
    Property({ type: 'json', nullable: true }),
  );
}

/** Free text that is never null: a `text` column */
export function RequiredText(description?: string): ColumnDecorator {
  return both(
    Field(() => String, { description }),
    Property({ type: 'text' }),
  );
}

/** Short text that is never null: a `varchar(length)` column */
export function RequiredString(length: number, description?: string): ColumnDecorator {
  return both(
    Field(() => String, { description }),
    Property({ type: 'string', length }),
  );
}

/** Yes/no that is never null (the entity gives its default): a `boolean` column */
export function RequiredBoolean(description?: string): ColumnDecorator {
  return both(
    Field(() => Boolean, { description }),
    Property({ type: 'boolean' }),
  );
}
