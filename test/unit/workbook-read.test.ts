import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DEFAULT_WORKBOOK_LIMITS, plainText, readWorkbook } from '../../server/import/workbook-read';
import { inspectZip } from '../../server/import/zip-guard';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const problem = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return (error as { problems: Array<{ field: string; code: string; message: string }> }).problems[0];
  }
  throw new Error('expected a refusal');
};

/** A zip with one stored-as-deflate part whose central directory declares a small size, as a bomb would. */
function lyingZip(name: string, content: Buffer, declaredSize: number): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('reading an uploaded workbook', () => {
  it('reads cells as the text the user sees: percent cells, decimal comma, dates, rich text', async () => {
    const buffer = await xlsx((wb) => {
      const ws = wb.addWorksheet('Piano');
      ws.addRow([
        '3,25%',
        0.25,
        3.25,
        new Date(Date.UTC(2022, 5, 30)),
        { richText: [{ text: 'U.O. ' }, { text: '"Digitalizzazione"' }] },
      ]);
      ws.getCell('B1').numFmt = '0%';
    });
    const grid = await readWorkbook(buffer);
    expect(grid.sheets[0].cells[0].map((c) => c.text)).toEqual([
      '3,25%',
      '25%',
      '3,25',
      '30/06/2022',
      'U.O. "Digitalizzazione"',
    ]);
    expect(plainText(0.1 + 0.2)).toBe('0,3');
  });

  it('never evaluates a formula: the cell keeps its formula, the cached value is evidence only', async () => {
    const buffer = await xlsx((wb) => {
      const ws = wb.addWorksheet('Piano');
      ws.getCell('A1').value = { formula: 'B1*2', result: 24 } as ExcelJS.CellFormulaValue;
      ws.getCell('B1').value = 12;
    });
    const cell = (await readWorkbook(buffer)).sheets[0].cells[0][0];
    expect(cell).toEqual({ text: '=B1*2', formula: 'B1*2', cached: '24' });
  });

  it('refuses a part that inflates beyond the cap even when the zip declares it small (zip bomb)', () => {
    const bomb = lyingZip('xl/sharedStrings.xml', Buffer.alloc(2_000_000, 0x61), 100);
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => inspectZip(bomb, { maxUncompressedBytes: 1_000_000, maxEntries: 10 })).toThrow(
      /inflates to more than 1 MB .*zip bomb/,
    );
    expect(inspectZip(bomb, { maxUncompressedBytes: 3_000_000, maxEntries: 10 }).uncompressedBytes).toBe(2_000_000);
  });

  it('refuses a real workbook whose content inflates beyond the cap, before ExcelJS reads it', async () => {
    const buffer = await xlsx((wb) => wb.addWorksheet('Piano').addRow(['a'.repeat(3_000_000)]));
    const p = await problem(readWorkbook(buffer, { ...DEFAULT_WORKBOOK_LIMITS, maxUncompressedBytes: 1024 * 1024 }));
    expect(p).toMatchObject({ field: 'file', code: 'TOO_LARGE_UNCOMPRESSED' });
  });

  it('refuses too many sheets, too many rows, too many bytes and what is not an xlsx', async () => {
    const sheets = await xlsx((wb) => {
      for (let i = 0; i < 5; i++) wb.addWorksheet(`S${i}`).addRow(['x']);
    });
    expect(await problem(readWorkbook(sheets, { ...DEFAULT_WORKBOOK_LIMITS, maxSheets: 3 }))).toMatchObject({
      code: 'TOO_MANY_SHEETS',
      message: 'the workbook has 5 sheets; at most 3 are accepted',
    });
    const rows = await xlsx((wb) => {
      const ws = wb.addWorksheet('Piano');
      for (let i = 0; i < 50; i++) ws.addRow([i]);
    });
    expect(await problem(readWorkbook(rows, { ...DEFAULT_WORKBOOK_LIMITS, maxRows: 20 }))).toMatchObject({
      code: 'TOO_MANY_ROWS',
      message: expect.stringContaining('has 50 rows; at most 20'),
    });
    expect(await problem(readWorkbook(rows, { ...DEFAULT_WORKBOOK_LIMITS, maxBytes: 1000 }))).toMatchObject({
      code: 'TOO_LARGE',
    });
    expect(await problem(readWorkbook(Buffer.from('PK\u0003\u0004 not really a zip at all, just text')))).toMatchObject(
      { code: 'NOT_XLSX' },
    );
    expect(await problem(readWorkbook(Buffer.from('Cod.;Titolo')))).toMatchObject({ code: 'NOT_XLSX' });
    expect(await problem(readWorkbook(Buffer.alloc(0)))).toMatchObject({ code: 'EMPTY_FILE' });
  });
});
