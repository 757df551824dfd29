/**
 * What a Load and a Sync of an n-row plan cost in Excel requests, measured through the REAL ExcelWorkbook on the
 * faithful double (Excel on the web: its ExcelApi level and its 5 MB payload limit, which refuses a request over it): the port calls the sync logic makes (create the table, lights, chart, binding; then read the table,
 * write status/ids/versions/scores back, mark rejected cells, remember the sync), with the syncs and bytes of each.
 * The Jest test asserts on it and bench/ reports it (benchmark B5).
 */
import { ExcelWorkbook } from '../../../addin/src/excel/excel-workbook';
import { CHUNK_BUDGET_BYTES } from '../../../addin/src/workbook/chunks';
import type { Cell } from '../../../addin/src/workbook/port';
import { PLAN_LAYOUT, layoutHeaders } from '@core/sheet/layout';
import type { SyncRecord } from './context';
import { createFaithfulExcel } from './index';

export type OperationCost = {
  operation: string;
  syncs: number;
  requestBytes: number;
  maxRequestBytes: number;
  responseBytes: number;
  maxResponseBytes: number;
};
export type PortTraffic = {
  rows: number;
  budgetBytes: number;
  operations: OperationCost[];
  totalSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
};

/** a realistic plan row in the canonical layout: Italian text of seed-like length, every column filled */
export function syntheticRow(n: number): Cell[] {
  const byKey: Record<string, Cell> = {
    level: 'azione',
    code: `${1 + (n % 4)}.${1 + (n % 7)}.${n}`,
    title: `Livello di attività del servizio ${n} - valorizzazione e monitoraggio`,
    parentCode: `${1 + (n % 4)}.${1 + (n % 7)}`,
    weight: '25%',
    kpi: `N. pratiche evase entro 30 giorni / N. pratiche ricevute (${n})`,
    unit: '%',
    polarity: 'maggiore',
    rule: 'soglie',
    target: '3,25%',
    thresholds: '80%: 3,00%; 60%: 2,85%',
    futureTargets: '2023: 3,50%; 2024: 3,75%',
    actual: `${(n % 400) / 100}%`.replace('.', ','),
    neutralised: 'NO',
    neutralisationReason: '',
    note: n % 10 === 0 ? 'dato provvisorio da verificare' : '',
    responsibleUnit: 'U.O. "Ragioneria" e U.O. "Provveditorato"',
    realization: (n % 120) / 100,
    syncStatus: 'OK',
    syncMessage: '',
    rowId: `0f8c${String(n).padStart(4, '0')}-6a1e-4a7c-9d2b-3c5e7f9a1b2c`,
    rowVersion: 1 + (n % 9),
    rowHash: `h${(n * 2654435761) % 4294967296}`,
  };
  return PLAN_LAYOUT.map((column) => byKey[column.key]);
}

function cost(operation: string, records: SyncRecord[]): OperationCost {
  return {
    operation,
    syncs: records.length,
    requestBytes: records.reduce((s, r) => s + r.requestBytes, 0),
    maxRequestBytes: Math.max(0, ...records.map((r) => r.requestBytes)),
    responseBytes: records.reduce((s, r) => s + r.responseBytes, 0),
    maxResponseBytes: Math.max(0, ...records.map((r) => r.responseBytes)),
  };
}

async function step(
  syncs: SyncRecord[],
  operations: OperationCost[],
  name: string,
  work: () => Promise<unknown>,
): Promise<void> {
  const from = syncs.length;
  await work();
  operations.push(cost(name, syncs.slice(from)));
}

export async function measurePortTraffic(rowCount: number, budgetBytes = CHUNK_BUDGET_BYTES): Promise<PortTraffic> {
  const double = createFaithfulExcel({ platform: 'web', locale: 'it-IT' });
  const workbook = new ExcelWorkbook({
    excel: double.Excel,
    supports: (v) => double.Office.context.requirements.isSetSupported('ExcelApi', v),
    budgetBytes,
  });
  const headers = layoutHeaders('it');
  const rows = Array.from({ length: rowCount }, (_, n) => syntheticRow(n));
  const columns = PLAN_LAYOUT.map((c) => ({
    header: c.it,
    numberFormat: c.numberFormat,
    list: c.list,
    hidden: c.kind === 'hidden',
    width: c.width,
  }));
  const operations: OperationCost[] = [];
  const { syncs } = double;
  const header = (key: string) => headers[PLAN_LAYOUT.findIndex((c) => c.key === key)];
  // the same chart on load and after the sync, with the realizations of the moment
  const chart = (values: Array<number | null>) => ({
    name: 'Realizzazione',
    sheet: 'Grafico',
    title: 'Realizzazione',
    categories: ['1', '2', '3', '4'],
    values,
  });

  // Load
  await step(syncs, operations, 'load: createTable', () =>
    workbook.createTable('Piano 2022', 'Cruscotto', columns, rows),
  );
  await step(syncs, operations, 'load: traffic lights', () =>
    workbook.setTrafficLights('Cruscotto', { column: header('realization'), green: 1, yellow: 0.6 }),
  );
  // a plan's shape: a perspective, a strategic and an operational objective, then three indicators, over and over
  const outline = {
    titleColumn: header('title'),
    rows: rows.map((_, n) => ({ depth: [0, 1, 2, 3, 3, 3][n % 6], bold: n % 6 < 3 })),
  };
  await step(syncs, operations, 'load: outline', () => workbook.shapeRows('Cruscotto', outline));
  await step(syncs, operations, 'load: chart', () => workbook.upsertChart(chart([0.8, 1, null, 0.5])));
  await step(syncs, operations, 'load: binding', () =>
    workbook.setSetting('cruscotto.binding', JSON.stringify({ table: 'Cruscotto', rows: rowCount })),
  );
  // Sync: every row was edited (the worst case), all of them answered
  await step(syncs, operations, 'sync: readTable', () => workbook.readTable('Cruscotto'));
  const all = rows.map((_, i) => i);
  const back: Record<string, Cell[]> = {};
  for (const key of ['realization', 'syncStatus', 'syncMessage', 'rowId', 'rowVersion', 'rowHash']) {
    back[header(key)] = rows.map((row, i) =>
      key === 'syncStatus'
        ? 'AGGIORNATA'
        : key === 'rowVersion'
          ? Number(row[PLAN_LAYOUT.findIndex((c) => c.key === key)]) + 1
          : (row[PLAN_LAYOUT.findIndex((c) => c.key === key)] ?? i),
    );
  }
  await step(syncs, operations, 'sync: writeColumns', () => workbook.writeColumns('Cruscotto', all, back));
  const rejected = all.filter((i) => i % 50 === 0).map((row) => ({ row, column: header('actual'), fill: '#FFC7CE' }));
  await step(syncs, operations, 'sync: markCells', () => workbook.markCells('Cruscotto', rejected));
  await step(syncs, operations, 'sync: outline', () => workbook.shapeRows('Cruscotto', outline));
  await step(syncs, operations, 'sync: chart', () => workbook.upsertChart(chart([0.9, 1, 0.7, 0.5])));
  await step(syncs, operations, 'sync: binding', () =>
    workbook.setSetting('cruscotto.binding', JSON.stringify({ table: 'Cruscotto', rows: rowCount, at: 'now' })),
  );

  return {
    rows: rowCount,
    budgetBytes,
    operations,
    totalSyncs: operations.reduce((s, o) => s + o.syncs, 0),
    maxRequestBytes: Math.max(...operations.map((o) => o.maxRequestBytes)),
    maxResponseBytes: Math.max(...operations.map((o) => o.maxResponseBytes)),
  };
}
