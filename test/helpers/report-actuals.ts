import type { SondrioServer } from './sondrio-server';
import { syncActuals, type SheetRowIn } from './sync';

/**
 * 2022 year-end actuals of the Sondrio plan that both Relazione suites (reports.test.ts, reports-sign.test.ts) sync
 * before reading a report: some actions of objectives 1 and 3, so a report holds scored, unmeasured and invalid rows.
 */
const REPORT_ACTUALS: Readonly<Record<string, string>> = {
  '1.1.1': '3,10%',
  '1.1.2': '11',
  '1.1.3': '60',
  '1.3.1': '14%',
  '1.3.2': '36%',
  '1.4.1': '230',
  '1.4.2': '29%',
  '3.1.1': '22',
  '3.2.1': '4,2',
  '3.2.2': '31%',
};

/**
 * Syncs the report actuals into the Sondrio plan, with the cells a suite's own checks need (`own`, indicator code →
 * actual, over the shared ones) and its `more` rows, in one batch that must update every row.
 */
export async function syncReportActuals(
  { server, plan }: SondrioServer,
  own: Record<string, string>,
  more: SheetRowIn[],
): Promise<void> {
  await syncActuals(server, plan, { ...REPORT_ACTUALS, ...own }, more);
}
