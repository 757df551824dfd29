import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { getMetadataStorage as graphqlMetadata } from 'type-graphql';
import { MetadataStorage } from '@mikro-orm/core';
import { getSchema } from '../../server/graphql/schema';
import '../../server/entities';

/**
 * Text lengths are the same on SQLite and PostgreSQL only if no input lets through more than a column holds:
 * PostgreSQL refuses a value over varchar(n) with a database error, SQLite stores it whole (issue 13, findings 3
 * and 6). So every length an input of an entity allows must fit that entity's column.
 */
type Check = { name: string; propertyName: string; constraints: unknown[] };

test('no create or update input allows a text longer than its column', async () => {
  await getSchema();
  const entities = MetadataStorage.getMetadata();
  const columns = new Map<string, Map<string, number>>();
  for (const meta of Object.values(entities)) {
    const lengths = new Map<string, number>();
    for (const [name, prop] of Object.entries(meta.properties))
      if (typeof prop.length === 'number' && String(prop.type) === 'string') lengths.set(name, prop.length);
    columns.set(meta.className, lengths);
  }
  // by input, each with the checks it inherits (a shared field's check belongs to its base class or mixin)
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas(target: object, schema: string, always: boolean, strict: boolean): Check[];
  };
  const compared: string[] = [];
  const tooLong: string[] = [];
  for (const { target } of graphqlMetadata().inputTypes) {
    const entity = /^(?:Create|Update)(\w+)Input$/.exec(target.name)?.[1];
    if (!entity) continue;
    for (const check of storage.getTargetValidationMetadatas(target, '', false, false)) {
      const max =
        check.name === 'maxLength'
          ? Number(check.constraints[0])
          : check.name === 'isLength'
            ? Number(check.constraints[1])
            : null;
      const column = columns.get(entity)?.get(check.propertyName);
      if (max === null || column === undefined) continue;
      compared.push(`${target.name}.${check.propertyName}`);
      if (max > column) tooLong.push(`${target.name}.${check.propertyName}: ${max} > varchar(${column})`);
    }
  }
  // the comparison reaches the inputs (a rename of the metadata would otherwise pass in silence)
  expect(compared.length).toBeGreaterThan(10);
  expect(tooLong).toEqual([]);
});
