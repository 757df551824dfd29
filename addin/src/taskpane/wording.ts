/**
 * What the pane says after an operation, and how it says what went wrong: pure, so every sentence can be read (and
 * tested) in both languages. A sentence names what the user can act on: the server's address when it does not
 * answer, an empty token as empty, rows refused apart from rows sent (a row refused here was never sent).
 */
import { SHEET_LAYOUT } from '@core/sheet/layout';
import { ApiError, OfflineError } from '../api/errors';
import { format, messages, type Language } from '../i18n';
import type { SheetError, SyncSummary } from '../sync/types';

/** what the user was doing when it failed: the same failure means different things at Connect and at Sync */
export type Step = 'connect' | 'load' | 'bind' | 'sync' | 'refresh' | 'other';

export type FailureContext = { step: Step; server: string; pending: number };

export function syncedText(s: SyncSummary, language: Language, server: string): string {
  const ui = messages[language].ui;
  if (s.offline) return offlineText(language, server, s.pending);
  const parts = (
    [
      ['syncedCreated', s.created],
      ['syncedUpdated', s.updated],
      ['syncedUnchanged', s.unchanged],
      ['syncedDeleted', s.deleted],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => format(ui[key], { count }));
  const sentences: string[] = [];
  if (s.sent > 0)
    sentences.push(`${format(ui.syncedRows, { sent: s.sent })}${parts.length ? ` (${parts.join(', ')})` : ''}.`);
  if (s.rejected > 0) sentences.push(format(ui.syncedRejected, { count: s.rejected }));
  if (s.merged > 0) sentences.push(format(ui.syncedMerged, { count: s.merged }));
  if (s.conflicts > 0) sentences.push(format(ui.syncedConflicts, { count: s.conflicts }));
  return sentences.length ? sentences.join(' ') : ui.syncedNothing;
}

function offlineText(language: Language, server: string, pending: number): string {
  const ui = messages[language].ui;
  if (pending === 0) return format(ui.unreachable, { server });
  return `${format(ui.offline, { server })} ${format(ui.pending, { pending })}`;
}

/** the sentence for a failure, in the words of the step it interrupted */
export function failureText(error: unknown, language: Language, at: FailureContext): string {
  if (error instanceof OfflineError) {
    // nothing typed, nothing kept: at Connect or Load only the address matters
    const editing = at.step === 'sync' || at.step === 'refresh';
    return editing ? offlineText(language, at.server, at.pending) : format(messages[language].ui.unreachable, at);
  }
  if (error instanceof ApiError || hasText(error)) return error.text(language);
  return format(messages[language].ui.failed, { message: error instanceof Error ? error.message : String(error) });
}

function hasText(error: unknown): error is { text(language: Language): string } {
  return typeof (error as { text?: unknown } | null)?.text === 'function';
}

/** the token as typed: empty (or blank) is said before any request, never as "invalid or expired" */
export function tokenProblem(token: string, language: Language): string | null {
  return token.trim() === '' ? messages[language].ui.tokenEmpty : null;
}

const COLUMN_ORDER = new Map(SHEET_LAYOUT.map((c, i) => [c.key as string, i]));

/** errors in the order the user reads the sheet: by row, then by column from left to right */
export function sortedErrors(errors: readonly SheetError[]): SheetError[] {
  const at = (e: SheetError) => COLUMN_ORDER.get(e.column) ?? COLUMN_ORDER.size;
  return [...errors].sort((a, b) => a.row - b.row || at(a) - at(b));
}
