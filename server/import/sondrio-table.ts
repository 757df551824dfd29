/**
 * What the section readers of the Sondrio plan table (sondrio.ts) share while one document is read: the source, the
 * draft and review being built, the header's years and threshold scores, and the objectives by code, so that rows
 * are attached by code rather than by position (docs/domain.md §8.22).
 */
import type { OperationalObjectiveDraft, PlanDraft, StrategicObjectiveDraft } from './draft';
import type { ReviewReport } from './review';
import type { SourceText } from './source-text';

/** The title of an objective or action whose own cells are lost: never invented. */
export const LOST_TITLE = '(titolo non leggibile nella fonte)';

/** An operational objective with the code of the strategic objective it was attached to. */
export type SondrioOperationalObjective = OperationalObjectiveDraft & { os: string };

export interface SondrioTable {
  readonly source: SourceText;
  readonly review: ReviewReport;
  readonly draft: PlanDraft;
  /** Italian words and the document's own words: a letter-spaced title made of others is unrecognisable */
  readonly vocabulary: Set<string>;
  years: number[];
  thresholdScores: number[];
  readonly osByCode: Map<string, StrategicObjectiveDraft>;
  readonly ooByCode: Map<string, SondrioOperationalObjective>;
}

/** "3.2.1" and "3.2" belong to strategic objective "3". */
export function osCodeOf(code: string): string {
  return code.split('.')[0];
}
