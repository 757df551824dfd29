/**
 * Importer "bergamo-2020": Camera di Commercio di Bergamo, Piano della Performance 2020-2022 as PDF text (seed 000).
 * Rows are read from the text (pdf-layout.ts); the perspective, objective and multi-row action labels, printed after
 * the rows they head, are attached by inference (attribute.ts) and every such attachment is in the review.
 */
import type { Importer } from '../importer';
import { ImportFormatError } from '../errors';
import { ReviewReport } from '../review';
import type { SourceText } from '../draft';
import { readPdfLayout } from './pdf-layout';
import { attributeRows } from './attribute';
import { cutOf } from './cut-2020';
import { BERGAMO_ENDING, bergamoDraft, sniffBergamo } from './bergamo-2021';

export const bergamo2020Importer: Importer = {
  id: 'bergamo-2020',
  label:
    'Camera di Commercio di Bergamo: Piano della Performance as PDF text, labels after the rows (2020-2022), seed 000',
  sniff: (text) => sniffBergamo(text, /^\s*CRUSCOTTO STRATEGICO \d{4}\s*$/m, /^\s*Azione Indicatore\s*$/m),
  ending: BERGAMO_ENDING,
  read(source: SourceText) {
    const review = new ReviewReport();
    const layout = readPdfLayout(source);
    if (!layout.planYear || layout.dashboards.length === 0) {
      throw new ImportFormatError(
        `not a Bergamo 2020 plan: no "CRUSCOTTO STRATEGICO <year>" line followed by "Azione Indicatore" pages in the ${source.lines.length} lines of the text`,
      );
    }
    const rows = attributeRows(layout.dashboards, review);
    const dashboards = layout.dashboards.map((d) => d.dashboard);
    const draft = bergamoDraft('bergamo-2020', layout.planYear, source, dashboards, rows, review);
    return { draft, review, cut: cutOf(layout, rows) };
  },
};
