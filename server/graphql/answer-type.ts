import { ObjectType, type ObjectTypeOptions } from 'type-graphql';

/**
 * An object type the server answers with. Every one is declared with `simpleResolvers` (server/speed/README.md): its
 * fields are plain properties GraphQL reads itself, without type-graphql's wrapper around each field.
 */
export function AnswerType(
  description: string,
  { name, implements: interfaces }: { name?: string } & Pick<ObjectTypeOptions, 'implements'> = {},
): ClassDecorator {
  const options = { simpleResolvers: true, description, implements: interfaces };
  return name ? ObjectType(name, options) : ObjectType(options);
}
