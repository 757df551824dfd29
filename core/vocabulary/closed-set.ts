/**
 * How a vocabulary is declared: its values listed once, each named by its value in UPPER_CASE (GraphQL shows the
 * names, the database and the engine keep the values), so a name cannot drift from its value. A value whose name
 * is another word ('sg', '30/6') comes as a [NAME, value] pair. The result is a frozen object GraphQL registers like
 * an enum, its names in the order listed; its type is the union of the values, the engine's own string literals.
 */

/** A value named by itself in UPPER_CASE, or a [NAME, value] pair. */
type Entry = string | readonly [string, string];

type NameOf<E> = E extends readonly [infer N extends string, string] ? N : E extends string ? Uppercase<E> : never;
type ValueOf<E> = E extends readonly [string, infer V extends string] ? V : E;

export type ClosedSet<E extends readonly Entry[]> = { readonly [X in E[number] as NameOf<X>]: ValueOf<X> };

/** The values of a vocabulary (or of any object of words), as a type: `type X = WordOf<typeof X>`. */
export type WordOf<V> = V[keyof V];

export function vocabulary<const E extends readonly Entry[]>(...entries: E): ClosedSet<E> {
  const pairs = entries.map((e) => (typeof e === 'string' ? [e.toUpperCase(), e] : e));
  return Object.freeze(Object.fromEntries(pairs)) as ClosedSet<E>;
}
