/**
 * `npm run export -- <kind> --plan <id> --year 2022 [--checkpoint 31/12|30/6] [--format xlsx|html|pdf] [--out file]
 *  [--language it|en] [--alert 60] [--database URL]`
 * Writes a report (kinds: see REPORTS) or the plan workbook (kind "plan", xlsx only) through the same services as
 * the HTTP routes, printing each step with its time on stderr.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { valueFlags } from '../cli/run';
import { config } from '../config';
import { openOrm } from '../db/orm';
import { Checkpoint } from '@core/vocabulary/enums';
import { DomainError } from '../errors';
import { buildReport, checkKind, FORMATS, fileName, render, REPORTS, type ReportFormat } from './reports';
import { exportPlanWorkbook, tableName } from './workbook';

const USAGE = `usage: npm run export -- <${['plan', ...Object.keys(REPORTS)].join('|')}> --plan ID --year YYYY [--checkpoint 31/12|30/6] [--format ${FORMATS.join('|')}] [--out FILE] [--language it|en] [--alert 60] [--database URL]`;

const started = Date.now();
const step = (text: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${text}\n`);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: valueFlags('plan', 'year', 'checkpoint', 'format', 'out', 'language', 'alert', 'database'),
  });
  const kind = positionals[0];
  const year = Number(values.year);
  if (!kind || !values.plan || !Number.isInteger(year)) throw new UsageError(USAGE);
  const format = (values.format ?? 'xlsx') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}\n${USAGE}`);
  const checkpoint =
    values.checkpoint === '30/6' || values.checkpoint === 'MID_YEAR' ? Checkpoint.MID_YEAR : Checkpoint.YEAR_END;
  if (kind === 'plan' && format !== 'xlsx') throw new UsageError('the plan workbook is xlsx only');
  if (kind !== 'plan') checkKind(kind);

  const database = values.database ?? config().databaseUrl;
  step(`opening ${database.replace(/\/\/[^@]*@/, '//…@')}`);
  const orm = await openOrm(database);
  try {
    const em = orm.em.fork();
    const request = { planId: values.plan, year, checkpoint, options: { alert: values.alert } };
    let body: Buffer;
    let out: string;
    if (kind === 'plan') {
      step('reading the plan rows and scores');
      body = await exportPlanWorkbook(em, { ...request, language: values.language === 'en' ? 'en' : 'it' });
      out = values.out ?? `${tableName(year, checkpoint)}.xlsx`;
    } else {
      step(`loading the plan and computing the scores for ${year} at ${checkpoint}`);
      const doc = await buildReport(em, kind, request);
      step(
        `built "${doc.title}": ${doc.sections.length} sections, ${doc.sections.reduce((n, s) => n + s.rows.length, 0)} rows`,
      );
      step(`rendering ${format}${format === 'pdf' ? ' with headless Chromium' : ''}`);
      body = await render(doc, format);
      out = values.out ?? fileName(kind, request, format);
    }
    fs.writeFileSync(out, body);
    step(`wrote ${out} (${Math.ceil(body.length / 1024)} KB)`);
  } finally {
    await orm.close();
  }
}

class UsageError extends Error {}

main().catch((error) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof DomainError || error instanceof Error ? `error: ${error.message}` : error);
  process.exit(1);
});
