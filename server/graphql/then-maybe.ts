import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** `then` without a promise when the value is already there: GraphQL completes plain values far more cheaply. */
export function thenMaybe<T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Whether the field being resolved selects any of `names` among its own fields (through fragments too). */
export function selectsAny(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) =>
      s.kind === Kind.FIELD
        ? names.includes(s.name.value)
        : s.kind === Kind.INLINE_FRAGMENT
          ? visit(s.selectionSet)
          : visit(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
