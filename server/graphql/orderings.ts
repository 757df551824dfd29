import type { EntityClass } from '@mikro-orm/core';
import { Field, InputType, registerEnumType } from 'type-graphql';
import type { Node } from '../entities/base';
import { byCode } from '../services/code-order';
import type { Paging } from './orders';
import type { Connection } from './connection';
import { arrayPage, type Key, memoryPage, OrderDirection, type PageArgs, type SortKey, sqlPage } from './paging';

/** One key a client may order a list by: its words for the schema and the properties it sorts on. */
export type OrderKey = { it: string; en: string; properties: string[] };

/** The order a client chose: a key of the list's `XOrderField` and a direction. */
export type OrderChoice = { field: string; direction: OrderDirection };

/**
 * The `XOrderField` enum and `XOrder` input of one connection, built from its keys: each connection gets its own
 * names (a client's generated types stay precise), with the default written in the description as the schema
 * cannot say it otherwise.
 */
export function orderTypes(label: string, keys: Record<string, { it: string; en: string }>, byDefault: OrderChoice) {
  const values = Object.fromEntries(Object.keys(keys).map((k) => [k, k]));
  registerEnumType(values, {
    name: `${label}OrderField`,
    description: `Chiavi di ordinamento di ${label} / Keys ${label} rows may be ordered by`,
    valuesConfig: Object.fromEntries(
      Object.entries(keys).map(([k, key]) => [k, { description: `${key.it} / ${key.en}` }]),
    ),
  });
  const fallback = `${byDefault.field}, ${byDefault.direction.toUpperCase()}`;
  return orderInput(
    `${label}Order`,
    values,
    byDefault,
    `Ordine di ${label} (predefinito: ${fallback}) / Order of ${label} rows (default: ${fallback})`,
  );
}

/** An `XOrder` input: a key of the field enum and a direction, each with its default when the client omits it. */
export function orderInput<F extends string>(
  name: string,
  fieldEnum: object,
  byDefault: { field: F; direction: OrderDirection },
  description: string,
): new () => { field: F; direction: OrderDirection } {
  @InputType(name, { description })
  class Order {
    @Field(() => fieldEnum, { defaultValue: byDefault.field, description: 'Chiave / Key' })
    field!: F;

    @Field(() => OrderDirection, { defaultValue: byDefault.direction, description: 'Verso / Direction' })
    direction!: OrderDirection;
  }
  return Order;
}

/**
 * A connection ordered in SQL (positions, names, years, times): MikroORM's cursors, the id last so the order is
 * total; one statement for the page and one for the count.
 */
export function sqlOrdering<E extends Node>(
  label: string,
  entity: EntityClass<E>,
  keys: Record<string, OrderKey>,
  byDefault: OrderChoice,
): Paging<E> {
  const properties = Object.fromEntries(Object.entries(keys).map(([k, key]) => [k, key.properties]));
  return { orderInput: orderTypes(label, keys, byDefault), page: sqlOrderedPage(entity, properties, byDefault) };
}

/** The page of a connection ordered in SQL by the properties of the chosen key, the id last. */
export function sqlOrderedPage<E extends Node>(
  entity: EntityClass<E>,
  properties: Record<string, string[]>,
  byDefault: OrderChoice,
): Paging<E>['page'] {
  return (ctx, where, orderBy, page) => {
    const { field, direction } = (orderBy as OrderChoice | null) ?? byDefault;
    const order: Record<string, OrderDirection> = {};
    for (const property of properties[field]) order[property] = direction;
    return sqlPage(ctx.em, entity, where, { ...order, id: direction }, page);
  };
}

/** The page of a connection ordered in memory by the chosen key (memoryPage), its rows read through the loaders. */
export function memoryOrderedPage<E extends Node>(
  entity: EntityClass<E>,
  keys: Record<string, SortKey>,
  byDefault: OrderChoice,
): Paging<E>['page'] {
  return (ctx, where, orderBy, page) => {
    const { field, direction } = (orderBy as OrderChoice | null) ?? byDefault;
    return memoryPage(
      ctx.em,
      entity,
      where,
      [keys[field]],
      direction,
      page,
      (ids) => ctx.loaders.byId(entity).loadMany(ids) as Promise<Array<E | null>>,
    );
  };
}

const TITLE_ORDER = new Intl.Collator('it');

/**
 * A connection of plan objects with a code, in the plan's code order ("1.2" before "1.10"), which SQL does not
 * know: the keys are sorted in memory (server/graphql/paging.ts, memoryPage), the page read through the loaders.
 * `times` adds keys of timestamps (sorted as their ISO text, like the creation time) beyond code, title and creation.
 */
export function codeOrdering<E extends Node>(
  label: string,
  entity: EntityClass<E>,
  titleProperty: string,
  times: Record<string, OrderKey> = {},
): Paging<E> {
  const asText: SortKey['compare'] = (a, b) => String(a ?? '').localeCompare(String(b ?? ''));
  const keys: Record<string, OrderKey & { compare: SortKey['compare'] }> = {
    CODE: {
      it: 'codice, come nel piano ("1.2" prima di "1.10")',
      en: 'code, as the plan prints it',
      properties: ['code'],
      compare: (a, b) => byCode(String(a ?? ''), String(b ?? '')),
    },
    TITLE: {
      it: 'titolo, in ordine alfabetico',
      en: 'title, alphabetical',
      properties: [titleProperty],
      compare: byWords,
    },
    CREATED_AT: {
      it: 'quando è stato creato',
      en: 'when it was created',
      properties: ['createdAt'],
      compare: asText,
    },
    ...Object.fromEntries(Object.entries(times).map(([k, key]) => [k, { ...key, compare: asText }])),
  };
  const byDefault = { field: 'CODE', direction: OrderDirection.ASC };
  const sortKeys = Object.fromEntries(
    Object.entries(keys).map(([k, key]) => [k, { property: key.properties[0], compare: key.compare }]),
  );
  return { orderInput: orderTypes(label, keys, byDefault), page: memoryOrderedPage(entity, sortKeys, byDefault) };
}

/** One key of a list computed in memory: its words, the value it sorts on and how two values compare. */
export type ListKey<T> = { it: string; en: string; value: (item: T) => Key; compare: SortKey['compare'] };

/**
 * A connection over a list the server computes whole (members, report rows, lint findings): no statement more than
 * the list itself; `tie` names an item uniquely in its list, for a total order.
 */
export function listOrdering<T>(
  label: string,
  keys: Record<string, ListKey<T>>,
  byDefault: OrderChoice,
  tie: (item: T, index: number) => string,
) {
  return {
    orderInput: orderTypes(label, keys, byDefault),
    page(items: readonly T[], orderBy: OrderChoice | null, page: PageArgs): Connection<T> {
      const { field, direction } = orderBy ?? byDefault;
      const key = keys[field];
      return arrayPage(
        items,
        (item, i) => [key.value(item), tie(item, i)],
        [{ property: field, compare: key.compare }],
        direction,
        page,
      );
    },
  };
}

/**
 * A list's own order, as the server computed it (a report's document order, the lint's): every item ties on this key,
 * so the tie `byPlace` decides.
 */
export const asListed = <T>(it: string, en: string): ListKey<T> => ({ it, en, value: () => null, compare: () => 0 });

/** An item's place in its list, as a tie: for lists whose items may repeat or carry no id of their own. */
export const byPlace = (_item: unknown, index: number): string => String(index).padStart(8, '0');

/** Compares numbers (positions, scores), nulls first. */
export const byNumber: SortKey['compare'] = (a, b) =>
  a == null ? (b == null ? 0 : -1) : b == null ? 1 : Number(a) - Number(b);

/** Compares words as an Italian reader orders them. */
export const byWords: SortKey['compare'] = (a, b) => TITLE_ORDER.compare(String(a ?? ''), String(b ?? ''));
