/**
 * A Brescia value block with words among its values (003:3425 "Nuova attività Avvio del servizio"), read as text
 * targets: the cells are cut by brescia-text-cells.ts and kept only when their count fits the columns. Each value is
 * then the raw text as printed, parsed downstream by core/values like any typed cell ("si" a yes/no target, "Avvio" a
 * text target scored by hand); the review says what was read and any doubt (one cell for two columns, a repeated
 * cell, an interleaved block whose weight alone is kept).
 */
import type { ValueBlock } from './brescia-values';
import { stripHeaders } from './brescia-values';
import { cutTextCells, textColumns } from './brescia-text-cells';
import type { TextColumns } from './brescia-text-cells';
import type { ReviewReport } from './review';

export function readTextBlock(
  review: ReviewReport,
  block: ValueBlock,
  lines: Array<{ no: number; text: string }>,
  valuesLine: number,
  subject: string,
): (TextColumns & { weight: string | null }) | null {
  const stripped = lines.map((l) => stripHeaders(l.text));
  const cut = cutTextCells(stripped);
  const weightLine =
    lines.find((l) => cut.weight && l.text.trim().replace(/\s+/g, '') === cut.weight)?.no ?? valuesLine;
  if (cut.doubt) {
    if (cut.weight && !block.weight) {
      block.weight = cut.weight;
      review.read(
        weightLine,
        subject,
        `Weight ${cut.weight} printed alone in the middle of the value block (line ${weightLine}): read.`,
        `Peso ${cut.weight} stampato da solo in mezzo ai valori (riga ${weightLine}): letto.`,
        cut.weight,
        'WEIGHT_READ',
      );
    }
    return null;
  }
  const columns = textColumns(cut.cells, block.hasRevised, block.baselineHeader !== null);
  if (!columns) return null;
  const printed = [columns.baseline, columns.midYear, columns.yearEnd, columns.revised].filter((v) => v !== null);
  review.inferred(
    valuesLine,
    subject,
    'TEXT_TARGETS_READ',
    `Values printed as words, cut into cells where a cell visibly starts: baseline ${columns.baseline ?? '(none)'}; 30/6 ${columns.midYear ?? '-'}; 31/12 ${columns.yearEnd ?? '-'}${columns.revised ? `; nuova previsione ${columns.revised}` : ''}; weight ${block.weight ?? cut.weight ?? '(none)'}.`,
    `Valori stampati in parole, divisi in celle dove una cella inizia visibilmente: base line ${columns.baseline ?? '(nessuna)'}; 30/6 ${columns.midYear ?? '-'}; 31/12 ${columns.yearEnd ?? '-'}${columns.revised ? `; nuova previsione ${columns.revised}` : ''}; peso ${block.weight ?? cut.weight ?? '(nessuno)'}.`,
    printed.join(' | '),
  );
  if (columns.yearEndOnly) {
    review.warning(
      valuesLine,
      subject,
      'TARGET_COLUMN_INFERRED',
      `One target "${columns.yearEnd}" for the columns 30/6 and 31/12: read as the 31/12 target, no 30/6 target. Check.`,
      `Un solo target "${columns.yearEnd}" per le colonne 30/6 e 31/12: letto come target al 31/12, nessun target al 30/6. Verificare.`,
      cut.cells.join(' | '),
    );
  }
  if (columns.repeated) {
    review.warning(
      valuesLine,
      subject,
      'CELL_REPEATED',
      `"${columns.repeated}" is printed twice in a row: read once. Check which column it belongs to.`,
      `"${columns.repeated}" è stampato due volte di seguito: letto una volta. Verificare a quale colonna appartiene.`,
      cut.cells.join(' | '),
    );
  }
  const { repeated: _repeated, ...read } = columns;
  return { ...read, weight: cut.weight };
}
