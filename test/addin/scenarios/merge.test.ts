/**
 * Three-way, cell-level merge in the pane (issue 18, item 5): the workbook keeps each row as last downloaded (the
 * base) on a very hidden sheet; a colleague's change of other cells of a row edited here merges by itself (it
 * arrives live, no conflict, and Sync sends both); only a cell both changed is a conflict, listed with who changed
 * theirs and when and resolved per cell with "Tengo la mia" / "Prendo la loro".
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, messages } from '../../../addin/src/i18n';
import { baseNames } from '../../../addin/src/sync/base';
import { CONFLICT_FILL } from '../../../addin/src/sync/merge-apply';
import { ok } from '../../helpers/sync';
import { anna, eventually } from '../colleague';
import { browserSuite, header, status, useLoadedPane } from '../e2e-pane';

type Stored = {
  rowId: string;
  rowVersion: number;
  kpi: string | null;
  note: string | null;
  actual: { raw: string } | null;
};

browserSuite('scenarios/merge')('three-way, cell-level merge', () => {
  const pane = useLoadedPane();
  const { step, sheet, rowOf, editableIndicators, typeInCell, cellFill } = pane;
  let colleague: Awaited<ReturnType<typeof anna>>;
  let chosen = { id: '', position: -1 };

  /** the row as the server keeps it now, with the cells this scenario changes */
  const stored = async (rowId: string): Promise<Stored> => {
    const answer = ok(
      await pane.api.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) {
          rows { rowId rowVersion kpi note actual { raw } } } }`,
        { p: pane.planId },
      ),
    ) as { sheetRows: { rows: Stored[] } };
    return answer.sheetRows.rows.find((r) => r.rowId === rowId)!;
  };
  const cellText = async (rowId: string, key: 'actual' | 'note' | 'kpi' | 'syncStatus') =>
    String(rowOf(await sheet(), rowId)[pane.col(key)]);

  step('item 5 · the base of every row is kept in the workbook, on a very hidden sheet', async () => {
    const names = baseNames(pane.table);
    const kept = await pane.page.evaluate(
      ([sheetName, tableName, planTable]) => {
        const model = window.__excelDouble.model;
        const hidden = model.sheets.find((s) => s.name === sheetName);
        const saved = model.saved();
        return {
          visibility: hidden?.visibility,
          active: model.activeSheet?.name,
          planSheet: model.table(planTable)?.sheet.name,
          baseRows: model.table(tableName)?.bodyRows,
          planRows: model.table(planTable)?.bodyRows,
          savedVisibility: saved.sheets.find((s) => s.name === sheetName)?.visibility,
        };
      },
      [names.sheet, names.table, pane.table] as const,
    );
    expect(kept.visibility).toBe('VeryHidden');
    expect(kept.savedVisibility).toBe('VeryHidden');
    // the user stays on the plan: hiding the base does not move them
    expect(kept.active).toBe(kept.planSheet);
    expect(kept.baseRows).toBe(kept.planRows);
    colleague = await anna(pane);
  });

  step("item 5 · a colleague's change of another cell merges into a row edited here by itself", async () => {
    const [row] = editableIndicators(await sheet());
    await typeInCell(row.position, 'actual', row.target);
    expect(ok(await colleague.change(row.id, { note: 'Nota di Anna' })).syncRows.applied).toBe(1);
    await eventually(
      "Anna's note in the row edited here",
      async () => (await cellText(row.id, 'note')) === 'Nota di Anna',
    );
    expect(await cellText(row.id, 'syncStatus')).not.toBe(status.CONFLICT);
    expect(await cellText(row.id, 'actual')).toBe(row.target);
    expect(await pane.page.isHidden('#conflicts')).toBe(true);

    await pane.press('#sync');
    const server = await stored(row.id);
    expect(server.actual?.raw).toBe(row.target);
    expect(server.note).toBe('Nota di Anna');
    expect(await cellText(row.id, 'syncStatus')).toBe(status.UPDATED);
    expect(Number(rowOf(await sheet(), row.id)[pane.col('rowVersion')])).toBe(server.rowVersion);
  });

  step('item 5 · only a cell changed on both sides is a conflict, with who changed theirs and when', async () => {
    const [, row] = editableIndicators(await sheet());
    chosen = { id: row.id, position: row.position };
    await typeInCell(row.position, 'actual', '42');
    await typeInCell(row.position, 'note', 'Nota mia');
    expect(
      ok(await colleague.change(row.id, { actual: '43', kpi: 'Indicatore rivisto da Anna' })).syncRows.applied,
    ).toBe(1);
    await eventually(
      'the row shown as a conflict',
      async () => (await cellText(row.id, 'syncStatus')) === status.CONFLICT,
    );
    // Anna's indicator text merged by itself; my note stays; the actual waits for a choice, in orange
    expect(await cellText(row.id, 'kpi')).toBe('Indicatore rivisto da Anna');
    expect(await cellText(row.id, 'note')).toBe('Nota mia');
    expect(await cellText(row.id, 'actual')).toBe('42');
    expect(await cellFill(row.position, 'actual')).toBe(CONFLICT_FILL);
    expect(await cellFill(row.position, 'note')).not.toBe(CONFLICT_FILL);

    const item = `#conflict-list li[data-row-id="${row.id}"]`;
    await pane.page.waitForSelector(`${item} tr.conflict-who[data-cell="actual"]`);
    const cells = await pane.page.$$eval(`${item} tr[data-cell]:not(.conflict-who)`, (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent)),
    );
    expect(cells).toEqual([[header('actual'), '42', '43']]);
    const who = (await pane.page.textContent(`${item} tr.conflict-who[data-cell="actual"] .changed-by`)) ?? '';
    expect(who).toMatch(/^Loro: Anna Rossi, \d{2}\/\d{2}\/\d{2,4},? \d{2}:\d{2}$/);
    const line = rowOf(await sheet(), row.id);
    const heading = { code: String(line[pane.col('code')]), title: String(line[pane.col('title')]) };
    expect(await pane.page.textContent(`${item} strong`)).toBe(format(messages.it.ui.conflictCellsItem, heading));
    await pane.page.screenshot({ path: join(tmpdir(), 'cruscotto-pane-merge.png'), fullPage: true });
  });

  step('item 5 · "Tengo la mia" on the cell sends the row: mine there, Anna’s elsewhere, my note too', async () => {
    await pane.press(`#conflict-list li[data-row-id="${chosen.id}"] button[data-cell="actual"][data-choice="mine"]`);
    const server = await stored(chosen.id);
    expect(server.actual?.raw).toBe('42');
    expect(server.kpi).toBe('Indicatore rivisto da Anna');
    expect(server.note).toBe('Nota mia');
    expect(await cellText(chosen.id, 'syncStatus')).toBe(status.UPDATED);
    expect(await cellFill(chosen.position, 'actual')).toBeNull();
    expect(await pane.page.isHidden('#conflicts')).toBe(true);
    expect(pane.pageErrors).toEqual([]);
  });
});
