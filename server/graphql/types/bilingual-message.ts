import { Field, ObjectType } from 'type-graphql';

/**
 * What a finding says to people, in both languages (Italian first, as every message to users): the words a refused
 * cell and an import's finding share after their own code (a base class, not in the schema).
 */
@ObjectType({ simpleResolvers: true })
export abstract class BilingualMessage {
  @Field() message!: string;
  @Field() messageIt!: string;
}
