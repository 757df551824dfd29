/**
 * Issue 14, item 5, through the pane: a Bergamo-shaped plan (the Bergamo 2021 seed: its objectives and indicators
 * repeated in the cruscotti of the Segretario Generale, the Dirigente and each service) loaded with Carica into the
 * faithful Excel double shows the cruscotto columns with Italian headers and one line per (cruscotto, node); a value
 * typed on a repeat and a new indicator typed in two cruscotti go out with Sincronizza in one batch, with no
 * DUPLICATE_CODE, and the server keeps them. At every step the pane's own texts are scanned for English and codes.
 */
import { browserSuite, header, usePane, type SheetView, SETUP_TIMEOUT_MS } from '../e2e-pane';
import { ok } from '../../helpers/sync';
import { paneLeaks } from '../pane-italian';

const suite = browserSuite('scenarios/cruscotti.test.ts');

suite('a Bergamo plan with its cruscotti in the pane', () => {
  const pane = usePane();
  let sg = '';
  /** the lines of the sheet showing a node: its level word and code, with the cruscotto each is in ('' = plan row) */
  const linesOf = (view: SheetView, level: string, code: string) =>
    view.rows
      .map((row, position) => ({ row, position, dashboard: String(row[pane.col('dashboard')] ?? '') }))
      .filter(({ row }) => row[pane.col('level')] === level && String(row[pane.col('code')]) === code);
  const placed = async () =>
    ok(
      await pane.api.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2021, dashboards: true) { rows { rowId level code dashboard position entryLevel actionLabel actual { raw } } } }`,
        { p: pane.planId },
      ),
    ).sheetRows.rows as Array<{
      rowId: string;
      level: string;
      code: string | null;
      dashboard: string | null;
      position: number | null;
      entryLevel: string | null;
      actionLabel: string | null;
      actual: { raw: string } | null;
    }>;

  beforeAll(() => pane.openBergamo2021(), SETUP_TIMEOUT_MS);

  pane.step(
    'item 5 · Carica writes the cruscotto columns in Italian and one line per (cruscotto, node), the same code in many',
    async () => {
      expect(await paneLeaks(pane.page)).toEqual({});
      const said = await pane.press('#load');
      expect(said).toMatch(/^Righe caricate nella tabella \S+: 533\.$/);
      await pane.followBinding(said);
      const view = await pane.sheet();
      for (const h of [
        'Cruscotto',
        'Tipo cruscotto',
        'Responsabile cruscotto',
        'Ordine',
        'Livello nel cruscotto',
        'Etichetta azione',
      ])
        expect(view.headers).toContain(h);
      const shown = linesOf(view, 'azione', '3.1.1');
      expect(shown.length).toBeGreaterThan(10);
      expect(new Set(shown.map((l) => l.dashboard)).size).toBe(shown.length);
      expect(new Set(shown.map((l) => String(l.row[pane.col('rowId')]))).size).toBe(1);
      const sgLine = shown.find((l) => /SEGRETARIO/.test(l.dashboard))!;
      sg = sgLine.dashboard;
      expect(sgLine.row[pane.col('dashboardKind')]).toBe('segretario generale');
      expect(await paneLeaks(pane.page)).toEqual({});
    },
  );

  pane.step(
    'item 5 · a value typed on a repeat and a new indicator typed in two cruscotti go out in one batch, no DUPLICATE_CODE',
    async () => {
      const view = await pane.sheet();
      const registro = linesOf(view, 'azione', '3.1.1').find((l) => l.dashboard === 'SERVIZIO REGISTRO IMPRESE')!;
      await pane.typeInCell(registro.position, 'actual', '97%');
      const typed = (dashboard: string, position: string) => ({
        [header('level')]: 'azione',
        [header('code')]: '3.1.99',
        [header('title')]: 'Pratiche telematiche evase entro 5 giorni',
        [header('parentCode')]: '3.1',
        [header('target')]: '90%',
        [header('dashboard')]: dashboard,
        [header('position')]: position,
        [header('entryLevel')]: 'operativo',
        [header('actionLabel')]: 'Semplificare gli adempimenti',
      });
      // rows are added below a protected table only once its protection is lifted (README), as for a rename
      await pane.liftProtection();
      for (const values of [typed(sg, '40'), typed('SERVIZIO REGISTRO IMPRESE', '41')])
        await pane.page.evaluate(([name, v]) => window.__excelDouble.user.appendRow(name, v), [
          pane.table,
          values,
        ] as const);
      const said = await pane.press('#sync');
      expect(said).toMatch(/^Righe inviate: 3 \(/);
      expect(said).not.toMatch(/rifiutat|conflitt/);
      expect(await pane.page.isHidden('#errors')).toBe(true);
      expect(await paneLeaks(pane.page)).toEqual({});

      const rows = await placed();
      expect(rows.filter((r) => r.code === '3.1.1').every((r) => r.actual?.raw === '97%')).toBe(true);
      const added = rows.filter((r) => r.code === '3.1.99');
      expect(added.filter((r) => !r.dashboard)).toHaveLength(1);
      expect(added.filter((r) => r.dashboard).map((r) => [r.dashboard, r.position, r.entryLevel])).toEqual(
        expect.arrayContaining([
          [sg, 40, 'OPERATIONAL'],
          ['SERVIZIO REGISTRO IMPRESE', 41, 'OPERATIONAL'],
        ]),
      );
      // the node's every line shows the value sent and its new version: the next Sync has nothing to send
      const after = await pane.sheet();
      const lines = linesOf(after, 'azione', '3.1.1');
      expect(new Set(lines.map((l) => `${l.row[pane.col('actual')]}|${l.row[pane.col('rowVersion')]}`)).size).toBe(1);
      expect(await pane.press('#sync')).toBe('Nessuna modifica da inviare.');
    },
  );
});
