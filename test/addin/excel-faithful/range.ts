/**
 * Excel.Range over the model. Reads give what Office gives: `values` typed (numbers, strings, booleans, "" for empty,
 * the computed value for a formula), `text` as the grid shows it in the workbook's locale, `numberFormat` in en-US
 * codes, `formulas` with "=…" for formula cells, `valueTypes` per cell. Writes go through the engine's Excel rules.
 */
import { a1 } from '../../../addin/src/workbook/address';
import { ClientObject, pick } from './context';
import { eachCell } from './edits';
import { accessDenied, invalidArgument } from './errors';
import { type CellModel, type Rect, type SheetModel, intersects } from './model';
import { groupRows, ungroupRows } from './outline';
import { displayed, valueTypeOf } from './values';

export type RangeTarget = { sheet: SheetModel; rect: Rect };

/**
 * One format property set on every cell of the range. `member` names the API member for the AccessDenied of a
 * protected sheet, where Excel refuses the change; without it the double lets the change through.
 */
function setCells<K extends keyof CellModel>(
  { sheet, rect }: RangeTarget,
  key: K,
  value: CellModel[K],
  member?: string,
) {
  if (member && sheet.protection.protected) throw accessDenied(member);
  eachCell(rect, (r, c) => {
    sheet.touch(r, c)[key] = value;
  });
}

function grid<V>(rect: Rect, at: (row: number, column: number) => V): V[][] {
  return Array.from({ length: rect.rows }, (_, i) =>
    Array.from({ length: rect.columns }, (_, j) => at(rect.row + i, rect.column + j)),
  );
}

/** A1 address with the sheet, quoted when the name needs it, as Range.address returns it */
export function qualified(sheet: SheetModel, rect: Rect): string {
  const name = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${name}!${a1(rect.row, rect.column, rect.rows, rect.columns)}`;
}

export class Range extends ClientObject<RangeTarget> {
  protected readonly what = 'range';

  get values(): unknown[][] {
    return this.read('values');
  }
  set values(values: unknown[][]) {
    this.act('values', values, ({ sheet, rect }) =>
      this.context.engine.writeValues(sheet, rect, values as never, 'Range.values'),
    );
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.act('formulas', formulas, ({ sheet, rect }) =>
      this.context.engine.writeFormulas(sheet, rect, formulas as never, 'Range.formulas'),
    );
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.act('numberFormat', formats, ({ sheet, rect }) =>
      this.context.engine.writeFormats(sheet, rect, formats, 'Range.numberFormat'),
    );
  }
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly address: string;
  declare readonly rowHidden: boolean | null;
  static {
    this.readOnly('text', 'valueTypes', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address', 'rowHidden');
  }
  set columnHidden(hidden: boolean) {
    this.act('columnHidden', hidden, ({ sheet, rect }) => {
      const set = new Set(sheet.decorations.hiddenColumns);
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (hidden) set.add(c);
        else set.delete(c);
      }
      sheet.decorations.hiddenColumns = [...set];
    });
  }

  get format() {
    const range = {
      act: (name: string, args: unknown, apply: (target: RangeTarget) => void) => this.act(name, args, apply),
    };
    return {
      fill: {
        set color(color: string) {
          range.act('format/fill/color', color, (target) => setCells(target, 'fill', color));
        },
        clear() {
          range.act('format/fill/clear', null, (target) => setCells(target, 'fill', null));
        },
      },
      font: {
        set bold(bold: boolean) {
          range.act('format/font/bold', bold, (target) => setCells(target, 'bold', bold, 'RangeFont.bold'));
        },
      },
      /** ExcelApi 1.9: an integer from 0 to 250 */
      set indentLevel(level: number) {
        range.act('format/indentLevel', level, (target) => {
          if (!Number.isInteger(level) || level < 0 || level > 250)
            throw invalidArgument(`indentLevel ${level}`, 'RangeFormat.indentLevel');
          setCells(target, 'indent', level, 'RangeFormat.indentLevel');
        });
      },
      set columnWidth(points: number) {
        range.act('format/columnWidth', points, ({ sheet, rect }) => {
          for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.decorations.columnWidths[c] = points;
        });
      },
      protection: {
        /** unlocking must happen before protecting: a protected sheet refuses format changes */
        set locked(locked: boolean) {
          range.act('format/protection/locked', locked, (target) =>
            setCells(target, 'locked', locked, 'RangeFormatProtection.locked'),
          );
        },
      },
    };
  }

  get dataValidation() {
    const range = {
      act: (name: string, args: unknown, apply: (target: RangeTarget) => void) => this.act(name, args, apply),
    };
    return {
      set rule(rule: unknown) {
        range.act('dataValidation/rule', rule, ({ sheet, rect }) => {
          const list = (rule as { list?: { source?: unknown } }).list;
          if (!list || typeof list.source !== 'string')
            throw invalidArgument('this double supports list rules with a text source', 'DataValidation.rule');
          sheet.decorations.validations.push({ rect, rule });
        });
      },
    };
  }

  get conditionalFormats() {
    return {
      clearAll: () =>
        this.act('conditionalFormats/clearAll', null, ({ sheet, rect }) => {
          sheet.decorations.conditionalFormats = sheet.decorations.conditionalFormats.filter(
            (f) => !intersects(f.rect, rect),
          );
        }),
      add: (type: string) => {
        const format = {
          rect: { row: 0, column: 0, rows: 0, columns: 0 },
          type,
          iconStyle: null as string | null,
          criteria: [] as unknown[],
        };
        this.act('conditionalFormats/add', type, ({ sheet, rect }) => {
          format.rect = rect;
          sheet.decorations.conditionalFormats.push(format);
        });
        const context = this.context;
        return {
          iconSet: {
            set style(style: string) {
              context.enqueue('conditionalFormat/iconSet', 'style', style, () => {
                format.iconStyle = style;
              });
            },
            set criteria(criteria: unknown[]) {
              context.enqueue('conditionalFormat/iconSet', 'criteria', criteria, () => {
                format.criteria = criteria;
              });
            },
          },
        };
      },
    };
  }

  /** ExcelApi 1.10, rows only (outline.ts) */
  group(option: string): void {
    this.act('group', option, ({ sheet, rect }) => groupRows(sheet, rect, option));
  }
  ungroup(option: string): void {
    this.act('ungroup', option, ({ sheet, rect }) => ungroupRows(sheet, rect, option));
  }

  getCell(row: number, column: number): Range {
    return new Range(this.context, `${this.path}.getCell(${row},${column})`, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { row: rect.row + row, column: rect.column + column, rows: 1, columns: 1 } };
    });
  }

  select(): void {
    this.act('select', null, ({ sheet, rect }) => {
      this.context.engine.model.selection = { sheet: sheet.name, rect };
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.act('clear', applyTo, ({ sheet, rect }) => {
      if (applyTo === 'Formats')
        eachCell(rect, (r, c) =>
          Object.assign(sheet.touch(r, c), { numberFormat: 'General', fill: null, bold: false, indent: 0 }),
        );
      else this.context.engine.clearContents(sheet, rect, applyTo === 'All', 'Range.clear');
    });
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const { sheet, rect } = this.target();
    const locale = this.context.engine.model.locale;
    const at = (r: number, c: number) => sheet.cell(r, c);
    const hidden = grid({ ...rect, columns: 1 }, (r) => sheet.hiddenRows.has(r)).map((line) => line[0]);
    return pick(
      {
        values: () => grid(rect, (r, c) => at(r, c)?.value ?? ''),
        text: () => grid(rect, (r, c) => displayed(at(r, c)?.value ?? '', at(r, c)?.numberFormat ?? 'General', locale)),
        numberFormat: () => grid(rect, (r, c) => at(r, c)?.numberFormat ?? 'General'),
        formulas: () => grid(rect, (r, c) => at(r, c)?.formula ?? at(r, c)?.value ?? ''),
        valueTypes: () => grid(rect, (r, c) => valueTypeOf(at(r, c)?.value ?? '', at(r, c)?.isError ?? false)),
        rowIndex: () => rect.row,
        columnIndex: () => rect.column,
        rowCount: () => rect.rows,
        columnCount: () => rect.columns,
        address: () => qualified(sheet, rect),
        // Office: true when every row is hidden, false when none is, null when mixed
        rowHidden: () => (hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false),
      },
      properties,
      'Range',
      (p) => invalidArgument(`Range has no property "${p}"`, 'Range.load'),
    );
  }
}
