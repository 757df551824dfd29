/**
 * The merge base (issue 18, item 5): per plan row, the input cells and the row version as last downloaded or agreed
 * with the server. A Sync or Refresh that meets a row changed on both sides compares mine, base and theirs per cell
 * (merge.ts) instead of asking "mine or theirs" for the whole row.
 *
 * Where it lives: a table on a VERY HIDDEN sheet of the workbook ("Base <table>"), one row per plan row: row id,
 * version, and the cells as JSON. Not the workbook settings: they are meant to be small (the document settings have
 * a size limit of their own, and every setting travels whole in one request, against Excel on the web's 5 MB), and a
 * 5,000-row plan's base is megabytes of text. A sheet has room for it, is read and written in chunks under that
 * limit like the plan table (the port's readTable / writeColumns / appendRows), is saved in the file so the base
 * survives closing the workbook, and "VeryHidden" keeps it out of Excel's Unhide menu so nobody edits it by hand. One
 * cell holds at most 32,767 characters: a row whose cells do not fit has no base, and conflicts on it stay whole-row.
 */
import type { Cell, WorkbookPort } from '../workbook/port';
import { INPUT_KEYS, type Line, type PlanTable } from './columns';
import { rowHash } from './hash';
import type { Cells } from './merge';
import type { Binding } from './types';

const HEADERS = ['rowId', 'rowVersion', 'cells'] as const;
/** Excel's limit of characters in a cell */
const MAX_CELL_TEXT = 32_767;

export type BaseRow = { version: number; cells: Cells };

/** the hidden sheet and table of a bound table's base (Excel: sheet names up to 31 characters) */
export function baseNames(table: string): { sheet: string; table: string } {
  return { sheet: `Base ${table}`.slice(0, 31), table: `${table}_Base` };
}

/** the cells a base keeps: those of the columns the table has, not empty */
export function cellsOf(inputs: Line['inputs'], table: PlanTable): Cells {
  const out: Cells = {};
  for (const key of INPUT_KEYS) if (table.headers[key] && inputs[key] !== '') out[key] = inputs[key];
  return out;
}

export class MergeBase {
  private readonly rows = new Map<string, BaseRow>();
  /** body position of each row id in the hidden table */
  private readonly at = new Map<string, number>();
  private readonly changed = new Set<string>();

  private constructor(
    private readonly port: WorkbookPort,
    private readonly binding: Binding,
    private exists: boolean,
  ) {}

  static async read(port: WorkbookPort, binding: Binding): Promise<MergeBase> {
    const data = await port.readTable(baseNames(binding.table).table);
    const base = new MergeBase(port, binding, data !== null);
    data?.rows.forEach((row, position) => {
      const rowId = String(row[0] ?? '');
      if (!rowId) return;
      base.at.set(rowId, position);
      try {
        base.rows.set(rowId, { version: Number(row[1]), cells: JSON.parse(String(row[2] ?? '{}')) as Cells });
      } catch {
        // a damaged cell is no base: that row's conflicts are whole-row, as before the base existed
      }
    });
    return base;
  }

  get(rowId: string): BaseRow | undefined {
    return this.rows.get(rowId);
  }

  set(rowId: string, version: number, cells: Cells): void {
    this.rows.set(rowId, { version, cells });
    this.changed.add(rowId);
  }

  /**
   * Every line the server and the sheet agree on (a row id, a version, its hash matching its cells) is the base of
   * its row at that version: after a Load, a Sync that wrote it, a Refresh that brought a colleague's change.
   */
  noteClean(table: PlanTable): void {
    for (const line of table.lines) {
      if (!line.rowId || line.rowVersion === null || rowHash(line.inputs) !== line.hash) continue;
      if (this.rows.get(line.rowId)?.version === line.rowVersion) continue;
      this.set(line.rowId, line.rowVersion, cellsOf(line.inputs, table));
    }
  }

  /** writes the rows set since reading: changed ones in place, new ones appended, the sheet made once */
  async flush(): Promise<void> {
    if (this.changed.size === 0) return;
    const row = (rowId: string): Cell[] => {
      const { version, cells } = this.rows.get(rowId)!;
      const text = JSON.stringify(cells);
      return [rowId, version, text.length > MAX_CELL_TEXT ? '' : text];
    };
    const names = baseNames(this.binding.table);
    const fresh = [...this.changed].filter((id) => !this.at.has(id));
    const known = [...this.changed].filter((id) => this.at.has(id));
    if (!this.exists) {
      const text = { numberFormat: '@' };
      await this.port.createTable(
        names.sheet,
        names.table,
        [{ header: HEADERS[0], ...text }, { header: HEADERS[1] }, { header: HEADERS[2], ...text }],
        fresh.map(row),
      );
      await this.port.hideSheet(names.sheet, this.binding.sheet);
      this.exists = true;
    } else {
      if (known.length) {
        const rows = known.map(row);
        await this.port.writeColumns(
          names.table,
          known.map((id) => this.at.get(id)!),
          { [HEADERS[1]]: rows.map((r) => r[1]), [HEADERS[2]]: rows.map((r) => r[2]) },
        );
      }
      if (fresh.length) await this.port.appendRows(names.table, fresh.map(row));
    }
    let next = this.at.size;
    for (const id of fresh) this.at.set(id, next++);
    this.changed.clear();
  }
}
