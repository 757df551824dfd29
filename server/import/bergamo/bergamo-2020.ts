/**
 * Importer "bergamo-2020": Camera di Commercio di Bergamo, Piano della Performance 2020-2022 as PDF text (seed 000).
 * Rows are read from the text (pdf-layout.ts); the perspective, objective and multi-row action labels, printed after
 * the rows they head, are attached by inference (attribute.ts) and every such attachment is in the review.
 */
import type { Importer } from '../importer';
import { ImportFormatError } from '../errors';
import { ReviewReport } from '../review';
import type { SourceText } from '../draft';
import { buildBergamoDraft } from './build-draft';
import { readVersion } from './version';
import { readPdfLayout } from './pdf-layout';
import { attributeRows } from './attribute';
import { cutOf } from './cut-2020';
import { summarise } from './bergamo-2021';

export const bergamo2020Importer: Importer = {
  id: 'bergamo-2020',
  label:
    'Camera di Commercio di Bergamo: Piano della Performance as PDF text, labels after the rows (2020-2022), seed 000',
  sniff(text: string): number {
    if (!/Camera di Commercio di Bergamo/i.test(text)) return 0;
    const strategic = /^\s*CRUSCOTTO STRATEGICO \d{4}\s*$/m.test(text);
    const pdfHeader = /^\s*Azione Indicatore\s*$/m.test(text);
    if (strategic && pdfHeader) return 0.95;
    return pdfHeader ? 0.6 : 0.1;
  },
  // The dashboards end with the Dirigente's (000:2838, 002:902); a text without it was cut before.
  ending: {
    pattern: /^\s*CRUSCOTTO DEL DIRIGENTE\b/m,
    en: 'the Dirigente dashboard ("CRUSCOTTO DEL DIRIGENTE"), the last of the plan',
    it: 'il cruscotto del Dirigente ("CRUSCOTTO DEL DIRIGENTE"), l\'ultimo del piano',
  },
  read(source: SourceText) {
    const review = new ReviewReport();
    const layout = readPdfLayout(source);
    if (!layout.planYear || layout.dashboards.length === 0) {
      throw new ImportFormatError(
        `not a Bergamo 2020 plan: no "CRUSCOTTO STRATEGICO <year>" line followed by "Azione Indicatore" pages in the ${source.lines.length} lines of the text`,
      );
    }
    const rows = attributeRows(layout.dashboards, review);
    const years = [layout.planYear, layout.planYear + 1, layout.planYear + 2];
    const draft = buildBergamoDraft(
      {
        format: 'bergamo-2020',
        cycle: { name: `${years[0]}-${years[2]}`, firstYear: years[0], years },
        version: readVersion(source, years, review),
        dashboards: layout.dashboards.map((d) => d.dashboard),
        rows,
      },
      review,
    );
    summarise(draft.perspectives.length, layout.dashboards.length, rows.length, review);
    return { draft, review, cut: cutOf(layout, rows) };
  },
};
