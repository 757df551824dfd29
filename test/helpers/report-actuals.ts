/**
 * 2022 year-end actuals of the Sondrio plan that both Relazione suites (reports.test.ts, reports-sign.test.ts) sync
 * before reading a report: some actions of objectives 1 and 3, so a report holds scored, unmeasured and invalid rows.
 * Each suite adds the cells its own checks need.
 */
export const REPORT_ACTUALS: Readonly<Record<string, string>> = {
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
