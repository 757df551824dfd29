import { type EntityClass, type EntityManager, ReferenceKind } from '@mikro-orm/core';
import { openOrm, type Orm } from '../../server/db/orm';
import { ENTITIES, Indicator, Organisation } from '../../server/entities';
import { snapshot, snapshotText } from '../../server/services/audit';

/**
 * The sheet sync writes its audit snapshots as JSON text straight from the rows (snapshotText); every other writer
 * makes the snapshot object and the trail stores JSON.stringify of it. Both must give the trail the same text, for
 * every entity and every kind of value a column holds: strings to escape (quotes, backslashes, control characters,
 * characters outside Latin-1, a lone surrogate), numbers JSON has no word for, instants, JSON columns, nulls and
 * values never set, references given as rows, as ids, or missing.
 */
describe('audit snapshots as text', () => {
  let orm: Orm;
  let em: EntityManager;

  beforeAll(async () => {
    orm = await openOrm(':memory:', { migrate: false });
    em = orm.em.fork();
  });

  afterAll(async () => {
    await orm.close(true);
  });

  /** the values each row of an entity is given, property by property, in turn */
  const scalarValues: unknown[] = [
    'Azione "prova" \\ più alta — higher\n\t\u0001',
    'lone \ud800 surrogate',
    // each thing to escape alone, and what JSON.stringify writes as it is (a pair of surrogates, U+2028, DEL)
    'only "quotes"',
    'only \\ a backslash',
    'only\ta tab',
    'lone low \udc00 surrogate',
    'a pair 😀, \u2028 and \u007f unescaped',
    '',
    0,
    -1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    new Date('2026-12-07T04:05:06.789Z'),
    { kind: 'number', raw: '3,25%', value: 0.0325, warnings: ['è'] },
    [{ score: 0.8, value: { raw: '80' } }],
    [],
    null,
    undefined,
  ];

  function rowOf(Type: EntityClass<object>, k: number): object {
    const meta = em.getMetadata().get(Type.name);
    const row = Object.create(meta.prototype as object) as Record<string, unknown>;
    meta.props.forEach((prop, p) => {
      const choice = k + p;
      if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
        const target = prop.targetMeta!.class as EntityClass<{ id: string }>;
        const refs = [em.getReference(target, `ref-${prop.name}`), { id: `id-${prop.name}` }, null, undefined];
        row[prop.name] = refs[choice % refs.length];
      } else if (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.EMBEDDED) {
        row[prop.name] = scalarValues[choice % scalarValues.length];
      }
    });
    return row;
  }

  it.each(ENTITIES.map((Type) => [Type.name, Type as EntityClass<object>] as const))(
    '%s: the same text as JSON.stringify of its snapshot',
    (_name, Type) => {
      for (let k = 0; k < scalarValues.length; k++) {
        const row = rowOf(Type, k);
        expect(snapshotText(em, row).text).toBe(JSON.stringify(snapshot(em, row)));
      }
    },
  );

  it('leaves out a reference whose id is unknown, as JSON.stringify leaves out an undefined value', () => {
    const row = Object.assign(Object.create(Indicator.prototype) as Record<string, unknown>, {
      id: 'i',
      org: Object.create(Organisation.prototype) as object,
    });
    const text = snapshotText(em, row).text;
    expect(text).toBe(JSON.stringify(snapshot(em, row)));
    expect(JSON.parse(text)).not.toHaveProperty('org');
  });
});
