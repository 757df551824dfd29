/**
 * The registry of the plan readers the CLI and the GraphQL mutation can use, and format detection.
 * `readSource` runs the reader and then the steps common to every family (polarity inference from target and
 * thresholds, manual rule for qualitative targets), so no reader re-implements them.
 */
import { completeDraft } from './complete';
import { reportDamage } from './damage';
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

/** Reads a document with the given (or sniffed) reader and completes the draft with the common inferences. */
export function readSource(text: string, fileName: string, format?: string): ImportRead & { importer: Importer } {
  const importer = format ? importerById(format) : sniffFormat(text);
  const source = new SourceText(text, fileName);
  const { draft, review } = importer.read(source);
  reportDamage(source, review);
  completeDraft(draft, review);
  return { importer, draft, review };
}
