/**
 * The chunking contract on a 5,000-indicator plan: Load and Sync make the same port operations whatever the plan's
 * size (no per-row port calls), each operation costs one context.sync() per chunk plus a constant (counted by
 * MemoryWorkbook with the real port's packing), and a Sync's rows go in batches the server takes.
 */
import { jsonBytes } from '../../addin/src/workbook/chunks';
import { splitBatches, BATCH_BUDGET_BYTES } from '../../addin/src/sync/batches';
import { baseNames } from '../../addin/src/sync/base';
import type { Line } from '../../addin/src/sync/columns';
import { newLine } from './lines';
import type { Outgoing } from '../../addin/src/sync/outgoing';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, openSession } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';
import { readRows } from '../helpers/sync';
import { buildPlan } from '../helpers/synthetic-plan';

const sondrio = withSondrioServer();

type Run = {
  loadCalls: string[];
  loadSyncs: number;
  syncCalls: string[];
  syncSyncs: number;
  tableBytes: number;
  /** the merge base's table (sync/base.ts), on its very hidden sheet */
  baseBytes: number;
  rows: number;
  sent: number;
  /** the actual column as Load wrote it, before the edits */
  loadedActuals: string[];
};

/**
 * Load a plan, type an actual into every indicator row (1 to 5 by row, `from` + 0 to 4 with `from`), Sync; the port's
 * bill for each step
 */
async function run(planId: string, budgetBytes?: number, from = 1): Promise<Run> {
  const wb = new MemoryWorkbook({ budgetBytes });
  const session = await openSession(sondrio.server, wb);
  const mark = () => ({ calls: wb.calls.length, syncs: wb.syncs });
  const m0 = mark();
  const { table } = await session.load({ planId, year: 2022, checkpoint: 'YEAR_END' });
  const m1 = mark();
  const levels = wb.column(table, H.level);
  const loadedActuals = wb.column(table, H.actual).map(String);
  levels.forEach((level, row) => {
    if (level === 'azione') wb.editCell(table, row, H.actual, String(from + (row % 5)));
  });
  const summary = await session.sync();
  expect(summary).toMatchObject({ rejected: 0, conflicts: 0, offline: false });
  const m2 = mark();
  return {
    loadCalls: wb.calls.slice(m0.calls, m1.calls),
    loadSyncs: m1.syncs - m0.syncs,
    syncCalls: wb.calls.slice(m1.calls, m2.calls),
    syncSyncs: m2.syncs - m1.syncs,
    tableBytes: jsonBytes(wb.table(table)!.rows),
    baseBytes: jsonBytes(wb.table(baseNames(table).table)!.rows),
    rows: levels.length,
    sent: summary.sent,
    loadedActuals,
  };
}

test('Load and Sync of a 5,000-indicator plan cost one sync per chunk plus a constant', async () => {
  const small = await run(sondrio.plan.planId);
  const big = await buildPlan(sondrio.server.orm.em, 'BIG5000', {
    perspectives: 1,
    strategic: 5,
    operational: 10,
    indicators: 100,
  });
  expect(big.indicators).toBe(5000);
  const budget = 256 * 1024;
  const large = await run(big.planId, budget);
  expect(large.rows).toBe(5056);
  expect(large.sent).toBe(5000);
  // the same port operations, whatever the size
  expect(large.loadCalls).toEqual(small.loadCalls);
  expect(large.syncCalls).toEqual(small.syncCalls);
  // extra syncs only for extra chunks: Load writes the table once, reads it back once and writes its merge base
  // once; Sync reads the table and the base once and writes results and the base's new versions once
  const chunks = Math.ceil((1.25 * large.tableBytes) / budget) + 1;
  const baseChunks = Math.ceil((1.25 * large.baseBytes) / budget) + 1;
  expect(large.loadSyncs).toBeLessThanOrEqual(small.loadSyncs + 2 * chunks + baseChunks);
  expect(large.syncSyncs).toBeLessThanOrEqual(small.syncSyncs + 2 * chunks + 2 * baseChunks);
  expect(large.syncSyncs).toBeGreaterThan(small.syncSyncs); // the small budget did split the big table

  // with Excel's real budget the whole bill, for the README: the same plan again, every actual typed anew (6 to 10),
  // so Sync sends all 5,000 rows again (a second 5,000-indicator plan cost seconds of CPU to seed and proved no more)
  const real = await run(big.planId, undefined, 6);
  expect(real.sent).toBe(5000);
  // the small budget's Sync had landed: its Load read back every row typed 3 (a fifth of the 5,000) as 3
  expect(real.loadedActuals.filter((v) => v === '3')).toHaveLength(1000);
  console.log(
    `[addin chunking ${new Date().toISOString().slice(0, 10)}] 5,056-row plan (${(real.tableBytes / 1e6).toFixed(2)} MB of cells): ` +
      `Load ${real.loadSyncs} context.sync() in ${real.loadCalls.length} port calls, Sync of 5,000 edited rows ${real.syncSyncs} in ${real.syncCalls.length}; ` +
      `Sondrio (79 rows): Load ${small.loadSyncs}, Sync ${small.syncSyncs}`,
  );
  expect(real.loadCalls).toEqual(small.loadCalls);
  expect(real.syncCalls).toEqual(small.syncCalls);
  const after = await readRows(sondrio.server, big.planId);
  expect(after.rows.filter((r) => r.actual?.raw === '8')).toHaveLength(1000);
});

test('a Sync is split into batches of at most 5,000 rows and under 5 MB, new parents with their children', () => {
  const line = (position: number): Line => newLine(position);

  const rows: Outgoing[] = [];
  for (let i = 0; i < 12_001; i++)
    rows.push({ line: line(i), row: { rowId: `id-${i}`, rowVersion: 1, actual: String(i) }, hash: '', kind: 'dirty' });
  expect(splitBatches(rows).map((b) => b.length)).toEqual([5000, 5000, 2001]);

  const wide: Outgoing[] = [];
  for (let i = 0; i < 3000; i++)
    wide.push({ line: line(i), row: { rowId: `w-${i}`, note: 'x'.repeat(4000) }, hash: '', kind: 'dirty' });
  const byBytes = splitBatches(wide);
  expect(byBytes.length).toBeGreaterThan(2);
  for (const batch of byBytes)
    expect(batch.reduce((n, o) => n + jsonBytes(o.row) + 1, 0)).toBeLessThanOrEqual(BATCH_BUDGET_BYTES);

  // a new parent at the end of a full batch takes its new child along into the next one
  const family: Outgoing[] = [];
  for (let i = 0; i < 4999; i++) family.push({ line: line(i), row: { rowId: `f-${i}` }, hash: '', kind: 'dirty' });
  family.push({ line: line(4999), row: { clientRef: 'R5000', level: 'obiettivo operativo' }, hash: '', kind: 'new' });
  family.push({
    line: line(5000),
    row: { clientRef: 'R5001', level: 'azione', parentRef: 'R5000' },
    hash: '',
    kind: 'new',
  });
  const split = splitBatches(family);
  const home = (ref: string) => split.findIndex((b) => b.some((o) => o.row.clientRef === ref));
  expect(home('R5000')).toBe(home('R5001'));
  for (const batch of split) expect(batch.length).toBeLessThanOrEqual(5000);
});
