/**
 * Which rows a Sync sends, and in what shape: new rows (no row id), dirty rows (hash differs) and rows marked for
 * deletion, as sheet-row contract rows. "Cod. padre" is resolved here to the parent's row id, or to the clientRef of
 * a new parent sent in the same Sync. Cells the server would refuse for sure and a parent that cannot be found are
 * refused here, with the same kind of error, so the row is not sent half-understood.
 */
import type { SheetLevel, SheetRowIn } from '@core/sheet/row';
import { parseFutureTargets, parseThresholds } from '@core/sheet/layout';
import { format, messages } from '../i18n';
import { isBlank, type ColumnHeaders, type InputKey, type Line, type PlanTable } from './columns';
import { isStatus } from './context';
import { wantsDeletion } from './deletion';
import { rowHash } from './hash';
import { ParentIndex } from './parents';

export type LocalError = { column: InputKey; code: string; message: string; messageIt: string };
export type Outgoing = { line: Line; row: SheetRowIn; hash: string; kind: 'new' | 'dirty' | 'delete' };
export type SyncPlan = {
  outgoing: Outgoing[];
  refused: Array<{ line: Line; errors: LocalError[] }>;
  /** positions of lines that asked for deletion without ever being synced */
  deleteWithoutId: Line[];
};

function cellErrors(line: Line): {
  errors: LocalError[];
  thresholds?: SheetRowIn['thresholds'];
  futureTargets?: SheetRowIn['futureTargets'];
} {
  // a cell whose value and displayed text disagree is never sent as either: the user settles it
  const errors: LocalError[] = line.unread.map(({ column, code, message, messageIt }) => ({
    column,
    code,
    message,
    messageIt,
  }));
  const thresholds = parseThresholds(line.inputs.thresholds);
  const future = parseFutureTargets(line.inputs.futureTargets);
  if (!thresholds.ok)
    errors.push({
      column: 'thresholds',
      code: 'NOT_A_THRESHOLD',
      message: thresholds.reason,
      messageIt: thresholds.reasonIt,
    });
  if (!future.ok)
    errors.push({
      column: 'futureTargets',
      code: 'NOT_A_FUTURE_TARGET',
      message: future.reason,
      messageIt: future.reasonIt,
    });
  return {
    errors,
    thresholds: thresholds.ok ? thresholds.value : undefined,
    futureTargets: future.ok ? future.value : undefined,
  };
}

function parentError(code: 'UNKNOWN_PARENT' | 'AMBIGUOUS_PARENT' | 'PARENT_REJECTED', name: string): LocalError {
  if (code === 'PARENT_REJECTED') {
    return {
      column: 'parentCode',
      code,
      message: `the parent row "${name}" was refused`,
      messageIt: `la riga padre "${name}" è stata rifiutata`,
    };
  }
  const key = code === 'UNKNOWN_PARENT' ? 'unknownParent' : 'ambiguousParent';
  return {
    column: 'parentCode',
    code,
    message: format(messages.en.sync[key], { code: name }),
    messageIt: format(messages.it.sync[key], { code: name }),
  };
}

export function clientRefOf(line: Line): string {
  return `R${line.position + 1}`;
}

/**
 * The contract row for a line: every input column the table has (the sheet is the truth for a row it sends). A
 * column the table lacks (a bound sheet without, say, polarity) is not sent, so the server keeps its value.
 */
function contractRow(
  line: Line,
  level: SheetLevel | undefined,
  parentRef: string | undefined,
  parsed: ReturnType<typeof cellErrors>,
  present: ColumnHeaders,
): SheetRowIn {
  const i = line.inputs;
  const row: SheetRowIn = line.rowId
    ? { rowId: line.rowId, rowVersion: line.rowVersion }
    : { clientRef: clientRefOf(line) };
  const put = (key: InputKey, field: keyof SheetRowIn, value: unknown, always: boolean) => {
    if (!present[key]) return;
    // objectives have no indicator cells: those are sent only when typed, so the server can say why they do not belong
    const typed = Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== '';
    if (always || typed) (row as Record<string, unknown>)[field] = value;
  };
  put('level', 'level', i.level.trim(), true);
  put('code', 'code', i.code.trim(), true);
  put('title', 'title', i.title.trim(), true);
  put('weight', 'weight', i.weight.trim(), true);
  put('kpi', 'kpi', i.kpi, true);
  if (parentRef !== undefined) row.parentRef = parentRef;
  const indicator = level === 'indicator';
  put('unit', 'unit', i.unit.trim(), indicator);
  put('polarity', 'polarity', i.polarity.trim(), indicator);
  put('rule', 'rule', i.rule.trim(), indicator);
  put('target', 'target', i.target.trim(), indicator);
  if (parsed.thresholds) put('thresholds', 'thresholds', parsed.thresholds, indicator);
  if (parsed.futureTargets) put('futureTargets', 'futureTargets', parsed.futureTargets, indicator);
  put('actual', 'actual', i.actual.trim(), indicator);
  put('neutralised', 'neutralised', i.neutralised.trim(), indicator);
  put('neutralisationReason', 'neutralisationReason', i.neutralisationReason, indicator);
  put('note', 'note', i.note, indicator);
  put('responsibleUnit', 'responsibleUnit', i.responsibleUnit.trim(), indicator);
  put('dataSource', 'dataSource', i.dataSource.trim(), indicator);
  put('actionLabel', 'actionLabel', i.actionLabel.trim(), indicator);
  // where the row appears: a row with a cruscotto is (cruscotto, node), the same code in another cruscotto the same
  // node (docs/sheet-contract.md, "Cruscotti"). These cells travel only when typed: an empty one keeps the server's
  // (a kind read from the name, the order of the batch), and a kind without a cruscotto is the server's to refuse
  put('dashboard', 'dashboard', i.dashboard.trim(), false);
  put('dashboardKind', 'dashboardKind', i.dashboardKind.trim(), false);
  put('dashboardOwner', 'dashboardOwner', i.dashboardOwner.trim(), false);
  put('position', 'position', i.position.trim(), false);
  put('entryLevel', 'entryLevel', i.entryLevel.trim(), false);
  put('entryWeight', 'entryWeight', i.entryWeight.trim(), false);
  put('entryDataSource', 'entryDataSource', i.entryDataSource.trim(), false);
  return row;
}

export function planSync(table: PlanTable, only?: ReadonlySet<string>): SyncPlan {
  const parents = new ParentIndex(table.lines);

  const wanted = (line: Line) => !only || (line.rowId !== null && only.has(line.rowId));
  // a refused row goes out again even when put back as it was: the server's answer clears its marks; so does a row
  // marked "DA INVIARE" (typed back to what it was, it still waits for the server's word)
  const sends = (line: Line) =>
    !line.rowId ||
    rowHash(line.inputs) !== line.hash ||
    isStatus(line.status, 'REJECTED') ||
    isStatus(line.status, 'TO_SEND');

  const outgoing: Outgoing[] = [];
  const refused: SyncPlan['refused'] = [];
  const deleteWithoutId: Line[] = [];
  // a new parent refused here makes its new children refused too: resolved lazily, memoized
  const verdict = new Map<Line, { errors: LocalError[]; row?: SheetRowIn }>();

  const judge = (line: Line, depth = 0): { errors: LocalError[]; row?: SheetRowIn } => {
    const known = verdict.get(line);
    if (known) return known;
    const level = parents.levelOf(line);
    const parsed = cellErrors(line);
    const errors = [...parsed.errors];
    let parentRef: string | undefined;
    const parent = parents.parentOf(line);
    if (parent.kind === 'unknown') errors.push(parentError('UNKNOWN_PARENT', parent.name));
    else if (parent.kind === 'ambiguous') errors.push(parentError('AMBIGUOUS_PARENT', parent.name));
    else if (parent.kind === 'found') {
      const name = line.inputs.parentCode.trim();
      if (parent.line.rowId) parentRef = parent.line.rowId;
      else if (depth > 10 || judge(parent.line, depth + 1).errors.length > 0)
        errors.push(parentError('PARENT_REJECTED', name));
      else parentRef = clientRefOf(parent.line);
    }
    const result = errors.length
      ? { errors }
      : { errors, row: contractRow(line, level, parentRef, parsed, table.headers) };
    verdict.set(line, result);
    return result;
  };

  for (const line of table.lines) {
    if (!wanted(line) || isBlank(line)) continue;
    if (wantsDeletion(line.status)) {
      if (line.rowId)
        outgoing.push({
          line,
          row: { rowId: line.rowId, rowVersion: line.rowVersion, delete: true },
          hash: line.hash,
          kind: 'delete',
        });
      else deleteWithoutId.push(line);
      continue;
    }
    if (!sends(line)) continue;
    const { errors, row } = judge(line);
    if (row) outgoing.push({ line, row, hash: rowHash(line.inputs), kind: line.rowId ? 'dirty' : 'new' });
    else refused.push({ line, errors });
  }
  return { outgoing, refused, deleteWithoutId };
}

/** a new parent that would be created by this sync, named by the child's parentRef: the two must share a batch */
export function newParentRef(row: SheetRowIn): string | null {
  return row.parentRef && /^R\d+$/.test(row.parentRef) ? row.parentRef : null;
}
