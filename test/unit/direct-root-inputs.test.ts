/**
 * directResolvers (server/speed/direct-resolvers.ts) on queries and mutations: an input argument the resolver
 * validates itself (`validate: false`, as syncRows' batch) reaches the method as graphql-js coerced it, the same data
 * type-graphql's instances would hold; an input class with an initialiser or a method, or an argument type-graphql
 * validates, is left to type-graphql.
 */
import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { MaxLength } from 'class-validator';
import { Arg, Field, InputType, Int, Mutation, Query, Resolver, buildSchema, registerEnumType } from 'type-graphql';
import { directResolvers } from '../../server/speed/direct-resolvers';

enum Colour {
  RED = 'red',
  BLUE = 'blue',
}
registerEnumType(Colour, { name: 'DirectColour' });

@InputType('DirectCellIn')
class CellIn {
  @Field(() => Int) score!: number;
}

@InputType('DirectRowIn')
class RowIn {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => Colour, { nullable: true }) colour?: Colour | null;
  @Field(() => [CellIn], { nullable: true }) cells?: CellIn[] | null;
}

@InputType('DirectBatchIn')
class BatchIn {
  @Field(() => Int) year!: number;
  @Field(() => Colour, { defaultValue: Colour.BLUE }) colour!: Colour;
  @Field(() => [RowIn]) rows!: RowIn[];
}

@InputType('DirectDefaultIn')
class DefaultIn {
  @Field(() => String, { nullable: true }) code?: string | null;
  kind = 'default';
}

@InputType('DirectMethodIn')
class MethodIn {
  @Field(() => String, { nullable: true }) code?: string | null;
  shout(): string {
    return (this.code ?? '').toUpperCase();
  }
}

@InputType('DirectParentIn')
class ParentIn {
  @Field(() => String, { nullable: true }) first?: string | null;
}

/** type-graphql orders its instance's keys own fields first, GraphQL this type's fields its parent's first */
@InputType('DirectChildIn')
class ChildIn extends ParentIn {
  @Field(() => String, { nullable: true }) second?: string | null;
}

@InputType('DirectCheckedIn')
class CheckedIn {
  @Field() @MaxLength(3, { message: 'al più 3 caratteri' }) code!: string;
}

/** what each method received: the argument itself, and whether it (and each nested object) is plain data */
const received: Record<string, unknown> = {};
const plain = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.every(plain)
    : typeof value !== 'object' || value === null
      ? true
      : Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plain);

/** keeps what a method received, and says whether it is plain data */
const seen = (name: string, input: unknown): boolean => {
  received[name] = input;
  return plain(input);
};

@Resolver()
class DirectResolver {
  @Query(() => Boolean) alive(): boolean {
    return true;
  }

  @Mutation(() => Boolean)
  batch(@Arg('input', () => BatchIn, { validate: false }) input: BatchIn): boolean {
    return seen('batch', input);
  }
}

/** a mutation `name` taking `input` of `Type`, validated by type-graphql or not */
function mutationOf(name: string, Type: new () => object, validate: boolean): new () => object {
  @Resolver()
  class OneMutation {
    @Mutation(() => Boolean, { name })
    take(@Arg('input', () => Type, { validate }) input: object): boolean {
      return seen(name, input);
    }
  }
  return OneMutation;
}

const RESOLVERS = [
  DirectResolver,
  mutationOf('withDefault', DefaultIn, false),
  mutationOf('withMethod', MethodIn, false),
  mutationOf('checked', CheckedIn, true),
  mutationOf('inherited', ChildIn, false),
] as const;

const build = () =>
  buildSchema({ resolvers: RESOLVERS, validate: { forbidUnknownValues: false }, emitSchemaFile: false });

const BATCH = {
  year: 2026,
  rows: [{ code: 'A1', colour: 'RED', cells: [{ score: 1 }, { score: 2 }] }, { code: null }, {}],
};

describe('directResolvers on queries and mutations', () => {
  let direct: GraphQLSchema;
  let handled: GraphQLSchema;
  beforeAll(async () => {
    direct = directResolvers(await build());
    handled = await build();
  });

  const run = (schema: GraphQLSchema, source: string, variables: Record<string, unknown>) =>
    graphql({ schema, source, variableValues: variables });

  it("hands a self-validated input over as graphql-js coerced it: type-graphql's data, no instances", async () => {
    const source = 'mutation($b: DirectBatchIn!) { batch(input: $b) }';
    const fast = await run(direct, source, { b: BATCH });
    const fastInput = received.batch;
    const slow = await run(handled, source, { b: BATCH });
    expect(fast).toEqual({ data: { batch: true } });
    // type-graphql builds an instance per object of the tree; the direct path gives the same own data
    expect(slow).toEqual({ data: { batch: false } });
    expect(received.batch).toBeInstanceOf(BatchIn);
    expect((received.batch as BatchIn).rows[0]).toBeInstanceOf(RowIn);
    expect(fastInput).toEqual({ ...(received.batch as object) });
    expect(JSON.stringify(fastInput)).toBe(JSON.stringify(received.batch));
    expect(Object.keys((fastInput as BatchIn).rows[2])).toEqual(Object.keys((received.batch as BatchIn).rows[2]));
    expect((fastInput as BatchIn).colour).toBe(Colour.BLUE);
  });

  it('leaves to type-graphql an input class with an initialiser or a method, and a validated argument', async () => {
    const withDefault = await run(direct, 'mutation { withDefault(input: { code: "x" }) }', {});
    expect(withDefault.data).toEqual({ withDefault: false });
    expect((received.withDefault as DefaultIn).kind).toBe('default');

    const withMethod = await run(direct, 'mutation { withMethod(input: { code: "x" }) }', {});
    expect(withMethod.data).toEqual({ withMethod: false });
    expect((received.withMethod as MethodIn).shout()).toBe('X');

    delete received.checked;
    const refused = await run(direct, 'mutation { checked(input: { code: "troppo" }) }', {});
    expect(received.checked).toBeUndefined();
    expect(refused.errors?.[0]?.message).toBe('Argument Validation Error');
    const taken = await run(direct, 'mutation { checked(input: { code: "ok" }) }', {});
    expect(taken.data).toEqual({ checked: false });
  });

  it("gives the method a JSON text equal to type-graphql's instance's, key order included (a batch's replay hash)", async () => {
    const source = 'mutation { inherited(input: { second: "b", first: "a" }) }';
    const handledResult = await run(handled, source, {});
    const handledText = JSON.stringify(received.inherited);
    const directResult = await run(direct, source, {});
    expect(JSON.stringify(received.inherited)).toBe(handledText);
    expect(handledText).toBe('{"second":"b","first":"a"}');
    expect(directResult).toEqual(handledResult);
    // the orders differ here, so the field is left to type-graphql: an instance either way
    expect(directResult.data).toEqual({ inherited: false });
  });

  it('refuses what graphql-js refuses before any resolver runs', async () => {
    delete received.batch;
    const bad = await run(direct, 'mutation($b: DirectBatchIn!) { batch(input: $b) }', {
      b: { ...BATCH, year: 'duemila' },
    });
    expect(received.batch).toBeUndefined();
    expect(bad.errors?.[0]?.message).toContain('Int cannot represent');
  });
});
