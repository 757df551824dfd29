/**
 * Buffered writes to the plan table: cells, fills and deletions collected while results are read, then written in
 * as few port calls as their shapes allow (one writeColumns per set of columns, one markCells, one deleteRows),
 * so a Sync of any size costs a constant number of operations, each chunked by the port. Keeps the in-memory
 * lines in step with what was written.
 */
import type { LayoutColumnKey } from '@core/sheet/layout';
import type { Cell, CellMark, WorkbookPort } from '../workbook/port';
import { INPUT_KEYS, type Line, type PlanTable } from './columns';

export const REJECTED_FILL = '#FFC7CE';

export class TableWriter {
  private cells = new Map<number, Partial<Record<LayoutColumnKey, Cell>>>();
  private marks = new Map<string, CellMark>();
  private removed = new Set<number>();

  constructor(
    private readonly port: WorkbookPort,
    readonly table: PlanTable,
  ) {}

  set(position: number, values: Partial<Record<LayoutColumnKey, Cell>>): void {
    this.cells.set(position, { ...this.cells.get(position), ...values });
  }

  /**
   * What the row's "Messaggio" says once the buffered writes land: the one set since the last flush (a refusal, a
   * conflict), else the sheet's. Whoever decides whether to replace a message reads this, not the line read before.
   */
  message(position: number): string {
    const pending = this.cells.get(position)?.syncMessage;
    return pending !== undefined
      ? pending === null
        ? ''
        : String(pending)
      : (this.table.lines[position]?.message ?? '');
  }

  /** the row's "% Realizzazione" once the buffered writes land (a batch's answer may have set it), as message() */
  realization(position: number): number | null {
    const pending = this.cells.get(position)?.realization;
    if (pending === undefined) return this.table.lines[position]?.realization ?? null;
    return typeof pending === 'number' ? pending : null;
  }

  mark(position: number, key: LayoutColumnKey, fill: string | null): void {
    const column = this.table.headers[key];
    if (column) this.marks.set(`${position}|${key}`, { row: position, column, fill });
  }

  /** clears the fills of every input cell of a row (its earlier rejection) and of its status cell */
  clearMarks(position: number): void {
    for (const key of INPUT_KEYS) this.mark(position, key, null);
    this.mark(position, 'syncStatus', null);
  }

  remove(position: number): void {
    this.removed.add(position);
  }

  async flush(): Promise<void> {
    const groups = new Map<string, { keys: LayoutColumnKey[]; positions: number[] }>();
    for (const [position, values] of this.cells) {
      if (this.removed.has(position)) continue;
      const keys = (Object.keys(values) as LayoutColumnKey[]).filter((k) => this.table.headers[k]).sort();
      if (keys.length === 0) continue;
      const id = keys.join(',');
      const group = groups.get(id) ?? { keys, positions: [] };
      group.positions.push(position);
      groups.set(id, group);
    }
    for (const { keys, positions } of groups.values()) {
      positions.sort((a, b) => a - b);
      const columns: Record<string, Cell[]> = {};
      for (const key of keys) columns[this.table.headers[key]!] = positions.map((p) => this.cells.get(p)![key] ?? '');
      await this.port.writeColumns(this.table.name, positions, columns);
      for (const p of positions) this.mirror(this.table.lines[p], this.cells.get(p)!);
    }
    const marks = [...this.marks.values()].filter((m) => !this.removed.has(m.row));
    await this.port.markCells(this.table.name, marks);
    if (this.removed.size) {
      await this.port.deleteRows(this.table.name, [...this.removed]);
      this.table.lines = this.table.lines.filter((l) => !this.removed.has(l.position));
      this.table.lines.forEach((l, i) => {
        l.position = i;
      });
    }
    this.cells.clear();
    this.marks.clear();
    this.removed.clear();
  }

  /** the written values, seen by what runs after (chart, offline scores) */
  private mirror(line: Line | undefined, values: Partial<Record<LayoutColumnKey, Cell>>): void {
    if (!line) return;
    for (const [key, value] of Object.entries(values) as Array<[LayoutColumnKey, Cell]>) {
      if (key === 'realization') line.realization = typeof value === 'number' ? value : null;
      else if (key === 'rowId') line.rowId = value ? String(value) : null;
      else if (key === 'rowVersion') line.rowVersion = typeof value === 'number' ? value : null;
      else if (key === 'rowHash') line.hash = value ? String(value) : '';
      else if (key === 'syncStatus') line.status = value ? String(value) : '';
      else if (key === 'syncMessage') line.message = value ? String(value) : '';
      else if ((INPUT_KEYS as string[]).includes(key))
        line.inputs[key as keyof Line['inputs']] = value === null ? '' : String(value);
    }
  }
}
