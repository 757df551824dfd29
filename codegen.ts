/**
 * GraphQL Code Generator: the add-in's wire types, from the committed SDL and the operations the add-in sends.
 *   npm run codegen   (npx graphql-codegen --config codegen.ts)
 * after changing schema/schema.graphql or addin/src/api/queries.ts; test/addin/codegen-drift.test.ts fails while
 * the committed file differs from what this produces.
 */
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/** relative to the repository root, where npm runs scripts; the inputs are anchored here so the test may run anywhere */
export const GENERATED_FILE = 'addin/src/api/generated.ts';
const here = (file: string) => path.join(__dirname, file);

const HEADER =
  '// Generated from schema/schema.graphql and addin/src/api/queries.ts by `npm run codegen`\n' +
  '// (graphql-codegen --config codegen.ts). Do not edit: test/addin/codegen-drift.test.ts fails when it drifts.';

const config: CodegenConfig = {
  schema: here('schema/schema.graphql'),
  documents: [here('addin/src/api/queries.ts'), here('addin/src/api/insight-queries.ts')],
  // no formatting hooks: the test compares the committed file byte for byte with the generator's own output
  generates: {
    [GENERATED_FILE]: {
      plugins: [{ [here('addin/scripts/codegen-wire-types.js')]: { header: HEADER } }, 'typescript-operations'],
      config: {
        // fields the server always answers, null or not: `code: string | null`, not `code?: …`
        avoidOptionals: { field: true },
        // string unions, not TypeScript enums: the add-in compares and sends plain strings
        enumsAsTypes: true,
        skipTypename: true,
        useTypeImports: true,
        // a custom scalar without a mapping fails the generation instead of becoming `any`
        strictScalars: true,
        scalars: {
          // graphql-scalars' DateTimeISO travels as an ISO 8601 string; the add-in keeps it as text
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
