/**
 * Load again on a workbook already bound (issue 12, item 7 and defect 5): the same table is refreshed, never a
 * second one; with edits not sent yet nothing is touched and the pane says how many rows wait.
 */
import { browserSuite, ui, usePane } from '../e2e-pane';

const suite = browserSuite('scenarios/reload.test.ts');

suite('Load on a bound workbook', () => {
  const pane = usePane();
  beforeAll(() => pane.connectAndLoad(), 120_000);

  pane.step(
    'defect 5 · pressing Carica again refreshes the same table: no "Piano 2022 (2)", the binding unchanged',
    async () => {
      const first = pane.table;
      const before = await pane.sheet();
      await pane.press('#load');
      await pane.followBinding();
      expect(pane.table).toBe(first);
      const after = await pane.sheet();
      expect(after.sheet).toBe(before.sheet);
      expect(after.rows.length).toBe(before.rows.length);
      // the table a second Load used to make beside the first
      const second = await pane.page.evaluate((name) => {
        try {
          window.__excelDouble.user.table(name);
          return true;
        } catch {
          return false;
        }
      }, `${first}_2`);
      expect(second).toBe(false);
    },
  );

  pane.step('item 7 · with an edit not sent, Carica touches nothing and says how many rows wait', async () => {
    const view = await pane.sheet();
    const target = pane.editableIndicators(view)[0];
    await pane.typeInCell(target.position, 'actual', target.target);
    const said = await pane.press('#load');
    expect(said).toMatch(/Ci sono 1 righe modificate e non inviate/);
    const after = await pane.sheet();
    expect(String(pane.rowOf(after, target.id)[pane.col('actual')])).toBe(target.target);
    expect(said).not.toBe(ui.working);
  });
});
