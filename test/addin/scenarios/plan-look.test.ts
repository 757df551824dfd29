/**
 * Issue 18, item 8, from the pane: after Carica the sheet reads like a plan. The faithful double holds what Excel
 * would (each row's outline level and hidden state, the title cell's indent and bold, the conditional formats, the
 * chart's series and point fills), and the steps read those, never the add-in's calls: rows grouped by level and
 * folded to a level from the pane on the protected sheet (Excel refuses its own outline buttons there, and no
 * protection option allows them), a fold that survives a Sync, traffic-light icons on % Realizzazione, and the chart's bars in their
 * light's colour with the pass mark drawn as a line.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEVEL_LABEL } from '@core/sheet/layout';
import { messages } from '../../../addin/src/i18n';
import { browserSuite, header, useLoadedPane } from '../e2e-pane';

const DEPTH: Record<string, number> = {
  [LEVEL_LABEL.perspective]: 0,
  [LEVEL_LABEL.strategic]: 1,
  [LEVEL_LABEL.operational]: 2,
  [LEVEL_LABEL.indicator]: 3,
};
const CHART_SHEET = 'Grafico realizzazione';

type Look = { outlineLevel: number; hidden: boolean; bold: boolean; indent: number };
type Criterion = { type?: string; operator?: string; formula?: string };

browserSuite('scenarios/plan-look')('the sheet reads like a plan', () => {
  const pane = useLoadedPane({ websockets: 'refuse', search: '?pollSeconds=600' });
  const { step } = pane;

  const look = (): Promise<Look[]> =>
    pane.page.evaluate(([name, title]) => window.__excelDouble.user.rowLook(name, title), [
      pane.table,
      header('title'),
    ] as const);
  const depths = async () => {
    const view = await pane.sheet();
    return view.rows.map((row) => DEPTH[String(row[pane.col('level')]).toLowerCase()] ?? 0);
  };
  const button = async (level: number) => {
    const { sheet } = await pane.sheet();
    await pane.page.evaluate(([s, l]) => window.__excelDouble.user.outlineButton(s, l), [sheet, level] as const);
  };

  step(
    'item 8 · Carica groups the rows by level, indents each title by its level and sets the objectives in bold',
    async () => {
      const expected = await depths();
      // the Sondrio plan has all four levels
      expect(new Set(expected)).toEqual(new Set([0, 1, 2, 3]));
      const rows = await look();
      expect(rows.map((r) => r.outlineLevel)).toEqual(expected);
      expect(rows.map((r) => r.indent)).toEqual(expected);
      expect(rows.map((r) => r.bold)).toEqual(expected.map((d) => d < 3));
      expect(rows.some((r) => r.hidden)).toBe(false);
    },
  );

  step(
    'item 8 · the plan folds on the protected sheet: Excel refuses its own outline buttons there, so the pane\'s "Mostra fino a" folds it to the strategic objectives, the protection kept; a Sync keeps it folded',
    async () => {
      const expected = await depths();
      const { sheet } = await pane.sheet();
      const protection = () =>
        pane.page.evaluate(
          (s) => ({ ...window.__excelDouble.model.sheets.find((x) => x.name === s)!.protection }),
          sheet,
        );
      const before = await protection();
      expect(before.protected).toBe(true);
      // Excel's sheet protection has no option that leaves outlining to the user
      await expect(button(2)).rejects.toThrow(/AccessDenied|cannot perform/);
      const levels = await pane.page.$$eval('#outline-levels button', (bs) => bs.map((b) => b.textContent));
      expect(levels).toEqual(['Prospettive', 'Obiettivi strategici', 'Obiettivi operativi', 'Tutto']);
      const hidden = async () => (await look()).map((r) => r.hidden);
      await pane.page.click('#outline-levels button[data-level="2"]');
      await pane.page.waitForFunction(
        ([name, title]) => window.__excelDouble.user.rowLook(name, title).some((r) => r.hidden),
        [pane.table, header('title')] as const,
      );
      expect(await hidden()).toEqual(expected.map((d) => d >= 2));
      expect(await protection()).toEqual(before);
      expect(await pane.press('#sync')).not.toBe('');
      expect(await protection()).toEqual(before);
      const after = await look();
      expect(after.map((r) => r.hidden)).toEqual(expected.map((d) => d >= 2));
      expect(after.map((r) => r.outlineLevel)).toEqual(expected);
      await pane.page.screenshot({ path: join(tmpdir(), 'cruscotto-pane-outline.png'), fullPage: true });
      await pane.page.click('#outline-levels button[data-level="4"]');
      await pane.page.waitForFunction(
        ([name, title]) => !window.__excelDouble.user.rowLook(name, title).some((r) => r.hidden),
        [pane.table, header('title')] as const,
      );
      expect(await protection()).toEqual(before);
      expect(pane.pageErrors).toEqual([]);
    },
  );

  step(
    "item 8 · % Realizzazione carries Excel's own traffic-light icons, and the chart paints each bar in its light with the pass mark across",
    async () => {
      // the plan as loaded has no actuals for 2022: an indicator reaching its target gives its objectives a score
      const view = await pane.sheet();
      const indicator = pane.editableIndicators(view)[0];
      await pane.typeInCell(indicator.position, 'actual', indicator.target);
      expect(await pane.press('#sync')).toMatch(/Righe inviate: 1\b/);
      const state = await pane.page.evaluate(
        ([name, chartSheet]) => {
          const model = window.__excelDouble.model;
          const table = model.tables.find((t) => t.name === name)!;
          return {
            column: table.column,
            headers: table.headers(),
            body: { row: table.row + 1, rows: table.bodyRows },
            formats: table.sheet.decorations.conditionalFormats,
            charts: model.sheets.find((s) => s.name === chartSheet)?.decorations.charts ?? [],
            chartValues: Array.from({ length: 40 }, (_, r) =>
              [0, 1, 2].map((c) => model.sheets.find((s) => s.name === chartSheet)?.value(r, c) ?? ''),
            ),
          };
        },
        [pane.table, CHART_SHEET] as const,
      );
      const realization = state.column + state.headers.indexOf(header('realization'));
      const icons = state.formats.filter((f) => f.rect.column === realization);
      expect(icons).toHaveLength(1);
      expect(icons[0]).toMatchObject({
        type: 'IconSet',
        iconStyle: 'ThreeTrafficLights1',
        rect: { row: state.body.row, rows: state.body.rows, columns: 1 },
      });
      const [, yellowAt, greenAt] = icons[0].criteria as Criterion[];
      expect(yellowAt).toMatchObject({ type: 'Number', operator: 'GreaterThanOrEqual' });
      const yellow = Number(String(yellowAt.formula).slice(1));
      const green = Number(String(greenAt.formula).slice(1));
      expect(0 < yellow && yellow < green).toBe(true);

      expect(state.charts).toHaveLength(1);
      const chart = state.charts[0];
      expect(chart.type).toBe('ColumnClustered');
      expect(chart.series.map((s) => s.chartType)).toEqual(['ColumnClustered', 'Line']);
      const lines = state.chartValues.slice(1, 1 + chart.series[0].points.length);
      expect(state.chartValues[0][2]).toBe(messages.it.sync.chartPassMark);
      // the pass mark is where the green light starts, on every category
      expect(lines.every((l) => l[2] === green)).toBe(true);
      // each bar's colour is the light its value shows in the sheet's icons
      const light = (v: unknown) =>
        typeof v !== 'number' ? null : v >= green ? '#00B050' : v >= yellow ? '#FFC000' : '#C00000';
      expect(chart.series[0].points.map((p) => p.fill)).toEqual(lines.map((l) => light(l[1])));
      expect(chart.series[0].points.some((p) => p.fill !== null)).toBe(true);
    },
  );
});
