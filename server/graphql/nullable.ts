import { Field } from 'type-graphql';

/** What a field's type function may return (a scalar, an object type, a registered enum) */
type GraphQLType = ReturnType<NonNullable<Parameters<typeof Field>[0]>>;

/**
 * A field of an answer that may be null, with its description: the most common field of the object types, under one
 * name as the inputs' `Optional` (inputs/fields.ts).
 */
export const Nullable = (type: GraphQLType, description: string) => Field(() => type, { nullable: true, description });
