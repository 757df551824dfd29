/**
 * Live updates in the pane (issue 15, item 2): while the workbook is bound, a colleague's change reaches the sheet
 * without anyone pressing anything, only on the rows it changed, with "Aggiornato da Anna Rossi alle 10:42" in
 * view; a row with an edit not sent yet becomes a conflict instead of being overwritten. When the websocket is
 * refused (a corporate proxy), the pane says it checks every few seconds, and the change still arrives.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveLine } from '../../../addin/src/live-words';
import { ok } from '../../helpers/sync';
import { browserSuite, status, usePane, type PaneSession } from '../e2e-pane';

/** a colleague's change travels server → socket → pane → Excel: seconds on a loaded machine, never this long */
const ARRIVES_WITHIN_MS = 60_000;

/** Anna Rossi, controller of the Sondrio chamber, with a token of her own (invited as an administrator would) */
async function anna(pane: PaneSession) {
  const org = ok(
    await pane.api.gql(`query($id: ID!) { planVersion(id: $id) { organisation { id } } }`, { id: pane.planId }),
  ).planVersion.organisation.id;
  const userId = ok(
    await pane.api.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
      i: { organisationId: org, email: `anna.rossi.${Date.now()}@cciaa.it`, name: 'Anna Rossi', role: 'CONTROLLER' },
    }),
  ).inviteUser.id;
  const token = ok(
    await pane.api.gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`, {
      i: { userId, label: 'Excel', expiresInDays: 30 },
    }),
  ).createApiToken.secret as string;
  return {
    // as the colleague's own sheet would: the row's version as last read, then the change
    sync: async (rowId: string, actual: string) => {
      const read = ok(
        await pane.api.gqlWith(
          token,
          `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`,
          { p: pane.planId },
        ),
      ) as { sheetRows: { rows: Array<{ rowId: string; rowVersion: number }> } };
      const rowVersion = read.sheetRows.rows.find((r) => r.rowId === rowId)?.rowVersion;
      return pane.api.gqlWith(token, `mutation($input: SyncBatchInput!) { syncRows(input: $input) { applied } }`, {
        input: { planId: pane.planId, year: 2022, checkpoint: 'YEAR_END', rows: [{ rowId, rowVersion, actual }] },
      });
    },
  };
}

/** waits until `check` holds, polling the page; the error names what never happened */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ARRIVES_WITHIN_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ARRIVES_WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

browserSuite('scenarios/live')('live updates over the websocket', () => {
  const pane = usePane();
  beforeAll(() => pane.connectAndLoad(), 180_000);
  const { step, sheet, rowOf, editableIndicators, typeInCell } = pane;
  let colleague: Awaited<ReturnType<typeof anna>>;

  step("item 2 · the pane shows a colleague's change without pressing anything", async () => {
    await eventually('the pane saying live updates are on', async () =>
      ((await pane.page.textContent('#live')) ?? '').includes(liveLine('it', 'live')),
    );
    colleague = await anna(pane);
    const [target, untouched] = editableIndicators(await sheet());
    const before = rowOf(await sheet(), untouched.id);
    expect(ok(await colleague.sync(target.id, target.target)).syncRows.applied).toBe(1);

    await eventually("the colleague's value in the sheet", async () => {
      const row = rowOf(await sheet(), target.id);
      return String(row[pane.col('actual')]) !== String(target.row[pane.col('actual')]);
    });
    const row = rowOf(await sheet(), target.id);
    expect(row[pane.col('syncStatus')]).toBe(status.SYNCED);
    // its score came with the change, and the row's version is the server's
    const server = (await pane.serverRows()).get(target.id)!;
    expect(row[pane.col('realization')]).toBe(server.realization!.score);
    expect(Number(row[pane.col('rowVersion')])).toBe(server.rowVersion);
    // only the changed row: another indicator's row is as it was
    expect(rowOf(await sheet(), untouched.id)).toEqual(before);
    await eventually('"Aggiornato da Anna Rossi alle …" in the pane', async () =>
      /Aggiornato da Anna Rossi alle \d{2}:\d{2}/.test((await pane.page.textContent('#live')) ?? ''),
    );
    // the pane as its user sees it, to look at (not compared)
    await pane.page.screenshot({ path: join(tmpdir(), 'cruscotto-pane-live.png'), fullPage: true });
    expect(pane.pageErrors).toEqual([]);
  });

  step('item 2 · a row with an edit not sent yet becomes a conflict, never overwritten', async () => {
    const [, , mine] = editableIndicators(await sheet());
    await typeInCell(mine.position, 'actual', '42');
    await eventually('the typed row marked to send', async () =>
      rowOf(await sheet(), mine.id)[pane.col('syncStatus')] === status.TO_SEND ? true : false,
    );
    expect(ok(await colleague.sync(mine.id, '43')).syncRows.applied).toBe(1);
    await eventually('the edited row shown as a conflict', async () =>
      rowOf(await sheet(), mine.id)[pane.col('syncStatus')] === status.CONFLICT ? true : false,
    );
    expect(String(rowOf(await sheet(), mine.id)[pane.col('actual')])).toBe('42');
    expect(await pane.page.isHidden('#conflicts')).toBe(false);
  });
});

browserSuite('scenarios/live-polling')('live updates behind a proxy that refuses websockets', () => {
  const pane = usePane({ websockets: 'refuse', search: '?pollSeconds=1' });
  beforeAll(() => pane.connectAndLoad(), 180_000);
  const { step, sheet, rowOf, editableIndicators } = pane;

  step('item 2 · the pane says it polls when the websocket is refused, and the change still arrives', async () => {
    await eventually('the pane saying it checks every second', async () =>
      ((await pane.page.textContent('#live')) ?? '').includes(liveLine('it', 'polling', { seconds: 1 })),
    );
    expect(await pane.page.getAttribute('#live', 'data-mode')).toBe('polling');
    const colleague = await anna(pane);
    const [target] = editableIndicators(await sheet());
    expect(ok(await colleague.sync(target.id, target.target)).syncRows.applied).toBe(1);
    await eventually("the colleague's value in the sheet, by polling", async () => {
      const row = rowOf(await sheet(), target.id);
      return String(row[pane.col('actual')]) !== String(target.row[pane.col('actual')]);
    });
    const server = (await pane.serverRows()).get(target.id)!;
    expect(rowOf(await sheet(), target.id)[pane.col('realization')]).toBe(server.realization!.score);
    expect((await pane.page.textContent('#live')) ?? '').toMatch(/Aggiornato alle \d{2}:\d{2}/);
  });
});
