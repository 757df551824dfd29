/**
 * Undo of the last send (issue 18, item 6): "Annulla l'ultimo invio" has the server revert the last Sync from its
 * audit trail and writes the values put back into the sheet; the undo is audited (from Excel, by whom, when). When a
 * colleague changed a row since, nothing is undone and the pane names the row, who and why, in Italian.
 */
import { format } from '../../../addin/src/i18n';
import { undoWords } from '../../../addin/src/taskpane/undo-words';
import { ok, sync } from '../../helpers/sync';
import { browserSuite, useLoadedPane, OPERATION_TIMEOUT_MS } from '../e2e-pane';

const words = undoWords.it;

browserSuite('scenarios/undo')('undo of the last send', () => {
  const pane = useLoadedPane();
  const { step, sheet, typeInCell, rowOf, press, serverRows, editableIndicators } = pane;

  /** indicators with no actual yet: typing one in is a value the undo must take away again */
  const withoutActual = async () =>
    editableIndicators(await sheet()).filter(({ row }) => String(row[pane.col('actual')]).trim() === '');

  /** an indicator without an actual gets its target typed in as one and is sent: the Sync the undo takes back */
  const sendOneActual = async () => {
    const [edited] = await withoutActual();
    await typeInCell(edited.position, 'actual', edited.target);
    await press('#sync');
    return edited;
  };

  /** presses "Annulla l'ultimo invio" and waits for the line it leaves */
  const undo = async (expected: string) => {
    await pane.page.click('#undo-send');
    await pane.page.waitForFunction(
      (text) => {
        const running = !(document.getElementById('progress') as HTMLProgressElement | null)?.hidden;
        return !running && document.getElementById('undo-status')?.textContent === text;
      },
      expected,
      { timeout: OPERATION_TIMEOUT_MS },
    );
  };

  step(
    'item 6 · "Annulla l\'ultimo invio" puts the last Sync back on the server and in the sheet, audited as from Excel',
    async () => {
      const edited = await sendOneActual();
      expect((await serverRows()).get(edited.id)!.actual?.raw).toBe(edited.target);

      await undo(format(words.done, { rows: 1 }));
      expect((await serverRows()).get(edited.id)!.actual ?? null).toBeNull();
      // the sheet shows the server's value again, and the row is clean: nothing waits to be sent
      expect(String(rowOf(await sheet(), edited.id)[pane.col('actual')]).trim()).toBe('');
      expect(await pane.page.isHidden('#pending')).toBe(true);

      const events = ok(
        await pane.api.gql(
          `query($planId: ID!) { auditEvents(filter: { planId: $planId, action: DELETE }, first: 20) {
            edges { node { entityType action actor source sourceDetail at batchKey } } } }`,
          { planId: pane.planId },
        ),
      ).auditEvents.edges.map((e: { node: Record<string, string> }) => e.node);
      expect(events).toEqual([
        expect.objectContaining({
          entityType: 'Measurement',
          source: 'ADDIN',
          sourceDetail: expect.stringContaining('Piano Sondrio.xlsx'),
          actor: expect.any(String),
          batchKey: expect.stringMatching(/^undo:/),
        }),
      ]);
      // done once: nothing is left to undo
      await undo(words.nothing);
    },
  );

  step(
    'item 6 · a row a colleague changed since stops the undo: the pane names it, who and why, in Italian; nothing is undone',
    async () => {
      const edited = await sendOneActual();
      const sent = (await serverRows()).get(edited.id)!;
      // a colleague, through the API, changes the same row afterwards
      await sync(pane.api, {
        planId: pane.planId,
        source: { kind: 'GRAPHQL' },
        rows: [{ rowId: edited.id, rowVersion: sent.rowVersion, actual: '999' }],
      });

      await undo(words.refused);
      const refusals = await pane.page.$$eval('#undo-refusals li', (items) =>
        items.map((li) => [(li as HTMLElement).dataset.rowId, li.textContent ?? '']),
      );
      expect(refusals).toHaveLength(1);
      const code = String(rowOf(await sheet(), edited.id)[pane.col('code')]);
      expect(refusals[0][0]).toBe(edited.id);
      expect(refusals[0][1]).toMatch(
        new RegExp(`^la riga ${code.replace(/\./g, '\\.')} è stata modificata dopo l'invio da .+ \\(API\\)`),
      );
      expect((await serverRows()).get(edited.id)!.actual?.raw).toBe('999');
      expect(pane.pageErrors).toEqual([]);
    },
  );
});
