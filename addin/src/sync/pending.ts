/**
 * Edits made visible at once, before any Sync: a row typed in is marked "DA INVIARE" (status word and a fill on its
 * status cell), its score and its objectives' totals are recomputed here with the server's engine and flagged
 * provisional, and the pane learns how many rows a Sync would send. The server's answer replaces all of it.
 *
 * Only cells that differ are written, so a pass over a sheet already marked writes nothing: even on a host that
 * cannot switch events off while the add-in writes, marking can never feed itself an endless chain of changes.
 */
import type { LayoutColumnKey } from '@core/sheet/layout';
import { messages, type Language } from '../i18n';
import type { Cell, WorkbookPort } from '../workbook/port';
import { INPUT_KEYS, isBlank, type Line, type PlanTable } from './columns';
import { isStatus, readPlanTable, statusLabel } from './context';
import { wantsDeletion } from './deletion';
import { rowHash } from './hash';
import { planSync } from './outgoing';
import { provisionalRows } from './provisional';
import { isProvisionalMessage } from './results';
import type { StoredState } from './state';
import { TableWriter } from './writer';

/** Excel's own "neutral" yellow: waiting, not wrong (a rejected cell is pink) */
export const TO_SEND_FILL = '#FFEB9C';

export type PendingMarks = {
  /** rows a Sync would send now (new, edited, marked ELIMINA, refused before) */
  pending: number;
  /** rows this pass marked "DA INVIARE" */
  marked: number;
};

const edited = (line: Line) => !isBlank(line) && (!line.rowId || rowHash(line.inputs) !== line.hash);

/**
 * Whether a row's status should become "DA INVIARE". A refused row keeps its reasons until the user touches it
 * again (its cells differ from the last synced ones all along); a conflict waits for mine or theirs; a row marked
 * ELIMINA keeps the user's word.
 */
function shouldMark(line: Line, touched: ReadonlySet<number>): boolean {
  if (isStatus(line.status, 'TO_SEND') || isStatus(line.status, 'CONFLICT') || wantsDeletion(line.status)) return false;
  // a partly refused row too: its refused cell still differs from what the server kept
  if (isStatus(line.status, 'REJECTED') || isStatus(line.status, 'PARTIAL')) return touched.has(line.position);
  if (isStatus(line.status, 'PENDING')) return false;
  return edited(line) || touched.has(line.position);
}

export async function markPending(
  port: WorkbookPort,
  state: StoredState,
  language: Language,
  touchedRows: readonly number[],
): Promise<PendingMarks> {
  const table = await readPlanTable(port, state.binding);
  const touched = new Set(touchedRows.filter((r) => table.lines[r] && !isBlank(table.lines[r])));
  const writer = new TableWriter(port, table);
  const changes = new Changes(writer);
  const toSend = statusLabel(language, 'TO_SEND');
  const provisional = messages[language].sync.provisionalHere;

  const marked = new Set(table.lines.filter((line) => shouldMark(line, touched)));
  for (const line of marked) {
    // a refused row touched again is being corrected: its pink cells go, its reasons stay in the pane until Sync
    if (isStatus(line.status, 'REJECTED') || isStatus(line.status, 'PARTIAL')) writer.clearMarks(line.position);
    changes.set(line, { syncStatus: toSend, syncMessage: provisional });
    // the row is highlighted where the user looks, the cells typed in, not only its status: the hash tells the row,
    // not which of its cells changed, so every input cell of the row takes the fill (the answer at Sync clears it)
    for (const key of INPUT_KEYS) writer.mark(line.position, key, TO_SEND_FILL);
    writer.mark(line.position, 'syncStatus', TO_SEND_FILL);
  }
  // every row waiting to go out carries a score computed here, the objectives above it too
  const waiting = table.lines.filter(
    (l) => marked.has(l) || isStatus(l.status, 'TO_SEND') || isStatus(l.status, 'PENDING'),
  );
  writeScores(changes, table, state, waiting, provisional);
  await writer.flush();
  const plan = planSync(table);
  return { pending: plan.outgoing.length + plan.refused.length, marked: marked.size };
}

function writeScores(changes: Changes, table: PlanTable, state: StoredState, waiting: Line[], text: string): void {
  if (!waiting.length) return;
  const scored = provisionalRows(table, state, waiting, (line) => {
    const flagged = isProvisionalMessage(line.message);
    const refused = (['REJECTED', 'PARTIAL', 'CONFLICT'] as const).some((s) => isStatus(line.status, s));
    if (!flagged && !refused) changes.set(line, { syncMessage: text });
  });
  for (const [line, realization] of scored) changes.set(line, { realization });
}

/** the writer, told only what differs from the sheet as read */
class Changes {
  constructor(private readonly writer: TableWriter) {}

  set(line: Line, values: Partial<Record<LayoutColumnKey, Cell>>): void {
    const differ: Partial<Record<LayoutColumnKey, Cell>> = {};
    for (const [key, value] of Object.entries(values) as Array<[LayoutColumnKey, Cell]>) {
      if (!same(current(line, key), value)) differ[key] = value;
    }
    if (Object.keys(differ).length) this.writer.set(line.position, differ);
  }
}

function current(line: Line, key: LayoutColumnKey): Cell {
  if (key === 'syncStatus') return line.status;
  if (key === 'syncMessage') return line.message;
  if (key === 'realization') return line.realization ?? '';
  throw new Error(`pending marks never write ${key}`);
}

function same(a: Cell, b: Cell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-12;
  return String(a ?? '') === String(b ?? '');
}
