import type { TestServer } from './server';
import { ok } from './sync';

/**
 * A plan's 2022 sheet rows with only the `fields` a test looks at (readRows in ./sync reads every field): with the
 * cruscotto rows too when `dashboards` is set, as the add-in loads them.
 */
export async function sheetRowsWith<Row>(
  server: Pick<TestServer, 'gql'>,
  planId: string,
  fields: string,
  options: { dashboards?: boolean } = {},
): Promise<Row[]> {
  const query = `query($p: ID!, $d: Boolean!) { sheetRows(planId: $p, year: 2022, dashboards: $d) { rows { ${fields} } } }`;
  return ok(await server.gql(query, { p: planId, d: options.dashboards ?? false })).sheetRows.rows;
}
