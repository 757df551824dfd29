/**
 * Cells read as the user sees them (addin/src/sync/seen.ts): the value through its number format, checked against
 * the text Excel shows — here rendered by the faithful double's numfmt, as Excel would — and what the sync does
 * with a cell it cannot settle: the row is not sent, and the cell is named with an Italian reason.
 */
import { parseValue } from '@core/values';
import { canonicalHeaders, INPUT_KEYS, linesOf } from '../../addin/src/sync/columns';
import { planSync } from '../../addin/src/sync/outgoing';
import { formatKind, seenCell, seenValues, serialDate } from '../../addin/src/sync/seen';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { PLAN_LAYOUT } from '@core/sheet/layout';
import { displayed, type Locale, serialOf } from './excel-faithful/values';

const seen = (value: number | string | boolean, numberFormat: string, locale: Locale = 'it-IT') =>
  seenCell(value, numberFormat, displayed(value, numberFormat, locale));

describe('a cell as the user sees it', () => {
  it('sends a pasted percentage as the percent it shows, not as its fraction', () => {
    expect(seen(0.034, '0.0%')).toEqual({ text: '3,4%' });
    expect(seen(0.034, '0.00%')).toEqual({ text: '3,4%' });
    expect(parseValue(seen(0.034, '0.0%').text)).toMatchObject({ kind: 'percent', value: 3.4 });
    // an English Excel shows "3.4%": the same number, so the same cell
    expect(seen(0.034, '0.0%', 'en-US')).toEqual({ text: '3,4%' });
  });

  it('sends a date serial with a date format as the day-first date the parser reads', () => {
    const serial = serialOf(2022, 8, 15);
    expect(serial).toBe(44788);
    expect(seen(serial, 'dd/mm/yyyy')).toEqual({ text: '15/08/2022' });
    expect(seen(serial, 'd-mmm-yy').text).toBe('15/08/2022');
    // an English Excel shows 8/15/2022; the serial, not the text, says which day it is
    expect(seen(serial, 'm/d/yyyy', 'en-US').text).toBe('15/08/2022');
    expect(parseValue('15/08/2022')).toMatchObject({ kind: 'date', value: '2022-08-15' });
    // Excel's 1900 system, with its 29 February 1900 that never was
    expect(serialDate(1)).toEqual({ day: 1, month: 1, year: 1900 });
    expect(serialDate(59)).toEqual({ day: 28, month: 2, year: 1900 });
    expect(serialDate(60)).toBeNull();
    expect(serialDate(61)).toEqual({ day: 1, month: 3, year: 1900 });
    expect(seen(60, 'dd/mm/yyyy').problem?.code).toBe('NOT_A_DATE');
  });

  it('keeps General numbers, text and booleans as they were sent before', () => {
    expect(seen(8.296, 'General')).toEqual({ text: '8,296' });
    expect(seen('3,25%', '@')).toEqual({ text: '3,25%' });
    expect(seen(true, 'General')).toEqual({ text: 'SI' });
    expect(seen(12, '0')).toEqual({ text: '12' });
    expect(seenCell('', 'General', '')).toEqual({ text: '' });
  });

  it('reports a cell whose value and shown text disagree, instead of choosing one', () => {
    const rounded = seen(0.0345, '0.0%');
    expect(rounded.problem).toMatchObject({ code: 'VALUE_NOT_AS_SHOWN' });
    expect(rounded.problem!.messageIt).toContain('"3,5%"');
    expect(rounded.problem!.messageIt).toContain('3,45%');
    expect(seen(3.4, '0').problem?.code).toBe('VALUE_NOT_AS_SHOWN');
    expect(seen(0.5, 'h:mm').problem?.code).toBe('TIME_NOT_READ');
    expect(seenCell('#DIV/0!', 'General', '#DIV/0!').problem?.code).toBe('EXCEL_ERROR');
    // a column too narrow shows ####: that says nothing against the value
    expect(seenCell(1234.5, '0.0', '######')).toEqual({ text: '1234,5' });
  });

  it('reads a sheet to bind as the user sees it, keeping a cell it cannot settle as it was', () => {
    const values = [
      ['Peso', 'Valore', 'Scadenza', 'Arrotondato', 'Fatto'],
      [0.2, 3.25, 44788, 0.0345, true],
    ];
    const formats = [
      ['General', 'General', 'General', 'General', 'General'],
      ['0%', 'General', 'dd/mm/yyyy', '0.0%', 'General'],
    ];
    const texts = values.map((line, r) => line.map((v, c) => displayed(v, formats[r][c], 'it-IT')));
    expect(seenValues({ values, formats, texts })).toEqual([
      ['Peso', 'Valore', 'Scadenza', 'Arrotondato', 'Fatto'],
      ['20%', '3,25', '15/08/2022', 0.0345, 'SI'],
    ]);
  });

  it('tells the formats apart by what they show', () => {
    expect(formatKind('General')).toBe('general');
    expect(formatKind('@')).toBe('text');
    expect(formatKind('0.0%')).toBe('percent');
    expect(formatKind('[$-410]dd/mm/yyyy')).toBe('date');
    expect(formatKind('#,##0.00 "giorni"')).toBe('number');
    expect(formatKind('[$€-410] #,##0.00')).toBe('number');
    expect(formatKind('hh:mm')).toBe('time');
    expect(formatKind('0%;[Red]-0%')).toBe('percent');
  });
});

describe('the sync reading a table with pasted cells', () => {
  const headers = canonicalHeaders('it');
  const columns = PLAN_LAYOUT.map((c) => ({ header: c.it, numberFormat: c.numberFormat }));
  const row = (values: Partial<Record<string, string | number>>) =>
    PLAN_LAYOUT.map((c) => values[c.key] ?? (c.key === 'level' ? 'indicatore' : ''));

  async function tableWith(edit: (wb: MemoryWorkbook, name: string) => void) {
    const wb = new MemoryWorkbook({ display: (value, format) => displayed(value ?? '', format, 'it-IT') });
    await wb.createTable('Piano', 'Cruscotto', columns, [
      row({ code: '1.1.1', target: '3%', actual: '2%', rowId: 'r1', rowVersion: 1 }),
      row({ code: '1.1.2', target: '31/12/2022', actual: '', rowId: 'r2', rowVersion: 1 }),
    ]);
    edit(wb, 'Cruscotto');
    return linesOf((await wb.readTable('Cruscotto'))!, headers);
  }

  it('reads a percentage pasted with its format as the percent the user sees', async () => {
    const table = await tableWith((wb, name) => wb.pasteCell(name, 0, headers.actual, 0.034, '0.0%'));
    expect(table.lines[0].inputs.actual).toBe('3,4%');
    expect(table.lines[0].unread).toEqual([]);
    expect(INPUT_KEYS).toContain('actual');
  });

  it('reads a date pasted with a date format as the date, and reports a bare serial where a date is expected', async () => {
    const dated = await tableWith((wb, name) => wb.pasteCell(name, 1, headers.actual, 44788, 'dd/mm/yyyy'));
    expect(dated.lines[1].inputs.actual).toBe('15/08/2022');
    expect(dated.lines[1].unread).toEqual([]);

    const bare = await tableWith((wb, name) => wb.pasteCell(name, 1, headers.actual, 44788, 'General'));
    expect(bare.lines[1].inputs.actual).toBe('44788');
    expect(bare.lines[1].unread).toEqual([expect.objectContaining({ column: 'actual', code: 'DATE_AS_NUMBER' })]);
    expect(bare.lines[1].unread[0].messageIt).toContain('15/08/2022');
    // a month name is a date too (its year comes from the column): a serial beside it is reported as well
    const monthly = await tableWith((wb, name) => {
      wb.editCell(name, 1, headers.target, 'luglio');
      wb.pasteCell(name, 1, headers.actual, 44788, 'General');
    });
    expect(monthly.lines[1].unread.map((u) => u.code)).toEqual(['DATE_AS_NUMBER']);
    // the row is not sent: it is refused here, on that cell, with the Italian reason
    const plan = planSync(bare);
    expect(plan.outgoing.map((o) => o.line.position)).not.toContain(1);
    expect(plan.refused).toEqual([
      expect.objectContaining({
        line: expect.objectContaining({ position: 1 }),
        errors: [expect.objectContaining({ column: 'actual', code: 'DATE_AS_NUMBER' })],
      }),
    ]);
  });

  it('refuses, on that cell, a row whose pasted value the grid shows rounded', async () => {
    const table = await tableWith((wb, name) => wb.pasteCell(name, 0, headers.actual, 0.0345, '0.0%'));
    const plan = planSync(table);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0].errors).toEqual([expect.objectContaining({ column: 'actual', code: 'VALUE_NOT_AS_SHOWN' })]);
  });
});
