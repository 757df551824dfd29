/**
 * The plan's nodes by the keys a sheet row names them with (PlanState.nodeKeys): each key's node ids in the plan's
 * order, and each node's keys as indexed. A key held twice keeps both, in that order: a cruscotto row's key names
 * the first (sync-batch.ts knownNodes), and a code checked for a row is held by the first whose row in the batch
 * does not give it another code (decide.ts, codeIndex), as plan lint has it.
 */
export type NodeKeys = {
  byKey: ReadonlyMap<string, readonly string[]>;
  ofId: ReadonlyMap<string, readonly string[]>;
};

type Keyed<N> = (node: N) => string[];

export function buildNodeKeys<N extends { id: string }>(nodes: Iterable<N>, keysOf: Keyed<N>): NodeKeys {
  const byKey = new Map<string, string[]>();
  const ofId = new Map<string, string[]>();
  for (const node of nodes) {
    const keys = keysOf(node);
    ofId.set(node.id, keys);
    for (const key of keys) {
      const ids = byKey.get(key);
      if (ids) ids.push(node.id);
      else byKey.set(key, [node.id]);
    }
  }
  return { byKey, ofId };
}

/** whether the nodes of `ids` (absent: gone) have the keys the index holds for them */
export function keysHold<N>(
  index: NodeKeys,
  ids: Iterable<string>,
  nodeOf: (id: string) => N | undefined,
  keysOf: Keyed<N>,
): boolean {
  for (const id of ids) {
    const node = nodeOf(id);
    const is = node ? keysOf(node) : [];
    const was = index.ofId.get(id) ?? [];
    if (was.length !== is.length || was.some((key, k) => key !== is[k])) return false;
  }
  return true;
}
