/**
 * A plan as an .xlsx in the canonical table layout: the same table the add-in loads (layout.ts), as an Excel table
 * with its dropdowns, formats and hidden id/version columns, plus the add-in's binding in a very hidden
 * "Cruscotto" sheet. Opened in Excel with the add-in, it syncs like a loaded sheet; imported again, it is the same plan.
 */
import type { EntityManager } from '@mikro-orm/core';
import ExcelJS from 'exceljs';
import { makeXmlSafe } from './xml-safe';
import { Checkpoint } from '@core/vocabulary/enums';
import {
  CRUSCOTTO_LAYOUT,
  LEVEL_LIST,
  type LayoutLanguage,
  PLAN_LAYOUT,
  POLARITY_LIST,
  RULE_LIST,
  YES_NO_LIST,
} from '@core/sheet/layout';
import { DASHBOARD_KIND_WORDS, ENTRY_LEVEL_WORDS } from '@core/sheet/layout-cruscotti';
import {
  type CanonicalCells,
  cellsOfRow,
  LEVEL_LIST_EN,
  POLARITY_LIST_EN,
  RULE_LIST_EN,
  YES_NO_EN,
} from './canonical-row';
import { loadSheetData, type SheetData, type SheetDataRead } from './sheet-data';
import { nextTurn } from '../speed/next-turn';
import type { ScoreSnapshots } from '../services/score-snapshots';
import { checkpointName } from '@core/vocabulary/checkpoint';

export const SETTINGS_SHEET = 'Cruscotto';
export const BINDING_VERSION = 1;

export type WorkbookExportOptions = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  language?: LayoutLanguage;
  /** written into the binding so the add-in knows where to sync (optional: the file may travel) */
  serverUrl?: string;
};

/** The binding as the add-in stores it (addin/src/sync/types.ts Binding), read back by the import. */
export type WorkbookBinding = {
  version: number;
  serverUrl: string;
  organisationId: string;
  planId: string;
  planLabel: string;
  year: number;
  checkpoint: 'YEAR_END' | 'MID_YEAR';
  table: string;
  sheet: string;
  language: LayoutLanguage;
  serverTime: string;
};

/** Excel table names: letters, digits, underscore; start with a letter; at most 255 characters. */
export function tableName(year: number, checkpoint: Checkpoint): string {
  return `Piano_${year}_${checkpoint === Checkpoint.MID_YEAR ? '30_6' : '31_12'}`;
}

export async function exportPlanWorkbook(
  em: EntityManager,
  options: WorkbookExportOptions,
  snapshots?: ScoreSnapshots,
  read: SheetDataRead = {},
): Promise<Buffer> {
  const data = await loadSheetData(em, options.planId, options.year, options.checkpoint, snapshots, read, true);
  await nextTurn(); // rows read and scored: writing the workbook is a phase of its own
  return planWorkbook(data, options);
}

const LISTS: Record<LayoutLanguage, Partial<Record<string, readonly string[]>>> = {
  it: { level: LEVEL_LIST, polarity: POLARITY_LIST, rule: RULE_LIST, neutralised: YES_NO_LIST },
  en: { level: LEVEL_LIST_EN, polarity: POLARITY_LIST_EN, rule: RULE_LIST_EN, neutralised: YES_NO_EN },
};

type TableColumn = {
  key: keyof CanonicalCells;
  header: string;
  kind: 'input' | 'output' | 'hidden';
  numberFormat: string;
  width: number;
  list?: readonly string[];
};

/**
 * The table's columns: the canonical layout, with the cruscotto columns after the plan's own input columns when the
 * plan has cruscotti or "Azione" labels (a Bergamo plan); a plan without them keeps the table the add-in loads.
 */
function tableLayout(data: SheetData, language: LayoutLanguage): TableColumn[] {
  const plan: TableColumn[] = PLAN_LAYOUT.map((c) => ({
    key: c.key,
    header: c[language],
    kind: c.kind,
    numberFormat: c.numberFormat,
    width: c.width,
    list: LISTS[language][c.key],
  }));
  if (!data.rows.some((r) => r.dashboard || r.actionLabel)) return plan;
  const words: Partial<Record<string, readonly string[]>> = {
    dashboardKind: DASHBOARD_KIND_WORDS[language],
    entryLevel: ENTRY_LEVEL_WORDS[language],
  };
  const cruscotti: TableColumn[] = CRUSCOTTO_LAYOUT.map((c) => ({
    key: c.key,
    header: c[language],
    kind: 'input',
    numberFormat: '@',
    width: c.width,
    list: words[c.key],
  }));
  // after the plan's last input column, as the add-in's table has them (SHEET_LAYOUT)
  const after = plan.findIndex((c) => c.kind !== 'input');
  return [...plan.slice(0, after), ...cruscotti, ...plan.slice(after)];
}

export async function planWorkbook(data: SheetData, options: WorkbookExportOptions): Promise<Buffer> {
  const language = options.language ?? 'it';
  const plan = data.state.plan;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cruscotto';
  workbook.created = data.serverTime;
  const sheetName = language === 'it' ? 'Piano' : 'Plan';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  const name = tableName(options.year, options.checkpoint);

  const byId = new Map(data.rows.map((r) => [r.rowId, r]));
  const layout = tableLayout(data, language);
  const body = data.rows.map((row) => {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    const cells = cellsOfRow(row, parent ? (parent.code ?? parent.title) : null, language);
    return layout.map((c) => cells[c.key] ?? '');
  });
  sheet.addTable({
    name,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: layout.map((c) => ({ name: c.header, filterButton: true })),
    // ExcelJS needs one row at least to write a valid table
    rows: body.length > 0 ? body : [layout.map(() => '')],
  });

  const last = Math.max(body.length, 1) + 1;
  layout.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width;
    if (column.kind === 'hidden') col.hidden = true;
    for (let r = 2; r <= last; r++) sheet.getCell(r, i + 1).numFmt = column.numberFormat;
    const list = column.list;
    if (list) {
      const letter = col.letter;
      // a dropdown that offers the usual words; the server accepts more synonyms, so other text is not blocked
      sheet.dataValidations.add(`${letter}2:${letter}${Math.max(last, 1000)}`, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: false,
        formulae: [`"${list.join(',')}"`],
      });
    }
  });

  const binding: WorkbookBinding = {
    version: BINDING_VERSION,
    serverUrl: options.serverUrl ?? '',
    organisationId: plan.org.id,
    planId: plan.id,
    planLabel: plan.label,
    year: options.year,
    checkpoint: checkpointName(options.checkpoint),
    table: name,
    sheet: sheetName,
    language,
    serverTime: data.serverTime.toISOString(),
  };
  const settings = workbook.addWorksheet(SETTINGS_SHEET);
  settings.state = 'veryHidden';
  settings.columns = [
    { header: 'key', key: 'key', width: 16 },
    { header: 'value', key: 'value', width: 60 },
  ];
  for (const [key, value] of Object.entries(binding)) settings.addRow({ key, value: String(value) });
  settings.addRow({ key: 'binding', value: JSON.stringify(binding) });

  makeXmlSafe(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
