/**
 * Issue 17, item 5: the import command does what its README says. Every line of the README's import example runs, in
 * order, on a fresh SQLite database prepared as `npm start` leaves it (migrations and the Sondrio example plan),
 * from a directory of its own so `--report review.md` writes there. The exit status is the one the line's comment
 * gives (`exit 2`), else 0; every `--report` run writes the review, also when the import is refused; the progress
 * line and the summary give the same counts, and the review file the same counts as the summary.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openOrm } from '../../server/db/orm';
import { seedIfEmpty } from '../../server/fixtures/sondrio';

const ROOT = path.join(__dirname, '../..');
const TS_NODE = path.join(ROOT, 'node_modules/.bin/ts-node');

/** The shell lines of the README's "Importing a plan" example, with the exit status each comment promises. */
function readmeExample(): { line: string; exit: number }[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Importing a plan'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  return block
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => ({ line: l.replace(/\s+#.*$/, '').trim(), exit: /#.*\bexit (\d)/.exec(l) ? Number(RegExp.$1) : 0 }));
}

describe('the README import example on a fresh database (sqlite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-import-cli-'));
  const databaseUrl = path.join(dir, 'cruscotto.sqlite');
  beforeAll(async () => {
    fs.symlinkSync(path.join(ROOT, 'test'), path.join(dir, 'test'));
    const orm = await openOrm(databaseUrl);
    await seedIfEmpty(orm.em.fork(), { exampleValues: true });
    await orm.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(line: string): { status: number | null; stdout: string; stderr: string } {
    const cli = /^npm run import -- (.*)$/.exec(line);
    const [command, args] = cli
      ? [
          TS_NODE,
          [
            '--swc',
            '-r',
            path.join(ROOT, 'node_modules/tsconfig-paths/register'),
            path.join(ROOT, 'server/import/cli.ts'),
            ...cli[1].split(/\s+/),
          ],
        ]
      : ['bash', ['-c', line]];
    return spawnSync(command, args, {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: databaseUrl, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      encoding: 'utf8',
      timeout: 120_000,
    });
  }

  it('has the lines this test relies on', () => {
    const lines = readmeExample();
    expect(lines.filter((l) => l.line.startsWith('npm run import --')).length).toBeGreaterThanOrEqual(5);
    expect(lines.some((l) => l.exit === 2 && /--report/.test(l.line))).toBe(true);
  });

  it('runs every line with the promised exit status, a review for every --report, counts that agree, refusals that say why', () => {
    const said: string[] = [];
    for (const { line, exit } of readmeExample()) {
      const report = path.join(dir, 'review.md');
      fs.rmSync(report, { force: true });
      const result = run(line);
      said.push(`${line}\n${result.stdout}\n${result.stderr}`);
      expect({ said: said.at(-1), status: result.status }).toEqual({ said: said.at(-1), status: exit });
      if (!line.startsWith('npm run import')) continue;

      const summary = /review \(([\w-]+)\): (\d+) read, (\d+) inferred, (\d+) unreadable, (\d+) warnings/.exec(
        result.stdout,
      );
      expect({ said: said.at(-1), summary: !!summary }).toEqual({ said: said.at(-1), summary: true });
      if (line.includes('--report')) {
        const md = fs.readFileSync(report, 'utf8');
        const [, , read, inferred, unreadable, warnings] = summary!;
        expect(md).toContain(`${read} read, ${inferred} inferred, ${unreadable} unreadable, ${warnings} warnings.`);
      }
      // What the progress said it writes is what the summary says was written, kind by kind.
      const writing = /… writing (.*)/.exec(result.stdout);
      const rows = /^rows: (.*)$/m.exec(result.stdout);
      if (writing) {
        const asProgress = writing[1].split(', ').map((p) => p.split(' ').reverse().join(' '));
        expect(rows?.[1].split(', ')).toEqual(asProgress);
      }
    }
    // The refusals say why, Italian first then English.
    const exists = said.find((s) => s.includes('004_fa97ad9e72b5b7ce.txt --report'))!;
    expect(exists).toMatch(/content: piano già importato|content: Plan .* already exists/);
    expect(exists).toMatch(/full review written to review\.md/);
    const half = said.find((s) => s.includes('half.txt --dry-run --strict'))!;
    expect(half).toMatch(/content: Importazione rigorosa rifiutata.*TEXT_TRUNCATED \(line 40\)/);
    expect(half).toMatch(/\n {2}Strict import refused/);
  });
});
