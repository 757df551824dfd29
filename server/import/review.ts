/**
 * The review report of an import (docs/domain.md §8.22): what was read, what was inferred and on what evidence, what
 * could not be read, each with the 1-based source line. An import never auto-accepts: a user reviews this list.
 */
import type { SourceLineNo } from './draft';

export type ReviewKind = 'read' | 'inferred' | 'unreadable' | 'warning';

export const REVIEW_KINDS: readonly ReviewKind[] = ['read', 'inferred', 'unreadable', 'warning'];

export interface ReviewEntry {
  kind: ReviewKind;
  /** stable machine code, e.g. POLARITY_INFERRED, WEIGHT_MISSING, HEADER_SKIPPED */
  code: string;
  message: string;
  messageIt: string;
  /** the text on which the reading rests: the cell as printed, the order of values, the weight sum */
  evidence: string;
  /** 1-based source line; null for document-wide findings */
  line: SourceLineNo | null;
  /** what the entry is about, e.g. "indicator 1.1.1", "operational objective 3.2" */
  subject?: string | null;
}

export type ReviewCounts = Record<ReviewKind, number>;

/** An entry that is more than a plain reading: where, about what, why (code, English, Italian), on what text */
type Finding = [
  line: SourceLineNo | null,
  subject: string,
  code: string,
  message: string,
  messageIt: string,
  evidence: string,
];

export class ReviewReport {
  readonly entries: ReviewEntry[] = [];

  add(entry: ReviewEntry): this {
    this.entries.push(entry);
    return this;
  }

  read(
    line: SourceLineNo | null,
    subject: string,
    message: string,
    messageIt: string,
    evidence: string,
    code = 'READ',
  ): this {
    return this.add({ kind: 'read', code, line, subject, message, messageIt, evidence });
  }

  inferred(...finding: Finding): this {
    return this.found('inferred', ...finding);
  }

  unreadable(...finding: Finding): this {
    return this.found('unreadable', ...finding);
  }

  warning(...finding: Finding): this {
    return this.found('warning', ...finding);
  }

  private found(kind: ReviewKind, ...[line, subject, code, message, messageIt, evidence]: Finding): this {
    return this.add({ kind, code, line, subject, message, messageIt, evidence });
  }

  counts(): ReviewCounts {
    const counts: ReviewCounts = { read: 0, inferred: 0, unreadable: 0, warning: 0 };
    for (const e of this.entries) counts[e.kind]++;
    return counts;
  }

  /** Entries of one kind, optionally about one subject: what tests and the CLI summary ask for. */
  of(kind: ReviewKind, subject?: string): ReviewEntry[] {
    return this.entries.filter((e) => e.kind === kind && (subject === undefined || e.subject === subject));
  }
}
