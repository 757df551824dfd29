/**
 * ExcelWorkbook against office-addin-mock (the Office team's mock, docs/stack-notes.md §3.10): reads happen only after
 * load + context.sync(), one sync per chunk, and events are off for every write and back on afterwards.
 * The mock is a data bag, so the tree below holds exactly the objects the port asks for.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { type ExcelHost, ExcelWorkbook } from '../../addin/src/excel/excel-workbook';

/** the mock's tree, read and extended freely (its TypeScript types hide addMock/populate, which the docs use) */
type Mock = Record<string, any>;

const HEADERS = ['Cod.', 'Valore ottenuto', '% Realizzazione'];

function bodyRows(count: number): Array<Array<string | number>> {
  return Array.from({ length: count }, (_, i) => [`1.${i}`, String(i), i / 100]);
}

/** a workbook with one table "Cruscotto" of `count` rows at A1, whose ranges are recorded as the port asks for them */
function mockExcel(count: number) {
  const log: string[] = [];
  const ranges: Array<{ args: number[]; mock: Mock }> = [];
  const body = bodyRows(count);
  const formats = body.map(() => ['@', '@', '0.00%']);
  const texts = body.map(([code, actual, score]) => [code, actual, `${((score as number) * 100).toFixed(2)}%`]);
  let tableMissing = false;
  const excel: Mock = new OfficeMockObject({
    context: {
      workbook: {
        tables: {
          cruscotto: {
            name: 'Cruscotto',
            worksheet: {
              name: 'Piano',
              // not protected: the port lifts protection for its writes and has nothing to put back
              protection: { protected: false, options: {}, unprotect: () => {}, protect: () => log.push('protect') },
            },
            header: { values: [HEADERS], rowIndex: 0, columnIndex: 0 },
            rows: { count },
          },
        },
        settings: { binding: { value: '{"planId":"p1"}' } },
      },
      runtime: { enableEvents: true },
      application: { suspendScreenUpdatingUntilNextSync: () => log.push('suspend') },
    },
  });
  const context = excel.context as Mock;
  // the runtime's switch is state, not a loadable property: a plain value the port sets and the test reads
  context.runtime.enableEvents = true;
  const table = context.workbook.tables.cruscotto as Mock;
  const sheet = table.worksheet as Mock;
  context.workbook.tables.getItemOrNullObject = (name: string) => {
    log.push(`table ${name}`);
    table.isNullObject = tableMissing || name !== 'Cruscotto';
    return table;
  };
  // a table that must be there (every write): found by name, its shape in the same request
  context.workbook.tables.getItem = (name: string) => {
    log.push(`table ${name}`);
    return table;
  };
  table.getHeaderRowRange = () => table.header;
  // the mock loads no collection items: the columns' ids (TableColumn.id) are handed back as already loaded
  table.columns = { load: () => ({ items: HEADERS.map((_, i) => ({ id: String(i + 1) })) }) };
  sheet.getRangeByIndexes = (row: number, column: number, rows: number, columns: number) => {
    const key = `range${ranges.length}`;
    sheet.addMock(key);
    const mock = sheet[key] as Mock;
    const cut = <T>(grid: T[][]) =>
      grid.slice(row - 1, row - 1 + rows).map((line) => line.slice(column, column + columns));
    mock.populate({ values: cut(body), numberFormat: cut(formats), text: cut(texts) });
    const load = mock.load.bind(mock);
    mock.load = (what: string) => {
      log.push(`load ${key}`);
      return load(what);
    };
    ranges.push({ args: [row, column, rows, columns], mock });
    return mock;
  };
  const settings = context.workbook.settings as Mock;
  settings.getItemOrNullObject = (key: string) => {
    settings.binding.isNullObject = key !== 'binding';
    return settings.binding;
  };
  settings.add = (key: string, value: string) => log.push(`settings.add ${key}=${value}`);
  const sync = context.sync.bind(context);
  context.sync = async () => {
    log.push(`sync events=${context.runtime.enableEvents}`);
    await sync();
  };
  excel.run = async (batch: (c: unknown) => Promise<unknown>) => batch(context);
  return {
    excel: excel as Mock & ExcelHost,
    log,
    ranges,
    body,
    formats,
    texts,
    missing: () => {
      tableMissing = true;
    },
  };
}

describe('ExcelWorkbook on office-addin-mock', () => {
  it('reads a table in chunks: each chunk loaded, then synced, then read', async () => {
    const { excel, log, ranges, body, formats, texts } = mockExcel(2500);
    const workbook = new ExcelWorkbook({ excel, supports: () => true });
    const data = await workbook.readTable('Cruscotto');
    // values, formats and displayed text of each chunk come from the same load, before the same sync
    expect(data).toEqual({
      name: 'Cruscotto',
      sheet: 'Piano',
      headers: HEADERS,
      columnIds: ['1', '2', '3'],
      rowCount: 2500,
      rows: body,
      formats,
      texts,
    });
    // locate (exists? then shape), then one sync per chunk, each right after its load
    const chunks = ranges.length;
    expect(chunks).toBeGreaterThanOrEqual(2);
    expect(log).toEqual([
      'table Cruscotto',
      'sync events=true',
      'sync events=true',
      ...ranges.flatMap((_, i) => [`load range${i}`, 'sync events=true']),
    ]);
    // chunks are consecutive and cover the body exactly once
    let next = 1;
    for (const { args } of ranges) {
      expect(args[0]).toBe(next);
      expect(args[3]).toBe(3);
      next += args[2];
    }
    expect(next).toBe(2501);
  });

  it('answers null for a table that is not there, after one sync', async () => {
    const { excel, log, missing } = mockExcel(3);
    missing();
    expect(await new ExcelWorkbook({ excel, supports: () => true }).readTable('Cruscotto')).toBeNull();
    expect(log).toEqual(['table Cruscotto', 'sync events=true']);
  });

  it('writes with events off, one sync per chunk, and turns events back on', async () => {
    const { excel, log, ranges } = mockExcel(6);
    const workbook = new ExcelWorkbook({ excel, supports: () => true, budgetBytes: 300 });
    const rows = [0, 1, 2, 4, 5];
    await workbook.writeColumns('Cruscotto', rows, {
      '% Realizzazione': [0.1, 0.2, 0.3, 0.5, 0.6],
      'Valore ottenuto': ['a', 'b', 'c', 'e', 'f'],
    });
    // adjacent rows and adjacent columns become one rectangle: rows 0-2 and 4-5, columns B:C
    expect(ranges.map((r) => r.args)).toEqual([
      [1, 1, 3, 2],
      [5, 1, 2, 2],
    ]);
    expect(ranges.map((r) => r.mock.values)).toEqual([
      [
        ['a', 0.1],
        ['b', 0.2],
        ['c', 0.3],
      ],
      [
        ['e', 0.5],
        ['f', 0.6],
      ],
    ]);
    const syncs = log.filter((l) => l.startsWith('sync'));
    // the table and its shape in one request (events already off: set before anything is sent), a 300-byte budget
    // makes two chunks, then the restore
    expect(syncs).toEqual(['sync events=false', 'sync events=false', 'sync events=false', 'sync events=true']);
    expect(log.filter((l) => l === 'suspend')).toHaveLength(2);
  });

  it('turns events back on when a write fails', async () => {
    const { excel } = mockExcel(3);
    const workbook = new ExcelWorkbook({ excel, supports: () => true });
    await expect(workbook.writeColumns('Cruscotto', [0], { Peso: ['1'] })).rejects.toThrow('no column "Peso"');
    expect(excel.context.runtime.enableEvents).toBe(true);
  });

  it('leaves events alone below ExcelApi 1.8, where enableEvents does not exist', async () => {
    const { excel, log } = mockExcel(3);
    const workbook = new ExcelWorkbook({ excel, supports: (v) => v === '1.7' });
    await workbook.writeColumns('Cruscotto', [1], { 'Cod.': ['x'] });
    expect(log.filter((l) => l.startsWith('sync'))).toEqual(['sync events=true', 'sync events=true']);
    expect(log).not.toContain('suspend');
  });

  it('reads and writes settings through context.workbook.settings', async () => {
    const { excel, log } = mockExcel(1);
    const workbook = new ExcelWorkbook({ excel, supports: () => true });
    expect(await workbook.getSetting('binding')).toBe('{"planId":"p1"}');
    expect(await workbook.getSetting('other')).toBeNull();
    await workbook.setSetting('binding', '{"planId":"p2"}');
    expect(log).toContain('settings.add binding={"planId":"p2"}');
  });
});
