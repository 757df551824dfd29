import { DateTimeType, Enum, Property, type PropertyOptions } from '@mikro-orm/core';
import { Field, Float, Int } from 'type-graphql';
import { ParsedValueType } from './parsed-value';

/*
 * Most scalar properties are a GraphQL field and a column of the same name, declared in pair; these put the pair
 * under one name so an entity reads as its list of columns. The column options are exactly those the pair spelled
 * out, so the database schema is the same, and the field is nullable exactly when the column is. Columns with any
 * other option (defaults, uniqueness, versions) keep the pair.
 */

/** A property decorator as both libraries type it: the key is a property name */
type ColumnDecorator = (target: object, key: string) => void;
/** What a field's type function may return (a scalar, an object type, a registered enum) */
type GraphQLType = ReturnType<NonNullable<Parameters<typeof Field>[0]>>;

function both(field: ColumnDecorator, column: ColumnDecorator): ColumnDecorator {
  return (target, key) => {
    column(target, key);
    field(target, key);
  };
}

/** A field of this GraphQL type over a column with these options */
function pair(type: GraphQLType, column: PropertyOptions<object>, description?: string): ColumnDecorator {
  return both(
    Field(() => type, { nullable: column.nullable, description }),
    Property(column),
  );
}

/** Optional free text: a `text` column */
export const OptionalText = (description?: string) => pair(String, { type: 'text', nullable: true }, description);

/** Optional short text: a `varchar(length)` column */
export const OptionalString = (length: number, description?: string) =>
  pair(String, { type: 'string', length, nullable: true }, description);

/** Optional number: a `double` column */
export const OptionalDouble = (description?: string) => pair(Float, { type: 'double', nullable: true }, description);

/** Optional value as typed and parsed (`ParsedValue`): a `json` column */
export const OptionalValue = (description?: string) =>
  pair(ParsedValueType, { type: 'json', nullable: true }, description);

/** Free text that is never null: a `text` column */
export const RequiredText = (description?: string) => pair(String, { type: 'text' }, description);

/** Short text that is never null: a `varchar(length)` column */
export const RequiredString = (length: number, description?: string) =>
  pair(String, { type: 'string', length }, description);

/** Yes/no that is never null (the entity gives its default): a `boolean` column */
export const RequiredBoolean = (description?: string) => pair(Boolean, { type: 'boolean' }, description);

/** Whole number that is never null: an `integer` column */
export const RequiredInt = (description?: string) => pair(Int, { type: 'integer' }, description);

/** Optional whole number: an `integer` column */
export const OptionalInt = (description?: string) => pair(Int, { type: 'integer', nullable: true }, description);

/** Number that is never null: a `double` column */
export const RequiredDouble = (description?: string) => pair(Float, { type: 'double' }, description);

/** Instant that is never null (the entity gives its default): a `datetime` column */
export const RequiredDateTime = (description?: string) => pair(Date, { type: DateTimeType }, description);

/** Optional instant: a `datetime` column */
export const OptionalDateTime = (description?: string) =>
  pair(Date, { type: DateTimeType, nullable: true }, description);

/** One value of a vocabulary enum (registered for GraphQL in server/graphql/enums.ts), or null when optional */
function enumPair(items: object, nullable: boolean | undefined, description?: string): ColumnDecorator {
  return both(
    Field(() => items, { nullable, description }),
    Enum({ items: () => items, nullable }),
  );
}

export const RequiredEnum = (items: object, description?: string) => enumPair(items, undefined, description);
export const OptionalEnum = (items: object, description?: string) => enumPair(items, true, description);
