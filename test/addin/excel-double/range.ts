/** A range of the Excel double: values and number formats of the exact shape, formats, validation, clearing. */
import { a1, parseA1 } from '../../../addin/src/workbook/address';
import { type Rect, type SheetModel, type Value, intersects, refuseLocked } from './model';
import { bytesOf, ClientObject, OfficeError } from './office-object';

/** "A:B" (whole columns) or "B5:D7" */
export function rectOf(address: string): Rect {
  const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(address);
  if (columns) {
    const first = parseA1(`${columns[1]}1`) as Rect;
    const last = parseA1(`${columns[2]}1`) as Rect;
    return { row: 0, column: first.column, rows: 1_048_576, columns: last.column - first.column + 1 };
  }
  const rect = parseA1(address);
  if (!rect) throw new OfficeError('InvalidArgument', `bad address ${address}`);
  return rect;
}

export type RangeTarget = { sheet: SheetModel; rect: Rect };

export class Range extends ClientObject<RangeTarget> {
  get values(): Value[][] {
    return this.read('values');
  }
  set values(values: Value[][]) {
    this.set(values, ({ sheet, rect }) => {
      const grid = fit(values, rect, 'values');
      refuseLocked(sheet, rect);
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.columns; c++) {
          const cell = sheet.touch(rect.row + r, rect.column + c);
          cell.value = typed(grid[r][c], cell.numberFormat);
        }
      }
      this.context.wrote(sheet, rect);
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.set(formats, ({ sheet, rect }) => {
      const grid = fit(formats, rect, 'numberFormat');
      for (let r = 0; r < rect.rows; r++)
        for (let c = 0; c < rect.columns; c++)
          sheet.touch(rect.row + r, rect.column + c).numberFormat = String(grid[r][c]);
    });
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get address(): string {
    return this.read('address');
  }
  set columnHidden(hidden: boolean) {
    this.set(hidden, ({ sheet, rect }) => {
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get format() {
    const range = { set: (payload: unknown, apply: (target: RangeTarget) => void) => this.set(payload, apply) };
    return {
      fill: {
        set color(color: string) {
          range.set(color, ({ sheet, rect }) =>
            eachCell(refuseFormat(sheet, rect), rect, (cell) => {
              cell.fill = color;
            }),
          );
        },
        clear() {
          range.set(null, ({ sheet, rect }) =>
            eachCell(refuseFormat(sheet, rect), rect, (cell) => {
              cell.fill = null;
            }),
          );
        },
      },
      protection: {
        /** a protected sheet refuses format changes: locks are set before protecting */
        set locked(locked: boolean) {
          range.set(locked, ({ sheet, rect }) => {
            if (sheet.protection.protected) refuseLocked(sheet, rect);
            eachCell(sheet, rect, (cell) => {
              cell.locked = locked;
            });
          });
        },
      },
      set columnWidth(points: number) {
        range.set(points, ({ sheet, rect }) => {
          for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.columnWidths.set(c, points);
        });
      },
    };
  }
  get dataValidation() {
    const range = { set: (payload: unknown, apply: (target: RangeTarget) => void) => this.set(payload, apply) };
    return {
      set rule(rule: unknown) {
        range.set(rule, ({ sheet, rect }) => {
          const list = (rule as { list?: { source?: unknown } }).list;
          if (!list || typeof list.source !== 'string')
            throw new OfficeError('InvalidArgument', 'only list rules with a text source are supported');
          sheet.validations.push({ rect, rule });
        });
      },
    };
  }
  get conditionalFormats() {
    return {
      clearAll: () =>
        this.set(null, ({ sheet, rect }) => {
          for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
            if (intersects(sheet.conditionalFormats[i].rect, rect)) sheet.conditionalFormats.splice(i, 1);
          }
        }),
      add: (type: string) => {
        const model = {
          rect: { row: 0, column: 0, rows: 0, columns: 0 },
          type,
          iconStyle: null as string | null,
          criteria: [] as unknown[],
        };
        this.set(type, ({ sheet, rect }) => {
          model.rect = rect;
          sheet.conditionalFormats.push(model);
        });
        const context = this.context;
        return {
          iconSet: {
            set style(style: string) {
              context.enqueue(bytesOf(style), () => {
                model.iconStyle = style;
              });
            },
            set criteria(criteria: unknown[]) {
              context.enqueue(bytesOf(criteria), () => {
                model.criteria = criteria;
              });
            },
          },
        };
      },
    };
  }
  select(): void {
    this.set(null, ({ sheet, rect }) => {
      this.context.model.selection = { sheet: sheet.name, rect };
    });
  }
  clear(applyTo = 'All'): void {
    this.set(applyTo, ({ sheet, rect }) => {
      for (const [row, line] of sheet.cells) {
        if (row < rect.row || row >= rect.row + rect.rows) continue;
        for (const [column, cell] of line) {
          if (column < rect.column || column >= rect.column + rect.columns) continue;
          cell.value = '';
          if (applyTo === 'All' || applyTo === 'Formats') {
            cell.numberFormat = 'General';
            cell.fill = null;
          }
        }
      }
      this.context.wrote(sheet, rect);
    });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const { sheet, rect } = this.must();
    const all: Record<string, () => unknown> = {
      values: () => grid(rect, (r, c) => sheet.value(r, c)),
      numberFormat: () => grid(rect, (r, c) => sheet.cell(r, c)?.numberFormat ?? 'General'),
      rowIndex: () => rect.row,
      columnIndex: () => rect.column,
      rowCount: () => rect.rows,
      columnCount: () => rect.columns,
      address: () => `${sheet.name}!${a1(rect.row, rect.column, rect.rows, rect.columns)}`,
    };
    const wanted = properties.includes('*') ? Object.keys(all) : properties;
    const out: Record<string, unknown> = {};
    for (const p of wanted) {
      if (!all[p]) throw new OfficeError('InvalidArgument', `unknown range property ${p}`);
      out[p] = all[p]();
    }
    return out;
  }
}

function grid<V>(rect: Rect, at: (row: number, column: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: V[] = [];
    for (let c = 0; c < rect.columns; c++) line.push(at(rect.row + r, rect.column + c));
    out.push(line);
  }
  return out;
}

/** formatting a protected sheet is refused unless it was protected with allowFormatCells */
function refuseFormat(sheet: SheetModel, rect: Rect): SheetModel {
  if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) refuseLocked(sheet, rect);
  return sheet;
}

function eachCell(sheet: SheetModel, rect: Rect, apply: (cell: ReturnType<SheetModel['touch']>) => void): void {
  for (let r = 0; r < rect.rows; r++)
    for (let c = 0; c < rect.columns; c++) apply(sheet.touch(rect.row + r, rect.column + c));
}

/** values and formats must have the range's exact shape, as in Excel */
export function fit<V>(values: V[][], rect: Rect, what: string): V[][] {
  if (
    !Array.isArray(values) ||
    values.length !== rect.rows ||
    values.some((line) => !Array.isArray(line) || line.length !== rect.columns)
  ) {
    throw new OfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rect.rows}×${rect.columns})`,
    );
  }
  return values;
}

/** A text-formatted cell keeps what was written; elsewhere Excel reads plain numbers and booleans as such. */
export function typed(value: unknown, numberFormat: string): Value {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value as Value;
  if (numberFormat === '@') return value;
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}
