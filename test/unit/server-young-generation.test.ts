import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serverProcessArgs, startNodeOptions } from '../helpers/server-process';

/**
 * What a process does under B4's kind of allocation (answers and states alive across many collections): short-lived
 * objects, a few hundred thousand of them alive at any time. It prints its minor collections and the young
 * generation's size at the end.
 */
const ALLOCATING = `
const { PerformanceObserver, constants } = require('node:perf_hooks');
let minor = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR) minor++;
}).observe({ entryTypes: ['gc'] });
let alive = [];
for (let i = 0; i < 6e6; i++) {
  alive.push({ a: i, b: [i] });
  if (alive.length > 400000) alive = [];
}
setTimeout(() => {
  const young = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  console.log(JSON.stringify({ minor, young: young.space_size }));
}, 10);
`;

function run(options: string[]): { minor: number; young: number } {
  // NODE_OPTIONS of the test run left out: the options given are the only ones
  const env = { ...process.env, NODE_OPTIONS: '' };
  return JSON.parse(execFileSync(process.execPath, [...options, '-e', ALLOCATING], { encoding: 'utf8', env }));
}

describe("the server's young generation (npm start's node options)", () => {
  it("is larger than node's default, so a loaded server collects it less often", () => {
    const options = startNodeOptions();
    expect(options.some((o) => /^--max-semi-space-size=\d+$/.test(o))).toBe(true);
    const plain = run([]);
    const started = run(options);
    // node's default young generation stops at 32 MB (two 16 MB semi-spaces) on 64-bit; grown past it, each
    // collection comes after more allocation (the count of collections itself varies with the machine)
    expect(plain.young).toBeLessThanOrEqual(32 * 2 ** 20);
    expect(started.young).toBeGreaterThan(plain.young);
  });

  it('is the same for the server processes of the tests and benches, and in the documented service unit', () => {
    const args = serverProcessArgs('');
    const entry = args.findIndex((a) => a.endsWith('ts-node/dist/bin.js'));
    // node's own options, before the script
    expect(args.slice(0, entry)).toEqual(startNodeOptions());
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`ExecStart=/usr/bin/node ${startNodeOptions().join(' ')} dist/server/main.js`);
  });
});
