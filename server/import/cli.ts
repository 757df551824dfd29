/**
 * `npm run import -- <file> [--format F] [--org CODE] [--dry-run] [--replace] [--strict] [--report review.md]
 * [--database URL]`. Imports a plan document through the same service as the importPlan mutation and prints the
 * review summary. The review is written whenever the document could be read, also when the import is then refused
 * (the plan exists, a damaged text with --strict): the review is what a person needs to decide what to do.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { openOrm } from '../db/orm';
import { InputError } from '../errors';
import { importPlan } from './import-plan';
import { IMPORTERS } from './registry';
import { decodePlanBytes } from './encoding';
import type { ReviewReport } from './review';
import { reviewMarkdown } from './review-markdown';

const USAGE = `usage: npm run import -- <file> [--format ${IMPORTERS.map((i) => i.id).join('|')}] [--org CODE] [--dry-run] [--replace] [--strict] [--report review.md] [--database URL]`;

type Args = {
  file: string;
  format?: string;
  org?: string;
  dryRun: boolean;
  replace: boolean;
  strict: boolean;
  report?: string;
  database?: string;
};

export function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = { dryRun: false, replace: false, strict: false };
  const valueOf = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') args.format = valueOf(i++, a);
    else if (a === '--org') args.org = valueOf(i++, a);
    else if (a === '--report') args.report = valueOf(i++, a);
    else if (a === '--database') args.database = valueOf(i++, a);
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--replace') args.replace = true;
    else if (a === '--strict') args.strict = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (!args.file) args.file = a;
    else throw new Error(`one file at a time (got "${args.file}" and "${a}")\n${USAGE}`);
  }
  if (!args.file) throw new Error(USAGE);
  return args as Args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { text: content, decoding } = decodePlanBytes(fs.readFileSync(args.file));
  const databaseUrl = args.database ?? config().databaseUrl;
  const orm = await openOrm(databaseUrl);
  const started = Date.now();
  let read: { format: string; review: ReviewReport } | null = null;
  try {
    const result = await importPlan(
      { em: orm.em.fork(), actor: `cli:${config().osUser}` },
      {
        content,
        decoding,
        fileName: path.basename(args.file),
        format: args.format,
        orgCode: args.org,
        dryRun: args.dryRun,
        replace: args.replace,
        strict: args.strict,
        onProgress: (m) => console.log(`… ${m}`),
        onRead: (r) => (read = r),
      },
    );
    console.log(`${result.message}`);
    if (Object.keys(result.counts).length)
      console.log(
        `rows: ${Object.entries(result.counts)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      for (const p of e.problems)
        console.error(`${p.field}: ${p.messageIt ?? p.message}${p.messageIt ? `\n  ${p.message}` : ''}`);
      return 2;
    }
    throw e;
  } finally {
    if (read) summarise(read, args);
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await orm.close();
  }
}

/** The review's counts and its first findings, and the full review as markdown when asked. */
function summarise({ format, review }: { format: string; review: ReviewReport }, args: Args): void {
  const c = review.counts();
  console.log(
    `review (${format}): ${c.read} read, ${c.inferred} inferred, ${c.unreadable} unreadable, ${c.warning} warnings`,
  );
  for (const e of [...review.of('unreadable'), ...review.of('warning')].slice(0, 20)) {
    console.log(`  ${e.kind.padEnd(10)} line ${String(e.line ?? '-').padStart(5)}  ${e.subject ?? ''}: ${e.message}`);
  }
  if (args.report) {
    fs.writeFileSync(args.report, reviewMarkdown(review, `${path.basename(args.file)} (${format})`));
    console.log(`full review written to ${args.report}`);
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
