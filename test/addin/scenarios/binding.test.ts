/**
 * Binding a sheet the organisation already keeps, through the pane's own "Collega questo foglio" table (issue 12,
 * item 5 and defect 2): the pane proposes what each sheet column holds, the user confirms or corrects it in the
 * pane, and the bound table holds the sheet's rows. Seed-shaped sheets: test/fixtures/seed-sheets.ts.
 */
import { bergamoSheet, bresciaCardSheet, sondrioSheet } from '../../fixtures/seed-sheets';
import {
  browserSuite,
  header,
  OPERATION_TIMEOUT_MS,
  useLoadedPane,
  usePane,
  type SheetView,
  SETUP_TIMEOUT_MS,
} from '../e2e-pane';

const suite = browserSuite('scenarios/binding.test.ts');

suite('binding an existing sheet through the pane', () => {
  const pane = usePane();
  const codes = (view: SheetView) => view.rows.map((r) => String(r[pane.col('code')]));
  const row = (view: SheetView, code: string) => view.rows.find((r) => String(r[pane.col('code')]) === code)!;

  beforeAll(() => pane.connectAndChoose(), SETUP_TIMEOUT_MS);

  /** The user puts this sheet in the workbook and presses "Collega questo foglio": the pane shows its mapping. */
  const bindSheet = async (name: string, grid: string[][]): Promise<void> => {
    await pane.putSheet(name, grid);
    await pane.press('#bind');
  };

  /**
   * Confirms the mapping and follows the table it binds; the pane's summary. Each step binds another sheet on the
   * workbook an earlier step bound: the bound table is rewritten (item 7), and when the earlier bind left rows to send
   * the pane asks first; these steps discard them.
   */
  const confirm = async (): Promise<string> => {
    let said: string;
    if (await pane.page.isHidden('#pending')) said = await pane.press('#mapping-confirm');
    else {
      await pane.page.click('#mapping-confirm');
      await pane.page.waitForSelector('#reload-prompt:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
      said = await pane.press('#reload-discard');
    }
    await pane.followBinding();
    return said;
  };

  pane.step(
    'defect 2 · "Collega questo foglio" on the Sondrio table, mapping untouched, keeps every action and the typed actual',
    async () => {
      await bindSheet('Sondrio', sondrioSheet());
      const shown = await pane.mappingShown();
      expect(shown.get('Azioni › cod.')).toEqual(['code', 'indicator']);
      expect(shown.get('Obiettivi strategici › cod.')).toEqual(['code', 'strategic']);
      expect(shown.get('Azioni › 2022 › Soglie › 60%')).toEqual(['thresholds', 'indicator']);
      expect(await confirm()).toMatch(/Righe: 2[0-9]/);
      const view = await pane.sheet();
      expect(codes(view)).toEqual(
        expect.arrayContaining(['1', '1.1', '1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.3.1', '1.3.2', '1.3.3', '1.3.4']),
      );
      expect(String(row(view, '1.1.2')[pane.col('actual')])).toBe('11');
      // Excel holds the seed's "3,00%" as 0.03 in 0.00%: the add-in reads the value in its format, exact, as "3%"
      expect(String(row(view, '1.1.1')[pane.col('thresholds')])).toBe('80%: 3%; 60%: 2,85%');
      // the typed actual reaches the server, nothing is refused
      const sent = await pane.press('#sync');
      expect(sent).toMatch(/^Righe inviate: \d+/);
      expect(sent).not.toMatch(/rifiutate|conflitto/);
      const id = String(row(view, '1.1.2')[pane.col('rowId')]);
      expect((await pane.serverRows()).get(id)?.actual?.raw).toBe('11');
    },
  );

  // Seed cruscotti as their organisations print them: what the pane proposes for some of their columns, and a row of
  // the bound table (its place, its title and its target) that shows the proposal bound
  for (const [title, name, sheet, proposed, bound] of [
    [
      'item 5 · the Bergamo dashboard is proposed with Indicatore as title (Azione is the cruscotto label), and bound',
      'Bergamo',
      bergamoSheet,
      // "Azione | Indicatore" is how Bergamo prints a cruscotto: the action label beside the indicator's title, bound
      // to the table's "Etichetta azione" column
      { Azione: ['actionLabel', ''], Indicatore: ['title', 'indicator'], 'Risultato atteso 2022': ['target', ''] },
      { at: 1, title: 'Progetto: Turismo', target: '100%' },
    ],
    [
      'item 5 · a Brescia card sheet is proposed with Indicatore as the indicator title and the 31/12 target',
      'Brescia',
      bresciaCardSheet,
      { Indicatore: ['title', 'indicator'], 'Valore Target al 31/12': ['target', ''], Peso: ['weight', ''] },
      { at: 0, title: "numero dipendenti in smart working nell'anno", target: '88%' },
    ],
  ] as const) {
    pane.step(title, async () => {
      await bindSheet(name, sheet());
      const shown = await pane.mappingShown();
      expect(Object.fromEntries(Object.keys(proposed).map((column) => [column, shown.get(column)]))).toEqual(proposed);
      await confirm();
      const { rows } = await pane.sheet();
      expect(rows.findIndex((r) => r[pane.col('title')] === bound.title)).toBe(bound.at);
      expect(String(rows[bound.at][pane.col('target')])).toBe(bound.target);
    });
  }

  pane.step(
    'item 5 · every sheet column can be corrected in the pane, and the correction is what is bound',
    async () => {
      await bindSheet('Sondrio bis', sondrioSheet());
      await pane.chooseMapping('Valore ottenuto', 'note', 'indicator');
      await pane.chooseMapping('Azioni › 2024', '');
      await confirm();
      const view = await pane.sheet();
      const r112 = row(view, '1.1.2');
      expect(String(r112[pane.col('note')])).toBe('11');
      expect(String(r112[pane.col('futureTargets')])).not.toMatch(/2024/);
      expect(view.headers).toContain(header('note'));
    },
  );
});

suite('a renamed column of the loaded table', () => {
  const pane = useLoadedPane();

  pane.step(
    'defect 3 · "Valore ottenuto" renamed "Valore ottenuto 2022", then 300 typed: Sync sends it and the server keeps 300',
    async () => {
      const view = await pane.sheet();
      const target = pane.editableIndicators(view)[0];
      // the header row is locked by Cruscotto's protection: renaming starts by lifting it, as the README says
      await pane.liftProtection();
      await pane.renameHeader(header('actual'), 'Valore ottenuto 2022');
      await pane.typeUnder(target.position, 'Valore ottenuto 2022', '300');
      const said = await pane.press('#sync');
      expect(said).toMatch(/Righe inviate: 1\b/);
      expect((await pane.serverRows()).get(target.id)?.actual?.raw).toBe('300');
      const after = await pane.sheet();
      expect(after.headers).toContain('Valore ottenuto 2022');
      expect(String(pane.rowOf(after, target.id)[after.headers.indexOf('Valore ottenuto 2022')])).toBe('300');
    },
  );
});

suite('column identity kept in the workbook', () => {
  const pane = usePane();
  let second = { position: -1, target: '' };
  beforeAll(() => pane.connectAndLoad(), SETUP_TIMEOUT_MS);

  pane.step('item 6 · a renamed column is sent and its new header is kept in the workbook settings', async () => {
    const [first, next] = pane.editableIndicators(await pane.sheet());
    second = next;
    await pane.liftProtection();
    await pane.renameHeader(header('actual'), 'Ottenuto');
    await pane.typeUnder(first.position, 'Ottenuto', first.target);
    expect(await pane.press('#sync')).toMatch(/Righe inviate: 1\b/);
    const stored = JSON.parse(String((await pane.settings())['cruscotto.binding'])).binding;
    expect(stored.columns.actual).toBe('Ottenuto');
  });

  pane.step(
    'item 6 · a mapped column that disappears blocks Sync with an Italian warning naming only it; the edit stays',
    async () => {
      const before = await pane.serverRows();
      // deleting "Unità di misura" also moves "Ottenuto" one place left: it is still found, only the deleted one is missing
      await pane.liftProtection();
      await pane.deleteColumn(header('unit'));
      await pane.typeUnder(second.position, 'Ottenuto', second.target);
      const said = await pane.press('#sync');
      expect(said).toMatch(/^Colonne mancanti nella tabella "[^"]+": "Unità di misura"\. Sync bloccato/);
      expect(await pane.serverRows()).toEqual(before);
      const view = await pane.sheet();
      expect(String(view.rows[second.position][view.headers.indexOf('Ottenuto')])).toBe(second.target);
    },
  );
});
