/** Excel.Workbook: the entry point of every batch (context.workbook). */
import { ClientObject, type RequestContext } from './context';
import { itemNotFound } from './errors';
import type { WorkbookModel } from './model';
import { CustomXmlPartCollection, SettingCollection } from './settings';
import { TableCollection } from './table';
import { WorksheetCollection } from './worksheet';

export class Workbook extends ClientObject<WorkbookModel> {
  readonly tables: TableCollection;
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  readonly customXmlParts: CustomXmlPartCollection;

  constructor(context: RequestContext) {
    super(context, 'workbook', () => context.engine.model);
    this.tables = new TableCollection(context, 'workbook.tables', null);
    this.worksheets = new WorksheetCollection(context);
    this.settings = new SettingCollection(context);
    this.customXmlParts = new CustomXmlPartCollection(context);
  }
  protected readonly what = 'workbook';
  /** the workbook is no object of a collection: its ItemNotFound names no place */
  protected override missing(): Error {
    return itemNotFound(this.what);
  }

  getActiveCell() {
    return this.worksheets.getActiveWorksheet().getRange('A1');
  }

  /** the user's selection (Range.select or a click in the grid); A1 of the active sheet when none was made */
  getSelectedRange() {
    const selection = this.context.engine.model.selection;
    if (!selection) return this.getActiveCell();
    const { row, column, rows, columns } = selection.rect;
    return this.worksheets.getItem(selection.sheet).getRangeByIndexes(row, column, rows, columns);
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }
}
