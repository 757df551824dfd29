/**
 * The faithful Excel double keeps Excel's semantics: typed values and locale-rendered text, input read in the
 * workbook's locale, formulas, table row edits, sort and filter, protection, events, limits, persistence.
 */
import { createFaithfulExcel, reopenFaithfulExcel } from './excel-faithful';
import type { RequestContext } from './excel-faithful/context';
import type { Locale } from './excel-faithful/values';

type Excel = ReturnType<typeof createFaithfulExcel>;

async function read(excel: Excel, sheet: string, address: string) {
  return excel.Excel.run(async (context: RequestContext) => {
    const range = context.workbook.worksheets
      .getItem(sheet)
      .getRange(address)
      .load('values,text,numberFormat,valueTypes,formulas');
    await context.sync();
    return {
      values: range.values,
      text: range.text,
      numberFormat: range.numberFormat,
      valueTypes: range.valueTypes,
      formulas: range.formulas,
    };
  });
}

/** A new workbook in `locale` where the user typed each text into its cell of Foglio1 */
function typedIn(locale: Locale, cells: Record<string, string>): Excel {
  const excel = createFaithfulExcel({ locale });
  for (const [address, text] of Object.entries(cells)) excel.user.type(`Foglio1!${address}`, text);
  return excel;
}

async function write(excel: Excel, sheet: string, address: string, values: unknown[][]) {
  await excel.Excel.run(async (context: RequestContext) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
    await context.sync();
  });
}

/** a table "Piano" on sheet Piano: Cod. | Valore | Data, three rows typed by a user */
async function plan(excel: Excel) {
  await excel.Excel.run(async (context: RequestContext) => {
    const sheet = context.workbook.worksheets.add('Piano');
    sheet.getRange('A1:C4').values = [
      ['Cod.', 'Valore', 'Data'],
      ['b', '20', '15/08/2022'],
      ['a', '3,4%', ''],
      ['c', '20', '01/01/2023'],
    ];
    sheet.tables.add(sheet.getRange('A1:C4'), true).name = 'Piano';
    await context.sync();
  });
}

describe('typed cells shown in the workbook locale', () => {
  it.each([
    // Excel gives a typed percent with decimals the 0.00% format (numfmt's reading of the input, as Excel's)
    [
      '3,4%',
      'F5',
      'the number 0.034 with a percent format, shown 3,40%',
      {
        values: [[0.034]],
        text: [['3,40%']],
        numberFormat: [['0.00%']],
        valueTypes: [['Double']],
        formulas: [[0.034]],
      },
    ],
    [
      '15/08/2022',
      'A1',
      'serial 44788 with a date format',
      { values: [[44788]], text: [['15/08/2022']], valueTypes: [['Double']] },
    ],
  ])('"%s" typed in it-IT into %s is %s', async (text, address, _, cell) => {
    const excel = typedIn('it-IT', { [address]: text });
    expect(await read(excel, 'Foglio1', address)).toMatchObject(cell);
  });

  it('44788 written into a dd/mm/yyyy cell shows as 15/08/2022', async () => {
    const excel = createFaithfulExcel({ locale: 'it-IT' });
    await excel.Excel.run(async (context: RequestContext) => {
      const range = context.workbook.worksheets.getItem('Foglio1').getRange('B1');
      range.numberFormat = [['dd/mm/yyyy']];
      range.values = [[44788]];
      await context.sync();
    });
    expect((await read(excel, 'Foglio1', 'B1')).text).toEqual([['15/08/2022']]);
  });

  it('keeps the 1900 leap-year bug: serial 60 is 29/02/1900 and 61 is 01/03/1900', async () => {
    const excel = typedIn('it-IT', { A1: '29/02/1900', A2: '01/03/1900' });
    expect((await read(excel, 'Foglio1', 'A1:A2')).values).toEqual([[60], [61]]);
  });

  it('renders the same numbers per locale: decimal comma and "." thousands in it-IT, the reverse in en-US', async () => {
    for (const [locale, input, expected] of [
      ['it-IT', '1.234,5', ['1.234,50', '1234,5']],
      ['en-US', '1,234.5', ['1,234.50', '1234.5']],
    ] as const) {
      const excel = typedIn(locale, { A1: input });
      await write(excel, 'Foglio1', 'A2', [[1234.5]]);
      const { values, text } = await read(excel, 'Foglio1', 'A1:A2');
      expect(values).toEqual([[1234.5], [1234.5]]);
      expect(text).toEqual([[expected[0]], [expected[1]]]);
    }
    const us = typedIn('en-US', { A1: '8/15/2022' });
    expect((await read(us, 'Foglio1', 'A1')).values).toEqual([[44788]]);
  });

  it('stores text in a Text cell, booleans as booleans, and leaves non-numbers such as "1.1.1" as text', async () => {
    const excel = createFaithfulExcel({ locale: 'it-IT' });
    await excel.Excel.run(async (context: RequestContext) => {
      const range = context.workbook.worksheets.getItem('Foglio1').getRange('A1:D1');
      range.numberFormat = [['@', 'General', 'General', 'General']];
      range.values = [['3,4%', true, '1.1.1', '']];
      await context.sync();
    });
    expect(await read(excel, 'Foglio1', 'A1:D1')).toMatchObject({
      values: [['3,4%', true, '1.1.1', '']],
      text: [['3,4%', 'VERO', '1.1.1', '']],
      valueTypes: [['String', 'Boolean', 'String', 'Empty']],
    });
  });
});

describe('formulas', () => {
  it('keeps the formula and its value, and recomputes when an input changes', async () => {
    const excel = createFaithfulExcel();
    await write(excel, 'Foglio1', 'A1:C1', [[2, 3, '=A1*B1']]);
    expect(await read(excel, 'Foglio1', 'C1')).toMatchObject({ values: [[6]], formulas: [['=A1*B1']] });
    excel.user.type('Foglio1!A1', '10');
    expect((await read(excel, 'Foglio1', 'C1')).values).toEqual([[30]]);
    await write(excel, 'Foglio1', 'D1', [['=1/0']]);
    expect(await read(excel, 'Foglio1', 'D1')).toMatchObject({ values: [['#DIV/0!']], valueTypes: [['Error']] });
  });
});

describe('tables edited by a person', () => {
  it('pastes value and format from another workbook without re-reading them', async () => {
    const excel = createFaithfulExcel();
    excel.user.paste('Foglio1!B2', [
      [{ value: 0.034, numberFormat: '0.0%' }, { value: 44788, numberFormat: 'dd/mm/yyyy' }, { value: '007' }],
    ]);
    expect(await read(excel, 'Foglio1', 'B2:D2')).toMatchObject({
      values: [[0.034, 44788, '007']],
      text: [['3,4%', '15/08/2022', '007']],
    });
  });

  it('renames a header, inserts and deletes rows, sorts stably and filters with values still readable', async () => {
    const excel = createFaithfulExcel();
    await plan(excel);
    excel.user.renameHeader('Piano', 'Valore', 'Valore ottenuto');
    expect((await read(excel, 'Piano', 'A1:C1')).values).toEqual([['Cod.', 'Valore ottenuto', 'Data']]);
    excel.user.insertRows('Piano', 1);
    excel.user.type('Piano!A3', 'd');
    expect((await read(excel, 'Piano', 'A2:A5')).values).toEqual([['b'], ['d'], ['a'], ['c']]);
    excel.user.deleteRows('Piano', 1);
    excel.user.sortBy('Piano', 'Valore ottenuto');
    // numbers ascending; the two 20s keep their order (b before c)
    expect((await read(excel, 'Piano', 'A2:B4')).values).toEqual([
      ['a', 0.034],
      ['b', 20],
      ['c', 20],
    ]);
    excel.user.filter('Piano', 'Cod.', ['a']);
    const hidden = await excel.Excel.run(async (context: RequestContext) => {
      const rows = [2, 3, 4].map((r) =>
        context.workbook.worksheets.getItem('Piano').getRange(`A${r}`).load('rowHidden,values'),
      );
      await context.sync();
      return rows.map((r) => [r.rowHidden, r.values[0][0]]);
    });
    expect(hidden).toEqual([
      [false, 'a'],
      [true, 'b'],
      [true, 'c'],
    ]);
  });
});

describe('protection', () => {
  it('refuses writes to locked cells of a protected sheet with AccessDenied, accepts unlocked ones', async () => {
    const excel = createFaithfulExcel();
    await excel.Excel.run(async (context: RequestContext) => {
      const sheet = context.workbook.worksheets.getItem('Foglio1');
      sheet.getRange('B1').format.protection.locked = false;
      sheet.protection.protect();
      await context.sync();
    });
    await write(excel, 'Foglio1', 'B1', [['libera']]);
    await expect(write(excel, 'Foglio1', 'A1', [['bloccata']])).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(() => excel.user.type('Foglio1!A1', 'x')).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    expect((await read(excel, 'Foglio1', 'A1:B1')).values).toEqual([['', 'libera']]);
  });
});

describe('events', () => {
  it('raises table and worksheet onChanged with the A1 address, details only for a single cell', async () => {
    const excel = createFaithfulExcel();
    await plan(excel);
    const seen: Array<Record<string, unknown>> = [];
    await excel.Excel.run(async (context: RequestContext) => {
      context.workbook.tables.getItem('Piano').onChanged.add((args) => {
        seen.push(args as Record<string, unknown>);
      });
      context.workbook.worksheets.getItem('Piano').onChanged.add((args) => {
        seen.push(args as Record<string, unknown>);
      });
      await context.sync();
    });
    excel.user.type('Piano!B3', '5');
    await excel.settle();
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'TableChanged',
          address: 'B3',
          changeType: 'RangeEdited',
          details: { valueBefore: 0.034, valueAfter: 5, valueTypeBefore: 'Double', valueTypeAfter: 'Double' },
        }),
        expect.objectContaining({ type: 'WorksheetChanged', address: 'B3' }),
      ]),
    );
    seen.length = 0;
    excel.user.pasteText('Piano!A2', 'x\t1\ny\t2');
    await excel.settle();
    expect(seen.map((e) => [e.type, e.address, 'details' in e])).toEqual(
      expect.arrayContaining([
        ['TableChanged', 'A2:B3', false],
        ['WorksheetChanged', 'A2:B3', false],
      ]),
    );
  });
});

describe('limits and errors', () => {
  it('PropertyNotLoaded before sync, ItemNotFound for a missing table, InvalidArgument for a wrong shape', async () => {
    const excel = createFaithfulExcel();
    await excel.Excel.run(async (context: RequestContext) => {
      const range = context.workbook.worksheets.getItem('Foglio1').getRange('A1').load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['']]);
      // a property only read, and not loaded, throws after the sync too
      expect(() => range.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    await expect(
      excel.Excel.run(async (context: RequestContext) => {
        context.workbook.tables.getItem('Nessuna').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(write(excel, 'Foglio1', 'A1:B1', [[1]])).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses a request above 5 MB on the web, not on Windows', async () => {
    const big = [Array.from({ length: 6 }, () => 'x'.repeat(1024 * 1024))];
    const web = createFaithfulExcel({ platform: 'web' });
    await expect(write(web, 'Foglio1', 'A1:F1', big)).rejects.toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
    });
    expect((await read(web, 'Foglio1', 'A1')).values).toEqual([['']]);
    const windows = createFaithfulExcel({ platform: 'windows' });
    await write(windows, 'Foglio1', 'A1:F1', big);
    expect(windows.syncs.at(-1)!.requestBytes).toBeGreaterThan(6 * 1024 * 1024);
  });

  it('answers requirement sets per platform', () => {
    const supports = (platform: 'web' | 'windows-2021' | 'mac', version: string) =>
      createFaithfulExcel({ platform }).Office.context.requirements.isSetSupported('ExcelApi', version);
    expect(supports('web', '1.20')).toBe(true);
    expect(supports('web', '1.21')).toBe(false);
    expect(supports('windows-2021', '1.14')).toBe(true);
    expect(supports('windows-2021', '1.15')).toBe(false);
    expect(supports('mac', '1.9')).toBe(true);
  });
});

describe('persistence', () => {
  it('keeps cells, settings and custom XML parts across save and reopen; Office.Settings only after saveAsync', async () => {
    const excel = createFaithfulExcel();
    excel.user.type('Foglio1!A1', '3,4%');
    const partId = await excel.Excel.run(async (context: RequestContext) => {
      context.workbook.settings.add('cruscotto.piano', { id: 7 });
      const part = context.workbook.customXmlParts.add('<piano xmlns="urn:cruscotto">7</piano>').load('id');
      await context.sync();
      return part.id;
    });
    excel.Office.context.document.settings.set('salvata', 1);
    await new Promise<void>((resolve) => excel.Office.context.document.settings.saveAsync(() => resolve()));
    excel.Office.context.document.settings.set('non salvata', 2);
    const reopened = reopenFaithfulExcel(excel.save());
    const back = await reopened.Excel.run(async (context: RequestContext) => {
      const setting = context.workbook.settings.getItemOrNullObject('cruscotto.piano').load('value');
      const xml = context.workbook.customXmlParts.getItem(partId).getXml();
      await context.sync();
      return { setting: setting.value, xml: xml.value };
    });
    expect(back).toEqual({ setting: { id: 7 }, xml: '<piano xmlns="urn:cruscotto">7</piano>' });
    expect(reopened.Office.context.document.settings.get('salvata')).toBe(1);
    expect(reopened.Office.context.document.settings.get('non salvata')).toBeNull();
    expect((await read(reopened, 'Foglio1', 'A1')).text).toEqual([['3,40%']]);
  });
});
