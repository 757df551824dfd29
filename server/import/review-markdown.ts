/** The review report as markdown, for `npm run import -- --report review.md`: one table per kind, in source order. */
import type { ReviewKind, ReviewReport } from './review';

const TITLES: Record<ReviewKind, string> = {
  unreadable: 'Could not be read (non leggibile)',
  inferred: 'Inferred: confirm (dedotto: da confermare)',
  warning: 'Warnings (avvisi)',
  read: 'Read (letto)',
};

const cell = (s: string | null | undefined) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\t/g, ' ⇥ ')
    .replace(/\s*\n\s*/g, ' ');

export function reviewMarkdown(review: ReviewReport, title: string): string {
  const counts = review.counts();
  const out = [
    `# Import review: ${cell(title)}`,
    '',
    `${counts.read} read, ${counts.inferred} inferred, ${counts.unreadable} unreadable, ${counts.warning} warnings.`,
    '',
  ];
  for (const kind of ['unreadable', 'inferred', 'warning', 'read'] as ReviewKind[]) {
    const entries = review.of(kind).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (entries.length === 0) continue;
    out.push(
      `## ${TITLES[kind]} (${entries.length})`,
      '',
      '| line | subject | code | message | messaggio | evidence |',
      '|---:|---|---|---|---|---|',
    );
    for (const e of entries)
      out.push(
        `| ${e.line ?? ''} | ${cell(e.subject)} | ${e.code} | ${cell(e.message)} | ${cell(e.messageIt)} | ${cell(e.evidence)} |`,
      );
    out.push('');
  }
  return out.join('\n');
}
