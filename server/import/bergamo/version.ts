/**
 * The plan version as the cover prints it: "REV. 0" and "APPROVATO DELIBERA DI GIUNTA N. 2 DEL 25.1.2021" (002:6-7).
 * A document without them (000) is a draft revision 0, and the review says so.
 */
import type { SourceText, VersionDraft } from '../draft';
import type { ReviewReport } from '../review';

export function readVersion(source: SourceText, years: number[], review: ReviewReport): VersionDraft {
  const label = `Piano della Performance ${years[0]}-${years[years.length - 1]}`;
  const rev = source.find(/^\s*REV\.\s*(\d+)/);
  const act = source.find(/DELIBERA DI GIUNTA N\.\s*\d+\s+DEL\s+\d{1,2}\.\d{1,2}\.\d{4}/i);
  if (!rev) {
    review.inferred(
      null,
      'plan version',
      'VERSION_INFERRED',
      'No "REV." line nor adopting resolution in the text: imported as a draft, revision 0.',
      'Nessuna riga "REV." né delibera di adozione nel testo: importato come bozza, revisione 0.',
      label,
    );
    return { label: `${label} REV. 0`, revision: 0, status: 'draft' };
  }
  const revision = Number(/REV\.\s*(\d+)/.exec(rev.text)?.[1] ?? 0);
  const version: VersionDraft = { label: `${label} REV. ${revision}`, revision, status: 'draft', line: rev.no };
  if (act) {
    const m = /DELIBERA DI GIUNTA N\.\s*(\d+)\s+DEL\s+(\d{1,2})\.(\d{1,2})\.(\d{4})/i.exec(act.text) as RegExpExecArray;
    version.adoptingAct = `Delibera di Giunta n. ${m[1]}`;
    version.actDate = `${m[4]}-${m[3].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
    version.status = /APPROVATO/i.test(act.text) ? 'approved' : 'draft';
    review.read(
      act.no,
      'plan version',
      `Adopted by ${version.adoptingAct} of ${version.actDate}.`,
      `Adottato con ${version.adoptingAct} del ${version.actDate}.`,
      act.text.replace(/\t/g, ' '),
      'VERSION_READ',
    );
  }
  return version;
}
