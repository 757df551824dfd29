/**
 * Edits visible at once (issue 12, defect 4 and item 3): a value typed in the sheet marks its row "DA INVIARE" with
 * its cells filled yellow and a score computed in the pane, the pane counts the rows to send, and the server's answer
 * at Sync puts the row, its fill and the count back.
 */
import { format, messages } from '../../../addin/src/i18n';
import { TO_SEND_FILL } from '../../../addin/src/sync/pending';
import { emptySummary } from '../../../addin/src/sync/send';
import { syncedText } from '../../../addin/src/taskpane/wording';
import type { LayoutColumnKey } from '@core/sheet/layout';
import { browserSuite, status, ui, useLoadedPane } from '../e2e-pane';

browserSuite('scenarios/pending')('edits visible at once', () => {
  const pane = useLoadedPane();
  const { step, sheet, typeInCell, rowOf, press, serverRows, editableIndicators, cellFill } = pane;
  const col = (key: LayoutColumnKey) => pane.col(key);
  let edited = { id: '', position: -1, typed: '', before: null as unknown };

  step('defect 4 · a typed actual marks the row "Da inviare" and the pane counts it, before any Sync', async () => {
    // an indicator scored against its target (the plan's indicators have no actual yet: no score before)
    const candidate = editableIndicators(await sheet()).find((r) => r.row[col('polarity')] === 'maggiore');
    if (!candidate) throw new Error('no editable indicator with polarity "maggiore"');
    edited = {
      id: candidate.id,
      position: candidate.position,
      typed: candidate.target,
      before: candidate.row[col('realization')],
    };
    const server = (await serverRows()).get(edited.id)!;
    await typeInCell(edited.position, 'actual', edited.typed);

    // at rest means marked: the count is read at once, which also proves atRest waits for the marking pass
    await pane.atRest();
    expect(await pane.page.isVisible('#pending')).toBe(true);
    expect(await pane.page.textContent('#pending')).toBe(format(ui.toSend, { count: 1 }));
    const row = rowOf(await sheet(), edited.id);
    expect(row[col('syncStatus')]).toBe(status.TO_SEND);
    expect(await cellFill(edited.position, 'syncStatus')).toBe(TO_SEND_FILL);
    // only this row is marked, and nothing has reached the server yet
    expect((await sheet()).rows.filter((r) => r[col('syncStatus')] === status.TO_SEND)).toHaveLength(1);
    expect((await serverRows()).get(edited.id)!.rowVersion).toBe(server.rowVersion);
  });

  step(
    'item 3 · the typed row is highlighted in the grid: the typed cell and the rest of its row, not only its status',
    async () => {
      expect(await cellFill(edited.position, 'actual')).toBe(TO_SEND_FILL);
      expect(await cellFill(edited.position, 'title')).toBe(TO_SEND_FILL);
      // a row nobody touched keeps no fill
      const other = editableIndicators(await sheet()).find((r) => r.id !== edited.id)!;
      expect(await cellFill(other.position, 'actual')).toBeNull();
    },
  );

  step(
    'item 3 · the typed row is scored in the pane with the shared engine, marked provisional until the server answers',
    async () => {
      const row = rowOf(await sheet(), edited.id);
      expect(row[col('syncMessage')]).toBe(messages.it.sync.provisionalHere);
      const provisional = row[col('realization')];
      expect(typeof provisional).toBe('number');
      expect(provisional).not.toBe(edited.before);

      expect(await press('#sync')).toBe(syncedText({ ...emptySummary(), sent: 1, updated: 1 }, 'it', ''));
      // the server, with the same engine, agrees with the number the pane showed
      const stored = (await serverRows()).get(edited.id)!;
      expect(stored.actual?.raw).toBe(edited.typed);
      expect(stored.realization?.score).toBeCloseTo(provisional as number, 9);
    },
  );

  step("item 3 · after Sync the status, the fill and the pane's count go back", async () => {
    const row = rowOf(await sheet(), edited.id);
    expect(row[col('syncStatus')]).toBe(status.UPDATED);
    expect(row[col('syncMessage')]).toBe('');
    expect(await cellFill(edited.position, 'syncStatus')).toBeNull();
    expect(await cellFill(edited.position, 'actual')).toBeNull();
    expect(await cellFill(edited.position, 'title')).toBeNull();
    expect(await pane.page.isHidden('#pending')).toBe(true);
    expect((await sheet()).rows.filter((r) => r[col('syncStatus')] === status.TO_SEND)).toHaveLength(0);
    expect(pane.pageErrors).toEqual([]);
  });
});
