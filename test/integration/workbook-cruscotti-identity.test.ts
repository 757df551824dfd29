/**
 * Issue 14, item 5, through the workbook export: a Bergamo-shaped plan (seed 002, 2021) exported as .xlsx carries
 * its cruscotti (each entry's cruscotto, kind, owner, order, level, "Azione", weight and source) after the plan rows,
 * and imported back it is identity: every row UNCHANGED and not one byte of the database changed. A plan without
 * cruscotti (Sondrio) keeps the table the add-in loads (workbook-identity.test.ts). On SQLite and PostgreSQL.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { readSource } from '../../server/import/registry';
import { writePlan } from '../../server/import/write-plan';
import { PLAN_LAYOUT } from '@core/sheet/layout';
import { CRUSCOTTO_LAYOUT } from '@core/sheet/layout';
import { databaseNames } from '../helpers/databases';
import { dumpDiff, dumpTables } from '../helpers/db-dump';
import { getFile, postWorkbook } from '../helpers/files';
import { startServer, type TestServer } from '../helpers/server';
import { SEEDS } from '../helpers/seeds';
import { ok } from '../helpers/sync';

const FILE = '002_cb68e27bcf5376bc.txt';

describe.each(databaseNames())('Bergamo 2021: export → import of the workbook with its cruscotti (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect, { seed: false });
    const text = readFileSync(`${SEEDS}/${FILE}`, 'utf8');
    const { draft, review } = readSource(text, FILE);
    const sha256 = createHash('sha256').update(text).digest('hex');
    planId = (await writePlan(server.orm.em.fork(), draft, review, { fileName: FILE, sha256 })).planId as string;
  });
  afterAll(() => server.close());

  it('writes the cruscotto rows and columns, and reading them back changes nothing', async () => {
    const shown = ok(
      await server.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2021, dashboards: true) { rows { rowId dashboard level } } }`,
        { p: planId },
      ),
    ).sheetRows.rows as Array<{ rowId: string; dashboard: string | null; level: string }>;
    expect(shown.filter((r) => r.dashboard).length).toBeGreaterThan(300);

    const before = await dumpTables(server);
    const file = await getFile(server, `/export/plan.xlsx?planId=${planId}&year=2021`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Piano')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    // after the plan's last input column ("Fonte del dato"), as the add-in's table has them
    const after = PLAN_LAYOUT.findIndex((c) => c.kind !== 'input');
    expect(headers[after - 1]).toBe('Fonte del dato');
    expect(headers.slice(after, after + CRUSCOTTO_LAYOUT.length)).toEqual(CRUSCOTTO_LAYOUT.map((c) => c.it));
    expect(sheet.actualRowCount - 1).toBe(shown.length);
    // the kinds are written as the sheet's words, never as stored codes
    const kindColumn = headers.indexOf('Tipo cruscotto') + 1;
    const kinds = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(kindColumn).text) kinds.add(row.getCell(kindColumn).text);
    });
    expect([...kinds].sort()).toEqual(['dirigente', 'segretario generale', 'servizio', 'strategico']);

    const { status, json } = await postWorkbook(server, `planId=${planId}`, file.body);
    expect(status).toBe(200);
    expect(json.format).toBe('canonical');
    expect(json.rows).toHaveLength(shown.length);
    const changed = json.rows.filter((r: { status: string }) => r.status !== 'unchanged');
    expect(changed.map((r: any) => `${r.row} ${r.level} ${r.code}: ${r.status} ${JSON.stringify(r.errors)}`)).toEqual(
      [],
    );
    expect(json.unplaced).toEqual([]);
    expect(dumpDiff(before, await dumpTables(server))).toEqual([]);
  });
});
