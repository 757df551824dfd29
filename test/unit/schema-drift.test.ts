import fs from 'node:fs';
import { renderSchema, SCHEMA_FILE } from '../../server/graphql/emit-schema';

describe('schema/schema.graphql', () => {
  it('is exactly the SDL the server code produces (run `npm run schema:emit` after an API change)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    const generated = await renderSchema();
    expect(committed).toBe(generated);
  });
});
