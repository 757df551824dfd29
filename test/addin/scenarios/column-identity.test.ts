/**
 * Column identity by Excel's own key (issue 12, item 6): the binding names each plan column by its TableColumn.id,
 * kept in the workbook's settings, so a header renamed and dragged elsewhere at once is still the same column, and
 * the edit typed under it reaches the server. Header and place alone cannot tell that column apart from a new one.
 */
import { browserSuite, header, usePane, SETUP_TIMEOUT_MS } from '../e2e-pane';

const suite = browserSuite('scenarios/column-identity.test.ts');

suite('a column renamed and moved at once', () => {
  const pane = usePane();
  let second = { position: -1, id: '', target: '' };
  beforeAll(() => pane.connectAndLoad(), SETUP_TIMEOUT_MS);

  pane.step(
    'item 6 · "Valore ottenuto" renamed "Consuntivo" and dragged to the second place: Sync sends the value typed under it',
    async () => {
      const binding = JSON.parse(String((await pane.settings())['cruscotto.binding'])).binding;
      // the binding names the columns by Excel's ids from the Load on, before anything was renamed
      expect(typeof binding.columnIds.actual).toBe('string');
      const view = await pane.sheet();
      const [target, next] = pane.editableIndicators(view);
      second = next;
      await pane.liftProtection();
      await pane.renameHeader(header('actual'), 'Consuntivo');
      await pane.page.evaluate(([name, h]) => window.__excelDouble.user.moveColumn(name, h, 1), [
        pane.table,
        'Consuntivo',
      ] as const);
      const moved = await pane.sheet();
      expect(moved.headers[1]).toBe('Consuntivo');
      await pane.typeUnder(target.position, 'Consuntivo', '300');
      const said = await pane.press('#sync');
      expect(said).toMatch(/Righe inviate: 1\b/);
      expect(said).not.toMatch(/Colonne mancanti/);
      expect((await pane.serverRows()).get(target.id)?.actual?.raw).toBe('300');
      const after = JSON.parse(String((await pane.settings())['cruscotto.binding'])).binding;
      expect(after.columns.actual).toBe('Consuntivo');
      expect(after.columnIds.actual).toBe(binding.columnIds.actual);
    },
  );

  pane.step('item 6 · the moved column keeps working: a second edit under it is sent too', async () => {
    await pane.typeUnder(second.position, 'Consuntivo', second.target);
    expect(await pane.press('#sync')).toMatch(/Righe inviate: 1\b/);
    expect((await pane.serverRows()).get(second.id)?.actual?.raw).toBe(second.target);
  });
});
