import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, parse, validate } from 'graphql';
import { byCode } from '../../server/services/code-order';
import { withSondrioServer } from '../helpers/sondrio-server';

/**
 * docs/clients.md's examples (issue 19), run as a client developer would run them: curl in a shell, the JavaScript
 * with node, the Python with python3 (standard library only), the operations validated and generated into types.
 */
const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const guide = readFileSync(join(root, 'docs', 'clients.md'), 'utf8');
const examples = new Map(
  [...guide.matchAll(/<!-- example: (\S+) -->\n```\w+\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]] as const),
);
const example = (name: string) => {
  const code = examples.get(name);
  if (!code) throw new Error(`docs/clients.md has no example "${name}"`);
  return code;
};

describe('the client guide (sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');
  const env = () => ({ ...process.env, CRUSCOTTO_URL: sondrio.server.url, CRUSCOTTO_TOKEN: sondrio.server.token });

  it('has the examples this test runs', () => {
    expect([...examples.keys()].sort()).toEqual(['curl', 'js', 'js-codegen', 'js-operations', 'python']);
    // every block of code in the guide is one of them: a block without its marker would go untested
    expect(guide.match(/^```\w+$/gm)).toHaveLength(examples.size);
  });

  it('curl lists the plans', async () => {
    const { stdout } = await run('sh', ['-c', example('curl')], { env: env() });
    const answer = JSON.parse(stdout);
    expect(answer.errors).toBeUndefined();
    const plans = answer.data.planVersionsConnection;
    expect(plans.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(sondrio.plan.planId);
    expect(plans.totalCount).toBe(plans.edges.length);
  });

  it('the JavaScript operations are valid and generate typed documents with the plugins the guide names', async () => {
    const schemaFile = join(root, 'schema', 'schema.graphql');
    const operations = example('js-operations');
    expect(validate(buildSchema(readFileSync(schemaFile, 'utf8')), parse(operations))).toEqual([]);
    // the script sends the same document as the .graphql file holds
    for (const line of operations.trim().split('\n')) expect(example('js')).toContain(line.trim());
    const plugins = ['typescript', 'typescript-operations', 'typed-document-node'];
    expect(example('js-codegen')).toContain(
      `plugins: ${JSON.stringify(plugins).replace(/"/g, "'").replace(/,/g, ', ')}`,
    );
    const outputs: Array<{ content: string }> = await generate(
      {
        schema: schemaFile,
        documents: [operations],
        generates: {
          'generated.ts': {
            plugins,
            config: { enumsAsTypes: true, scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' } },
          },
        },
        silent: true,
      },
      false,
    );
    expect(outputs[0].content).toContain('export const IndicatorsDocument');
    expect(outputs[0].content).toContain('as unknown as DocumentNode<IndicatorsQuery, IndicatorsQueryVariables>');
  });

  it('the JavaScript pages through every indicator of the plan, in code order', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', example('js')], { env: env() });
    const codes = sondrio.plan.rows
      .filter((r) => r.level === 'INDICATOR')
      .map((r) => r.code!)
      .sort(byCode);
    expect(codes.length).toBeGreaterThan(20); // more than one page of 20
    expect(stdout.trim()).toBe(`${codes.length} indicators, from ${codes[0]} to ${codes.at(-1)}`);
  });

  it('the Python reads the report and shows an error as a client sees it', async () => {
    const { stdout } = await run('python3', ['-c', example('python')], { env: env() });
    const strategic = sondrio.plan.rows.filter((r) => r.level === 'STRATEGIC').length;
    expect(stdout.trim().split('\n')).toEqual([
      `${strategic} strategic objectives`,
      expect.stringMatching(/^BAD_USER_INPUT \[.*'code'.*\]$/),
    ]);
  });
});
