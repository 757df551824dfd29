import { randomUUID } from 'node:crypto';
import { DateTimeType, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RequiredDateTime } from './columns';

/**
 * Properties every row fills itself (the version by the ORM, the timestamps by their initialisers), so `em.create`
 * must not ask for them. Each concrete entity declares `[OptionalProps]` with these plus its own defaulted
 * properties: the declaration lives on the concrete class because a subclass cannot widen the base's union.
 * The id needs no listing: MikroORM already treats the primary key as optional.
 */
export type NodeDefaults = 'version' | 'createdAt' | 'updatedAt';

/**
 * Identity is an immutable opaque id, never a code: codes are labels of one plan version (docs/domain.md §8.6).
 * `version` counts committed changes; clients send it back to detect a colleague's newer edit.
 */
@ObjectType({ simpleResolvers: true })
export abstract class Node {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @Field(() => Int, { description: 'Row version: increases by one at every committed change' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @RequiredDateTime() createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
