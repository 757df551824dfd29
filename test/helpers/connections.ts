/** A page of a Relay connection as the tests select it. */
export type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: Record<string, any> }>;
};

/** Every field of a Relay page's `pageInfo`, as Page types it. */
export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

export type WalkOptions = {
  /** the connection's field and its own arguments, without the paging ones */
  field: string;
  args?: string;
  /** what each node selects */
  fields?: string;
  /** the field the connection hangs from, with its arguments ("planVersion(id: …)"); a root field when absent */
  parent?: string;
  size: number;
  /** `last`/`before` from the end instead of `first`/`after` from the start */
  backwards?: boolean;
};

/**
 * Every page of a connection, one way, the nodes in the connection's order whichever way they were read, and its
 * totalCount. `data` sends a query and answers its data (failing on errors).
 */
export async function walkConnection(
  data: (query: string, variables: Record<string, unknown>) => Promise<any>,
  { field, args = '', fields = 'id', parent, size, backwards = false }: WalkOptions,
): Promise<{ nodes: Array<Record<string, any>>; total: number }> {
  const nodes: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  let total = -1;
  for (let guard = 0; guard < 2000; guard++) {
    const paging = backwards ? `last: ${size}, before: $c` : `first: ${size}, after: $c`;
    const selection = `${field}(${args}${args ? ', ' : ''}${paging}) { totalCount ${PAGE_INFO} edges { cursor node { ${fields} } } }`;
    const answer = await data(`query($c: String) { ${parent ? `${parent} { ${selection} }` : selection} }`, {
      c: cursor,
    });
    const page: Page = parent ? answer[parent.split('(')[0]][field] : answer[field];
    total = page.totalCount;
    const found = page.edges.map((e) => e.node);
    if (backwards) nodes.unshift(...found);
    else nodes.push(...found);
    const more = backwards ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) break;
    cursor = backwards ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  return { nodes, total };
}
