import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema/schema.graphql');
const HEADER =
  '# Generated from the server code by `npm run schema:emit`. Do not edit: a test fails when it drifts.\n\n';

/** The SDL as committed: sorted, so the file changes only when the API does. */
export async function renderSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}

if (require.main === module) {
  renderSchema()
    .then((sdl) => {
      fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
