/**
 * The registry of the plan readers the CLI and the GraphQL mutation can use, and format detection.
 * `readSource` runs the reader and then the steps common to every family (polarity inference from target and
 * thresholds, manual rule for qualitative targets), so no reader re-implements them.
 */
import { completeDraft } from './complete';
import { identicalCopies, reportCopiesRead, reportDamage } from './damage';
import { repairDoubleEncoding, type Decoding } from './encoding';
import { indicatorsOf } from './draft';
import { ImportFormatError } from './errors';
import type { Importer, ImportRead } from './importer';
import { SourceText } from './source-text';
import { sondrioImporter } from './sondrio';
import { bresciaImporter } from './brescia';
import { bergamo2020Importer } from './bergamo/bergamo-2020';
import { bergamo2021Importer } from './bergamo/bergamo-2021';

/** The readers. Add one here (one line) and it is available to `npm run import` and `importPlan`. */
export const IMPORTERS: readonly Importer[] = [
  sondrioImporter,
  bresciaImporter,
  bergamo2020Importer,
  bergamo2021Importer,
];

export function importerById(id: string): Importer {
  const found = IMPORTERS.find((i) => i.id === id);
  if (!found)
    throw new ImportFormatError(`unknown format "${id}"; known formats: ${IMPORTERS.map((i) => i.id).join(', ')}`);
  return found;
}

/** The reader most confident about the text, or an error listing what each one said. */
export function sniffFormat(text: string): Importer {
  const scored = IMPORTERS.map((importer) => ({ importer, confidence: importer.sniff(text) })).sort(
    (a, b) => b.confidence - a.confidence,
  );
  const best = scored[0];
  if (!best || best.confidence <= 0.5) {
    const said = scored.map((s) => `${s.importer.id} ${s.confidence.toFixed(2)}`).join(', ');
    throw new ImportFormatError(`no importer recognises this text (confidence: ${said}); give the format explicitly`);
  }
  return best.importer;
}

/**
 * Reads a document with the given (or sniffed) reader and completes the draft with the common inferences. A text
 * that is UTF-8 read as Windows-1252 is repaired first when the repair is unambiguous (encoding.ts); `decoding`
 * says how the caller turned the file's bytes into text, so a repair made there is in the review too.
 */
export function readSource(
  text: string,
  fileName: string,
  format?: string,
  decoding: Decoding = 'utf-8',
): ImportRead & { importer: Importer } {
  const repaired = repairDoubleEncoding(text);
  // k identical copies of one document are one document: read once, said out loud (never k plans in one).
  const copies = identicalCopies(repaired ?? text);
  const body = copies?.copy ?? repaired ?? text;
  const how: Decoding = repaired ? 'utf-8 read as windows-1252' : decoding;
  const importer = format ? importerById(format) : sniffFormat(body);
  const source = new SourceText(body, fileName);
  const { draft, review, cut } = importer.read(source);
  // A reader forced on another document may find a heading or two and nothing else: no plan to write.
  if (indicatorsOf(draft).length === 0)
    throw new ImportFormatError(
      cut
        ? `nothing recognisable as ${importer.id} was read: the text ends at line ${lastLineOf(source)} ${cut.en}, before any row could be placed; it was probably cut / nessun indicatore letto come ${importer.id}: il testo finisce alla riga ${lastLineOf(source)} ${cut.it}, prima che una riga potesse essere collocata; è probabilmente troncato`
        : `nothing recognisable as ${importer.id} was read (no indicator in ${source.lines.length} lines): is this the right document and format? / nessun indicatore letto come ${importer.id}: è il documento e il formato giusto?`,
    );
  if (how !== 'utf-8') reportRepair(source, text, how, review);
  if (copies)
    reportCopiesRead(review, copies.copies, copies.secondLine, source.lines.find((l) => l.text.trim())?.text ?? '');
  reportDamage(source, review, importer, cut);
  completeDraft(draft, review);
  return { importer, draft, review };
}

function lastLineOf(source: SourceText): number {
  return [...source.lines].reverse().find((l) => l.text.trim() !== '')?.no ?? source.lines.length;
}

function reportRepair(source: SourceText, original: string, how: Decoding, review: ImportRead['review']): void {
  const first = source.lines.find((l) => /[^\x00-\x7F]/.test(l.text));
  const was = first ? (original.replace(/\r\n?/g, '\n').split('\n')[first.no - 1] ?? '') : '';
  const en =
    how === 'windows-1252'
      ? 'The file is not UTF-8: it was read as Windows-1252 (Latin-1), the only encoding in which every byte is a letter or sign a plan prints.'
      : 'The text was UTF-8 read as Windows-1252 ("Ã¨" for "è"): every such sequence decoded back to one letter and was repaired.';
  const it =
    how === 'windows-1252'
      ? "Il file non è in UTF-8: è stato letto come Windows-1252 (Latin-1), l'unica codifica in cui ogni byte è una lettera o un segno che un piano stampa."
      : 'Il testo era UTF-8 letto come Windows-1252 ("Ã¨" per "è"): ogni sequenza è stata ricondotta a una lettera e riparata.';
  review.inferred(
    first?.no ?? null,
    'document',
    'ENCODING_REPAIRED',
    `${en} Check the accented letters, e.g. line ${first?.no ?? '-'}.`,
    `${it} Verificare le lettere accentate, ad esempio alla riga ${first?.no ?? '-'}.`,
    how === 'windows-1252'
      ? (first?.text.trim().slice(0, 200) ?? '')
      : `${was.trim().slice(0, 100)} → ${first?.text.trim().slice(0, 100) ?? ''}`,
  );
}
