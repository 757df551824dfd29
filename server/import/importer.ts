/**
 * The contract of a plan reader. A reader turns one document family into a PlanDraft plus a ReviewReport. It never
 * touches the database and never guesses silently: whatever it repairs, infers or cannot read goes into the review
 * with the source line. Readers import this module only; the list of readers is registry.ts.
 */
import type { PlanDraft } from './draft';
import type { ReviewReport } from './review';
import type { SourceText } from './source-text';

/**
 * Where the text ends when a reader sees it end inside a table ("inside the table of dashboard …"): the words that
 * follow "The text ends at line N" in the TEXT_TRUNCATED warning (damage.ts), in English and Italian.
 */
export type TextCut = { en: string; it: string };

/** What a reader makes of a document: the plan as read, and everything a person should review. */
export type ImportRead = { draft: PlanDraft; review: ReviewReport; cut?: TextCut | null };

export interface Importer {
  /** the --format name, e.g. "sondrio" */
  id: string;
  /** for people, e.g. "Camera di Commercio di Sondrio: plan table (OCR), seed 004" */
  label: string;
  /**
   * How sure the reader is that the text is its format, in [0, 1], from cheap signals (header words, layout).
   * Above 0.5 means "mine"; the highest wins when no format is given.
   */
  sniff(text: string): number;
  /**
   * What every complete document of the family prints after its tables (e.g. the signatures of the Sondrio table):
   * its absence says the text was cut (issue 17, item 4). Absent when the family has no such mark.
   */
  ending?: { pattern: RegExp; en: string; it: string };
  /** Reads the document. Throws an ImportFormatError (errors.ts) only when the text is not this format at all. */
  read(source: SourceText): ImportRead;
}
