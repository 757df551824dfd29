/**
 * Importer "bergamo-2021": Camera di Commercio di Bergamo, Piano della Performance 2021-2023 as TAB-separated tables
 * (seed 002). The tables are clean: perspective, objective and action come from their own rows and merged cells, so
 * the reader infers only what the text cannot say (operational level, the persons behind SG and Dirigente, the merged
 * row at 002:755).
 */
import type { Importer } from '../importer';
import { ImportFormatError } from '../errors';
import { ReviewReport } from '../review';
import type { PlanDraft, SourceText } from '../draft';
import type { BergamoDashboard, BergamoRow } from './rows';
import { buildBergamoDraft } from './build-draft';
import { readVersion } from './version';
import { readTables2021 } from './tables-2021';

// The dashboards end with the Dirigente's (000:2838, 002:902); a text without it was cut before.
export const BERGAMO_ENDING: Importer['ending'] = {
  pattern: /^\s*CRUSCOTTO DEL DIRIGENTE\b/m,
  en: 'the Dirigente dashboard ("CRUSCOTTO DEL DIRIGENTE"), the last of the plan',
  it: 'il cruscotto del Dirigente ("CRUSCOTTO DEL DIRIGENTE"), l\'ultimo del piano',
};

export const bergamo2021Importer: Importer = {
  id: 'bergamo-2021',
  label: 'Camera di Commercio di Bergamo: Piano della Performance as TAB-separated tables (2021-2023), seed 002',
  sniff: (text) => sniffBergamo(text, /^CRUSCOTTO STRATEGICO \d{4}\s*$/m, /^Azione\tIndicatore\tRisultato/m),
  ending: BERGAMO_ENDING,
  read(source: SourceText) {
    const review = new ReviewReport();
    const tables = readTables2021(source, review);
    if (!tables.planYear || tables.rows.length === 0) {
      throw new ImportFormatError(
        'not a Bergamo 2021 plan: no "CRUSCOTTO STRATEGICO <year>" line followed by TAB-separated dashboard tables',
      );
    }
    const draft = bergamoDraft('bergamo-2021', tables.planYear, source, tables.dashboards, tables.rows, review);
    return { draft, review };
  },
};

/** Both Bergamo formats: the same "Camera di Commercio di Bergamo" title, a strategic dashboard line, a table header. */
export function sniffBergamo(text: string, strategicLine: RegExp, tableHeader: RegExp): number {
  if (!/Camera di Commercio di Bergamo/i.test(text)) return 0;
  const strategic = strategicLine.test(text);
  const header = tableHeader.test(text);
  if (strategic && header) return 0.95;
  return header ? 0.6 : 0.1;
}

/** The draft of a three-year Bergamo plan starting in planYear, from its dashboards and rows, with the summary line. */
export function bergamoDraft(
  format: string,
  planYear: number,
  source: SourceText,
  dashboards: BergamoDashboard[],
  rows: BergamoRow[],
  review: ReviewReport,
): PlanDraft {
  const years = [planYear, planYear + 1, planYear + 2];
  const draft = buildBergamoDraft(
    {
      format,
      cycle: { name: `${years[0]}-${years[2]}`, firstYear: years[0], years },
      version: readVersion(source, years, review),
      dashboards,
      rows,
    },
    review,
  );
  summarise(draft.perspectives.length, dashboards.length, rows.length, review);
  return draft;
}

function summarise(perspectives: number, dashboards: number, rows: number, review: ReviewReport): void {
  review.read(
    null,
    'document',
    `Read ${perspectives} perspectives, ${dashboards} dashboards, ${rows} dashboard rows.`,
    `Lette ${perspectives} prospettive, ${dashboards} cruscotti, ${rows} righe di cruscotto.`,
    `${rows} rows`,
    'SUMMARY',
  );
}
