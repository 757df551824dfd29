import 'reflect-metadata';
import { type EntityProperty, MetadataStorage } from '@mikro-orm/core';
import '../../server/entities';
import { EDGES } from '../../server/graphql/relations';
import * as specs from '../../server/services/specs';

/**
 * The entity graph is stated by the entities' references (`@Owner`, `@OptionalOwner`, `@Reference`, `@ManyToMany`):
 * which row points at which, and whether it may point at nothing. The GraphQL edges (server/graphql/relations.ts) and
 * the parents an input may set (server/services/specs.ts) each name some of those references with their target again,
 * by hand; they must say what the entities say, or a field would resolve to another table than its type, or a
 * non-null field meet a null.
 */
type Entity = abstract new (...args: never[]) => object;

const metadata = Object.values(MetadataStorage.getMetadata());

/** an entity's property as its class or one of its bases declares it */
function propertyOf(entity: Entity, prop: string): EntityProperty | undefined {
  for (let c: unknown = entity; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const found = metadata.find((m) => m.className === (c as Entity).name)?.properties[prop];
    if (found) return found as EntityProperty;
  }
  return undefined;
}

/** what the entity says of a reference: its kind, its target and whether it may be null */
function reference(entity: Entity, prop: string) {
  const p = propertyOf(entity, prop);
  const target = typeof p?.entity === 'function' ? (p.entity as () => Entity)().name : undefined;
  return p && { kind: p.kind, target, nullable: p.kind === 'm:1' ? Boolean(p.nullable) : undefined };
}

test('every GraphQL edge follows a reference as the entities declare it, nullable where theirs is', () => {
  const stated: string[] = [];
  const declared: string[] = [];
  for (const edge of EDGES) {
    const name = `${edge.parent.name}.${edge.field}`;
    if (edge.kind === 'ref') {
      stated.push(`${name}: m:1 ${edge.target.name}${edge.nullable ? ' or null' : ''}`);
      const ref = reference(edge.parent as Entity, edge.prop);
      declared.push(`${name}: ${ref?.kind} ${ref?.target}${ref?.nullable ? ' or null' : ''}`);
    } else if (edge.kind === 'children') {
      // the children point back at the parent through `foreignKey`
      stated.push(`${name}: ${edge.target.name}.${edge.foreignKey} → ${edge.parent.name}`);
      const back = reference(edge.target as Entity, edge.foreignKey);
      declared.push(
        `${name}: ${edge.target.name}.${edge.foreignKey} → ${back?.kind === 'm:1' ? back.target : back?.kind}`,
      );
    } else {
      stated.push(`${name}: m:n ${edge.target.name}`);
      const ref = reference(edge.parent as Entity, edge.prop);
      declared.push(`${name}: ${ref?.kind} ${ref?.target}`);
    }
  }
  expect(stated.length).toBeGreaterThan(60);
  expect(declared).toEqual(stated);
});

test('every parent an input may set is a reference of its entity to that table', () => {
  const stated: string[] = [];
  const declared: string[] = [];
  for (const spec of Object.values(specs)) {
    if (typeof spec !== 'object' || !('refs' in spec)) continue;
    for (const [field, ref] of Object.entries(spec.refs)) {
      const name = `${spec.label}.${field}`;
      stated.push(`${name}: ${ref.many ? 'm:n' : 'm:1'} ${ref.target.name}`);
      const found = reference(spec.entity as Entity, ref.prop);
      declared.push(`${name}: ${found?.kind} ${found?.target}`);
    }
  }
  expect(stated.length).toBeGreaterThan(20);
  expect(declared).toEqual(stated);
});
