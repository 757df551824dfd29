/**
 * Sync and Refresh read only the scores that moved (issue 15, B4): the pane keeps the server's scores of its last
 * read (addin/src/sync/score-memory.ts) and asks `sheetScores(after:)` for those moved since, instead of every row's
 * realization (the Realizations read, ~1 MB on B4's plan) after each Sync and on each Refresh. The sheet must still
 * end with every "% Realizzazione" equal to the server's: an objective moved by a colleague's change, a value typed
 * over the column while its protection was lifted, and the pane's own edit.
 */
import type { FetchLike } from '../../addin/src/api/client';
import { REALIZATIONS } from '../../addin/src/api/queries';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, networkFetch, openSession, rowOf } from '../helpers/addin-session';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';

type Sent = { name: string; variables: Record<string, unknown> };

/** the real network, with every operation's name and variables noted */
function recordingFetch(sent: Sent[]): FetchLike {
  const network = networkFetch();
  return (input, init) => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as {
      query?: string;
      variables?: Record<string, unknown>;
    };
    const name = /(query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[2] ?? '?';
    sent.push({ name, variables: body.variables ?? {} });
    return network(input, init);
  };
}

describeOnSondrio('Sync and Refresh read only the scores that moved (%s)', (sondrio) => {
  const serverScores = async () => {
    const vars = { planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' };
    const rows = ok(await sondrio.server.gql(REALIZATIONS, vars)).sheetRows.rows as Array<{
      rowId: string;
      realization: { score: number | null } | null;
    }>;
    return new Map(rows.map((r) => [r.rowId, r.realization?.score ?? null]));
  };
  /** every row of the sheet whose "% Realizzazione" is not the server's: [code, sheet, server] */
  const differences = async (wb: MemoryWorkbook, table: string) => {
    const server = await serverScores();
    const ids = wb.column(table, H.rowId);
    const shown = wb.column(table, H.realization);
    const codes = wb.column(table, H.code);
    return ids.flatMap((id, k) => {
      const expected = server.get(String(id)) ?? null;
      const cell = shown[k] === '' || shown[k] === null ? null : shown[k];
      return cell === expected ? [] : [[codes[k], cell, expected]];
    });
  };

  it('after Sync and Refresh every score equals the server, read as the moved ones only', async () => {
    const { server, plan, sheet } = sondrio;
    const sent: Sent[] = [];
    const wb = new MemoryWorkbook();
    const session = await openSession(server, wb, { fetch: recordingFetch(sent) });
    const { table } = await session.load({ planId: plan.planId, year: 2022, checkpoint: 'YEAR_END' });
    // Load remembers every score once (the pane knew none)
    expect(sent.filter((s) => s.name === 'SheetScores').map((s) => s.variables.after)).toEqual([null]);

    // a colleague's actual moves their indicator and the objectives above it (not a row this pane touches)
    const before = await serverScores();
    const colleague = await sheet.row('INDICATOR', '1.1.2');
    const operational = (await sheet.row('OPERATIONAL', '1.1')).rowId;
    ok({ data: await sheet.sync([{ rowId: colleague.rowId, rowVersion: colleague.rowVersion, actual: '8' }]) });
    expect((await serverScores()).get(operational)).not.toBe(before.get(operational));
    // someone lifted the protection and typed over a score far from both changes (a row with none: blank)
    const scored = plan.indicator('3.3.1');
    const tampered = rowOf(wb, table, scored.code!);
    wb.editCell(table, tampered, H.realization, 0.05);
    // and the pane's own edit
    wb.editCell(table, rowOf(wb, table, '2.1.1'), H.actual, '11');

    sent.length = 0;
    const summary = await session.sync();
    expect(summary.updated).toBe(1);
    expect(sent.map((s) => s.name)).toEqual(['SyncRows', 'SheetScores']);
    expect(sent[1].variables.after).toEqual(expect.any(String));
    expect(await differences(wb, table)).toEqual([]);
    expect(wb.cell(table, tampered, H.realization)).toBe(before.get(scored.rowId) ?? '');

    // Refresh: another change of the colleague, picked up with the scores it moved, no full read
    const again = await sheet.row('INDICATOR', '1.1.2');
    ok({ data: await sheet.sync([{ rowId: again.rowId, rowVersion: again.rowVersion, actual: '12' }]) });
    wb.editCell(table, tampered, H.realization, 0.07);
    sent.length = 0;
    await session.refresh();
    expect(sent.map((s) => s.name)).toEqual(['SheetRows', 'SheetScores']);
    expect(sent[1].variables.after).toEqual(expect.any(String));
    expect(await differences(wb, table)).toEqual([]);
    expect(wb.cell(table, rowOf(wb, table, '1.1.2'), H.actual)).toBe('12');
  });
});
