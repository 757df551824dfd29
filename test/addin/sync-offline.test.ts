/**
 * Working without the server: edits stay dirty in the workbook (also across closing it), show provisional scores
 * from the server's own scoring engine, and go out on the next Sync. A batch whose answer was lost is replayed by
 * the server under the same key instead of being written twice.
 */
import type { FetchLike } from '../../addin/src/api/client';
import { ApiError, OfflineError } from '../../addin/src/api/errors';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, networkFetch, openSession, rowOf, typeRows } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';
import { currentRow, rowHistory } from '../helpers/sync';

const sondrio = withSondrioServer();

const current = (code: string) => currentRow(sondrio.server, sondrio.plan.planId, 'indicator', code);

test('offline edits stay dirty with provisional scores, survive reopening, and go out on the next Sync', async () => {
  const net = networkFetch();
  const wb = new MemoryWorkbook();
  const session = await openSession(sondrio.server, wb, { fetch: net });
  const { table } = await session.load({ planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' });
  const before = await current('1.1.2');

  net.offline = true;
  const r = rowOf(wb, table, '1.1.2');
  wb.editCell(table, r, H.actual, '11');
  typeRows(wb, table, [
    [H.level, H.code, H.title, H.parentCode, H.weight, H.target, H.actual],
    ['azione', '1.1.6', 'Scritta offline', '1.1', '0', '10', '5'],
  ]);
  const offline = await session.sync();
  expect(offline).toMatchObject({ offline: true, sent: 0, pending: 2 });
  expect(await current('1.1.2')).toEqual(before);
  expect(wb.cell(table, r, H.syncStatus)).toBe('IN ATTESA');
  expect(wb.cell(table, r, H.syncMessage)).toBe('provvisorio (calcolato offline)');
  // the same engine as the server: bands 11 ≥ 10 → 80%
  expect(wb.cell(table, r, H.realization)).toBe(0.8);
  expect(wb.cell(table, rowOf(wb, table, '1.1', 'obiettivo operativo'), H.syncMessage)).toBe(
    'provvisorio (calcolato offline)',
  );
  const provisional = await session.provisionalScores();
  expect(provisional.find((p) => p.row === r)).toEqual({
    row: r,
    rowId: before.rowId,
    score: 0.8,
    display: '80.00%',
    provisional: true,
  });
  await expect(session.refresh()).resolves.toMatchObject({ offline: true });

  // closing and reopening while offline loses nothing
  const reopened = MemoryWorkbook.deserialize(wb.serialize());
  const later = await openSession(sondrio.server, reopened, { fetch: net });
  net.offline = false;
  expect(await later.sync()).toMatchObject({ offline: false, sent: 2, updated: 1, created: 1, pending: 0 });
  expect((await current('1.1.2')).actual!.raw).toBe('11');
  expect((await current('1.1.6')).title).toBe('Scritta offline');
  const row = rowOf(reopened, table, '1.1.2');
  expect(reopened.cell(table, row, H.syncStatus)).toBe('AGGIORNATA');
  expect(reopened.cell(table, rowOf(reopened, table, '1.1', 'obiettivo operativo'), H.syncMessage)).toBe('');
});

test('a Sync whose answer was lost is replayed by the sondrio.server, not applied twice or seen as a conflict', async () => {
  let loseAnswers = false;
  const lossy: FetchLike = async (input, init) => {
    const response = await fetch(input, init as RequestInit);
    // the request reached the server and was applied; the connection drops before the answer arrives
    if (loseAnswers && init?.body?.includes('syncRows')) throw new TypeError('network error reading the answer');
    return response;
  };
  const wb = new MemoryWorkbook();
  const session = await openSession(sondrio.server, wb, { fetch: lossy });
  const { table } = await session.load({ planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' });
  wb.editCell(table, rowOf(wb, table, '1.1.3'), H.actual, '90');
  loseAnswers = true;
  expect(await session.sync()).toMatchObject({ offline: true });
  const applied = await current('1.1.3');
  expect(applied.actual!.raw).toBe('90');
  loseAnswers = false;
  expect(await session.sync()).toMatchObject({ offline: false, updated: 1, conflicts: 0 });
  expect((await current('1.1.3')).rowVersion).toBe(applied.rowVersion);
  const changes = (await rowHistory(sondrio.server, sondrio.plan.planId, applied.rowId)).filter((e) =>
    JSON.stringify(e.after ?? {}).includes('"90"'),
  );
  expect(changes).toHaveLength(1);
  expect(wb.cell(table, rowOf(wb, table, '1.1.3'), H.rowVersion)).toBe(applied.rowVersion);
});

test('server answers become typed errors with Italian and English text', async () => {
  const wb = new MemoryWorkbook();
  const down = await openSession(sondrio.server, wb, {
    fetch: async () => {
      throw new TypeError('fetch failed');
    },
  });
  const offline = await down.listPlans().catch((e) => e);
  expect(offline).toBeInstanceOf(OfflineError);
  expect(offline.text('it')).toMatch(/Server non raggiungibile/);
  const proxy = await openSession(sondrio.server, wb, {
    fetch: async () => ({
      ok: false,
      status: 504,
      json: async () => {
        throw new SyntaxError('html');
      },
    }),
  });
  expect(await proxy.listPlans().catch((e) => e)).toBeInstanceOf(OfflineError);
  const session = await openSession(sondrio.server, wb);
  const missing = await session
    .load({ planId: '00000000-0000-4000-8000-000000000000', year: 2022, checkpoint: 'YEAR_END' })
    .catch((e) => e);
  expect(missing).toBeInstanceOf(Error);
  const bad = await openSession(sondrio.server, wb, {
    fetch: async (input, init) =>
      fetch(input, { ...(init as RequestInit), headers: { ...init?.headers, authorization: 'Bearer not-a-token' } }),
  });
  const refused = await bad.listPlans().catch((e) => e);
  if (refused instanceof ApiError) {
    expect(refused.kind).toBe('unauthorized');
    expect(refused.text('it')).toMatch(/Token non valido/);
    expect(refused.text('en')).toMatch(/Invalid or expired token/);
  } else {
    // before authentication exists every caller is let in
    expect(Array.isArray(refused)).toBe(true);
  }
});
