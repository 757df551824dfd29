/**
 * A report as an .xlsx: one sheet per section (or all sections stacked on one sheet for cards), header row frozen
 * and repeated on every printed page, A4 landscape fitted to the page width. Percent cells are numbers formatted
 * with exactly the decimals of the API's display string, so Excel shows the same digits and can still sum them.
 */
import ExcelJS from 'exceljs';
import { planStatusIt } from '@core/vocabulary/reasons-it';
import { makeXmlSafe } from '../xml-safe';
import {
  percentOf,
  type ReportCell,
  type ReportColumn,
  type ReportDocument,
  type ReportSection,
  type RowStyle,
} from './document';

const FILL: Partial<Record<RowStyle, string>> = {
  perspective: 'FFD9E2F3',
  strategic: 'FFEEF3FA',
  warning: 'FFFFF4CE',
  error: 'FFFDE0E0',
};
const BOLD = new Set<RowStyle>(['perspective', 'strategic', 'operational', 'total']);

function setCell(cell: ExcelJS.Cell, value: ReportCell, column: ReportColumn): void {
  if (value == null || value === '') return;
  if (column.kind === 'percent' && typeof value === 'string') {
    const p = percentOf(value);
    if (p) {
      cell.value = p.value;
      cell.numFmt = p.decimals > 0 ? `0.${'0'.repeat(p.decimals)}%` : '0%';
      cell.alignment = { horizontal: 'right' };
      return;
    }
  }
  if (column.kind === 'euro' && typeof value === 'number') {
    cell.value = value;
    cell.numFmt = '#,##0.00 "€"';
    return;
  }
  cell.value = value;
  if (typeof value === 'number') cell.alignment = { horizontal: 'right' };
  else cell.alignment = { wrapText: true, vertical: 'top' };
}

function pageSetup(ws: ExcelJS.Worksheet, titleRows: string | undefined): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

/** Writes a section from `startRow`; returns the next free row. */
function writeSection(
  ws: ExcelJS.Worksheet,
  section: ReportSection,
  startRow: number,
  withTitle: boolean,
): { next: number; headerRow: number } {
  let r = startRow;
  if (withTitle) {
    ws.getCell(r, 1).value = section.title;
    ws.getCell(r, 1).font = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };
    r++;
    if (section.subtitle) ws.getCell(r++, 1).value = section.subtitle;
  }
  for (const [label, value] of section.fields ?? []) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).value = value;
    r++;
  }
  const headerRow = r;
  section.columns.forEach((c, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = c.label;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  r++;
  for (const row of section.rows) {
    section.columns.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      setCell(cell, row.cells[c.key] ?? null, c);
      if (row.style && FILL[row.style])
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[row.style]! } };
      if (row.style && BOLD.has(row.style)) cell.font = { bold: true };
    });
    r++;
  }
  for (const note of section.notes ?? []) {
    ws.getCell(r++, 1).value = note;
  }
  return { next: r + 1, headerRow };
}

/** Long section headings as a tab can say them: the kind of table in a word, then the name it is about. */
const SHORTER: Array<[RegExp, string]> = [
  [/^Piano: obiettivi e indicatori$/, 'Piano'],
  [/^Schede di valutazione dei dirigenti\b/, 'Schede dirigenti'],
  [/^Unità organizzativa:\s*/, 'UO '],
  [/^Cruscotto del Segretario Generale:\s*/, 'SG '],
  [/^Cruscotto di servizio:\s*/, 'Serv. '],
  [/^Cruscotto strategico:\s*/, 'Strat. '],
  [/^Cruscotto del Dirigente:\s*/, 'Dir. '],
  [/^Cruscotto individuale:\s*/, 'Ind. '],
  [/^Scheda di valutazione:\s*/, 'Scheda '],
  [/\bCruscotto del Segretario Generale\b/g, 'Cruscotto SG'],
  [/\bU\.O\.\s*/g, ''],
  [/["“”«»']/g, ''],
];
const SHEET_MAX = 31;

/** A worksheet name of at most 31 characters, cut between words, unique in the workbook ("… (2)"). */
export function sheetName(title: string, used: Set<string>): string {
  let text = title.replace(/[\\/?*[\]:]/g, (c) => (c === ':' ? ':' : ' '));
  for (const [re, to] of SHORTER) text = text.replace(re, to);
  text = text.replace(/:/g, ' ').replace(/\s+/g, ' ').trim() || 'Foglio';
  const fit = (t: string, max: number) => {
    if (t.length <= max) return t;
    const cut = t.slice(0, max + 1);
    const space = cut.lastIndexOf(' ');
    return (space > max / 2 ? cut.slice(0, space) : t.slice(0, max)).replace(/[\s.,;-]+$/, '');
  };
  let name = fit(text, SHEET_MAX);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${fit(text, SHEET_MAX - 4 - String(n).length)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cruscotto';
  workbook.created = doc.generatedAt;
  workbook.title = doc.title;
  const used = new Set<string>();
  const widths = (ws: ExcelJS.Worksheet, sections: ReportSection[]) => {
    const count = Math.max(...sections.map((s) => s.columns.length), 2);
    for (let i = 1; i <= count; i++) {
      const w = Math.max(...sections.map((s) => s.columns[i - 1]?.width ?? (i === 1 ? 18 : 12)));
      ws.getColumn(i).width = w;
    }
  };
  if (doc.stacked) {
    const ws = workbook.addWorksheet(sheetName(doc.title, used));
    ws.getCell(1, 1).value = doc.title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(2, 1).value = doc.subtitle;
    let r = 4;
    for (const section of doc.sections) r = writeSection(ws, section, r, true).next;
    widths(ws, doc.sections);
    pageSetup(ws, undefined);
    ws.headerFooter = headerFooter(doc, doc.title);
  } else {
    for (const section of doc.sections) {
      const ws = workbook.addWorksheet(sheetName(section.title, used));
      // the table header is the first row: frozen on screen, repeated on paper
      const { headerRow } = writeSection(ws, section, 1, false);
      ws.views = [{ state: 'frozen', ySplit: headerRow }];
      widths(ws, [section]);
      pageSetup(ws, `${headerRow}:${headerRow}`);
      ws.headerFooter = headerFooter(doc, section.title);
    }
  }
  if (doc.sections.length === 0) workbook.addWorksheet('Vuoto').getCell(1, 1).value = 'Nessun dato';
  if (!doc.stacked) documentSheet(workbook, doc, used);
  makeXmlSafe(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * What the HTML prints above and below the tables — the plan version (with "VALORI DI ESEMPIO" when the values are
 * examples), its state and approval — on a last sheet of its own: the section sheets keep their table header on row 1.
 */
function documentSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, used: Set<string>): void {
  const ws = workbook.addWorksheet(sheetName('Documento', used));
  const a = doc.approval;
  const dateIt = (d: Date) => d.toLocaleDateString('it-IT', { timeZone: 'Europe/Rome' });
  const fields: Array<[string, string]> = [
    ['Documento', doc.title],
    ['Riferimento', doc.subtitle],
    ...(a
      ? ([
          ['Versione del piano', a.label],
          ['Stato', planStatusIt(a.status)],
          ...(a.status === 'draft'
            ? [['Bozza', 'la versione del piano non è ancora approvata; i valori possono cambiare']]
            : [
                ['Approvata da', a.approvedBy ?? '—'],
                ['Approvata il', a.approvedAt ? dateIt(a.approvedAt) : '—'],
              ]),
          ...(a.adoptingAct ? [['Atto di adozione', a.adoptingAct]] : []),
        ] as Array<[string, string]>)
      : []),
    ['Generato il', doc.generatedAt.toLocaleString('it-IT', { timeZone: 'Europe/Rome' })],
  ];
  fields.forEach(([label, value], i) => {
    ws.getCell(i + 1, 1).value = label;
    ws.getCell(i + 1, 1).font = { bold: true };
    ws.getCell(i + 1, 2).value = value;
  });
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 100;
  pageSetup(ws, undefined);
  ws.headerFooter = headerFooter(doc, 'Documento');
}

/** Title and section on every printed page, BOZZA in the middle while the plan is a draft, "Pagina X di Y" below. */
function headerFooter(doc: ReportDocument, section: string): Partial<ExcelJS.HeaderFooter> {
  const draft = doc.approval?.status === 'draft' ? '&C&"-,Bold"&14BOZZA' : '';
  return {
    oddHeader: `&L${escapeHeader(doc.title)}${draft}&R${escapeHeader(section)}`,
    oddFooter: '&CPagina &P di &N',
  };
}

function escapeHeader(text: string): string {
  return text.replace(/&/g, '&&').slice(0, 80);
}
