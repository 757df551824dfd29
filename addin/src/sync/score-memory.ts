/**
 * The server's scores of a bound sheet's rows, as the pane last read them, and the cursor of that read
 * (sheetScores): after a Sync and on Refresh the pane asks only the scores that moved since, not every row's
 * realization (issue 15, B4: each full read answered ~1 MB, every Sync of 20 rows downloaded every score of the plan).
 *
 * The memory holds exactly the server's scores of one read: the answers that carry scores between two reads (a
 * batch's rows and `affected`, a delta's rows, a live event) are written to the sheet but never noted here, since
 * a score that moved and moved back between two reads is in neither read's difference; every Sync and Refresh
 * first brings the memory to the server's scores now, then puts them where the sheet shows something else. Kept in
 * the pane, not the workbook: filled at Load and Bind; a pane reloaded (or a cursor this server no longer knows)
 * gets every score again, marked complete, as the full read did.
 */
import type { RealizationView } from '../api/types';
import { positionsByRowId, type PlanTable } from './columns';
import type { OperationContext } from './context';
import { scoreCells } from './server-cells';
import type { Binding } from './types';
import type { TableWriter } from './writer';

export class ScoreMemory {
  private cursor: string | null = null;
  private readonly scores = new Map<string, RealizationView | null>();

  /** The server's scores now: those moved since the last read, or every one when the server says so. */
  async catchUp(ctx: OperationContext, binding: Binding): Promise<void> {
    const { planId, year, checkpoint, scope } = binding;
    const answer = await ctx.client.sheetScores(planId, year, checkpoint, this.cursor, scope ?? null);
    if (answer.complete) this.scores.clear();
    for (const { rowId, realization } of answer.rows) this.scores.set(rowId, realization);
    this.cursor = answer.cursor;
  }

  /** a row's score as last read; undefined for a row the server did not score (not on its sheet) */
  get(rowId: string): RealizationView | null | undefined {
    return this.scores.get(rowId);
  }

  /**
   * Puts the known scores back where the sheet shows something else: a score that moved, or one typed over after the
   * sheet's protection was lifted (output columns are never sent). Only what differs is written: the score, and the
   * reason of a blank in "Messaggio" (server-cells.ts).
   */
  restore(table: PlanTable, writer: TableWriter, language: OperationContext['language']): void {
    const positionsOf = positionsByRowId(table.lines);
    for (const [rowId, realization] of this.scores) {
      for (const position of positionsOf.get(rowId) ?? []) {
        const message = writer.message(position);
        const cells = scoreCells(realization, language, message);
        const changed: Partial<typeof cells> = {};
        // compared with what the sheet will show: a batch's answer written in this Sync may be older than the read
        if ((cells.realization === '' ? null : cells.realization) !== writer.realization(position))
          changed.realization = cells.realization;
        if (cells.syncMessage !== undefined && cells.syncMessage !== message) changed.syncMessage = cells.syncMessage;
        if (Object.keys(changed).length) writer.set(position, changed);
      }
    }
  }
}

/** one memory per binding of a session: a binding is its table, plan, period and scope */
export class ScoreMemories {
  private readonly memories = new Map<string, ScoreMemory>();

  of(binding: Binding): ScoreMemory {
    const { table, planId, year, checkpoint, scope } = binding;
    const key = JSON.stringify([table.toLowerCase(), planId, year, checkpoint, scope?.kind ?? null, scope?.id ?? null]);
    let memory = this.memories.get(key);
    if (!memory) this.memories.set(key, (memory = new ScoreMemory()));
    return memory;
  }
}
