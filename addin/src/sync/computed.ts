/**
 * The computed cells are the server's (issue 12, defect 7). Sheet protection keeps typing out of "% Realizzazione";
 * when someone lifted it and typed there anyway, the value never travels (output columns are not sent) and must not
 * stay either: every Sync puts the server's scores back where the sheet shows something else. One request, for the
 * scores that moved since the pane last read them (score-memory.ts); the comparison is local.
 */
import { OfflineError } from '../api/errors';
import type { PlanTable } from './columns';
import type { OperationContext } from './context';
import { ScoreMemory } from './score-memory';
import type { Binding } from './types';
import type { TableWriter } from './writer';

export async function restoreRealizations(
  ctx: OperationContext,
  binding: Binding,
  table: PlanTable,
  writer: TableWriter,
): Promise<void> {
  if (!table.headers.realization) return;
  // a context without the session's memory reads every score
  const memory = ctx.scores ?? new ScoreMemory();
  try {
    await memory.catchUp(ctx, binding);
  } catch (error) {
    // the rows' answers are written already; the next Sync puts the scores back
    if (error instanceof OfflineError) return;
    throw error;
  }
  memory.restore(table, writer, ctx.language);
}
