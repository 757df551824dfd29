/**
 * The add-in speaks to the server only through the operations in addin/src/api/queries.ts: each, as sent (with the
 * fragments it carries), must validate against the committed SDL (schema/schema.graphql), so a schema change that
 * breaks the pane fails here, not in a user's Excel.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLInterfaceType, parse, validate } from 'graphql';
import * as insightQueries from '../../addin/src/api/insight-queries';
import * as queries from '../../addin/src/api/queries';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const operations = Object.entries({ ...queries, ...insightQueries } as Record<string, unknown>).filter(
  (entry): entry is [string, string] =>
    typeof entry[1] === 'string' && /^\s*(query|mutation|subscription)\b/.test(entry[1]),
);

describe("the add-in's GraphQL operations", () => {
  it('are all found (the module exports them as strings)', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining(['PLANS', 'SHEET_ROWS', 'SYNC_ROWS', 'CODE_VALUES', 'ROW_EXPLANATION', 'ROW_HISTORY']),
    );
  });

  it.each(operations)('%s validates against schema/schema.graphql', (_name, operation) => {
    expect(validate(schema, parse(operation)).map((e) => e.message)).toEqual([]);
  });

  it('the sheetRows row and the conflict row select their columns through the one fragment on SheetRowColumns', () => {
    const spreads = (operation: string) => (operation.match(/\.\.\.SheetRowFields\b/g) ?? []).length;
    expect(spreads(queries.SHEET_ROWS)).toBe(1);
    expect(spreads(queries.SYNC_ROWS)).toBe(1);
    // the fragment may spread into both only while both types implement the interface
    const implementers = (name: string) =>
      schema.getImplementations(schema.getType(name) as GraphQLInterfaceType).objects;
    expect(
      implementers('SheetRowColumns')
        .map((t) => t.name)
        .sort(),
    ).toEqual(['ConflictRow', 'SheetRow']);
  });

  it('a field the schema does not have is reported (the check can fail)', () => {
    const broken = queries.SHEET_ROWS.replace('rowVersion', 'rowVersionRenamed');
    expect(validate(schema, parse(broken)).length).toBeGreaterThan(0);
  });
});
