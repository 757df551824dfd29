/**
 * addin/src/api/generated.ts is committed so the add-in builds without running the generator; this keeps it equal
 * to what GraphQL Code Generator makes of schema/schema.graphql and addin/src/api/queries.ts today.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config, { GENERATED_FILE } from '../../codegen';

const REGENERATE = '`npm run codegen` (npx graphql-codegen --config codegen.ts)';

/** where two texts first part: line, column and a little of each side, for a message a person can act on */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const found = a.findIndex((text, i) => text !== b[i]);
  const line = found < 0 ? a.length : found;
  const [left, right] = [a[line] ?? '', b[line] ?? ''];
  let column = 0;
  while (column < left.length && left[column] === right[column]) column++;
  const near = (text: string | undefined) =>
    text === undefined ? 'the end of the file' : JSON.stringify(text.slice(Math.max(0, column - 30), column + 50));
  return `line ${line + 1}, column ${column + 1}: committed ${near(a[line])}, generated ${near(b[line])}`;
}

describe(GENERATED_FILE, () => {
  it(`is exactly what ${REGENERATE} writes`, async () => {
    // typed `any` by the CLI (it returns nothing when it writes the files itself); with saveToFile false, the outputs
    const outputs: Array<{ filename: string; content: string }> = await generate(config, false);
    const output = outputs.find((o) => o.filename === GENERATED_FILE);
    expect(output).toBeDefined();
    const committed = readFileSync(path.join(__dirname, '../..', GENERATED_FILE), 'utf8');
    if (committed !== output!.content) {
      throw new Error(
        `${GENERATED_FILE} is out of date (${firstDifference(committed, output!.content)}). Regenerate it with ${REGENERATE}.`,
      );
    }
  });
});
