/**
 * Issue 14, item 4 over HTTP on the Brescia seed: a manager's scorecard takes the assignments in force at the
 * checkpoint (the original weights at 30/6, the redefined ones at 31/12: 10/10/40/20/20, docs/scoring.md §5.9),
 * and a year with two sets of weights is shown as two periods, each on its own weights, never summed (before:
 * objectives 1.1 and 1.2 twice and "somma 170%").
 */
import * as fs from 'fs';
import * as path from 'path';
import { getFile, htmlTables } from '../helpers/files';
import { notItalian } from '../helpers/italian-scan';
import { CHROMIUM, PDFTOPPM, PICTURES, blankPages, pdfPageCount, pdfPictures } from '../helpers/pictures';
import { PDFTOTEXT, pageBreakFaults, pdfPageTexts } from '../helpers/pdf-pages';
import { seedPath } from '../helpers/seeds';
import { startServer, type TestServer } from '../helpers/server';
import { ok, SHEET_ROWS, sync, type SheetRow } from '../helpers/sync';

const brescia = fs.readFileSync(seedPath('003_a0c237837c23239d.txt'), 'utf8');
const IMPORT = `mutation($input: ImportPlanInput!) { importPlan(input: $input) { planId } }`;
const REALIZATION = `query($id: ID!, $p: ID!, $c: Checkpoint!) { person(id: $id) {
  realization(planId: $p, year: 2020, checkpoint: $c) { score display explanation } } }`;
const OBJECTIVES = `query($c: Checkpoint!) {
  strategicObjectives(filter: { code: "1" }) { code realization(year: 2020, checkpoint: $c) { score } }
  operationalObjectives { code realization(year: 2020, checkpoint: $c) { score } } }`;
type Checkpoint = 'MID_YEAR' | 'YEAR_END';

describe('manager scorecards by assignment period (Brescia, sqlite)', () => {
  let server: TestServer;
  let planId: string;
  let vairano: string;

  beforeAll(async () => {
    server = await startServer('sqlite');
    planId = ok(await server.gql(IMPORT, { input: { fileName: '003_a0c237837c23239d.txt', content: brescia } }))
      .importPlan.planId;
    const plan = ok(
      await server.gql(`query($p: ID!) { planVersion(id: $p) { managerAssignments { manager { id fullName } } } }`, {
        p: planId,
      }),
    ).planVersion;
    vairano = plan.managerAssignments.find((a: any) => a.manager.fullName === 'Antonella Vairano').manager.id;
    // actuals so that the weights decide the number: 1.1, 1.3, 1.4 on target, 1.2 at zero
    for (const checkpoint of ['MID_YEAR', 'YEAR_END'] as const) {
      const rows: SheetRow[] = ok(await server.gql(SHEET_ROWS, { planId, year: 2020, checkpoint })).sheetRows.rows;
      const parent = new Map(rows.map((r) => [r.rowId, r]));
      const actuals = rows
        .filter((r) => r.level === 'INDICATOR' && parent.get(r.parentId!)?.level === 'OPERATIONAL')
        .map((r) => ({ r, objective: parent.get(r.parentId!)!.code! }))
        .filter(({ r, objective }) => ['1.1', '1.2', '1.3', '1.4'].includes(objective) && r.target?.raw !== '-')
        .map(({ r, objective }) => ({
          rowId: r.rowId,
          rowVersion: r.rowVersion,
          actual: objective === '1.2' ? '0' : r.target!.raw,
        }));
      expect(actuals.length).toBeGreaterThan(3);
      const result = await sync(server, { planId, year: 2020, checkpoint, rows: actuals as never });
      expect(result.rows.filter((r) => r.status !== 'UPDATED')).toEqual([]);
    }
  }, 60_000);
  afterAll(() => server.close());

  /** Σ w·s / Σ w over the scored objectives, with the weights given: what the manager's score must be. */
  const expected = async (checkpoint: Checkpoint, weights: Record<string, number>) => {
    const data = ok(await server.gql(OBJECTIVES, { c: checkpoint }));
    const score = new Map<string, number | null>(
      [...data.strategicObjectives, ...data.operationalObjectives]
        .filter((o: any) => o.code in weights)
        .map((o: any) => [o.code, o.realization?.score ?? null]),
    );
    let num = 0;
    let den = 0;
    for (const [code, w] of Object.entries(weights)) {
      const s = score.get(code);
      if (s == null) continue;
      num += w * s;
      den += w;
    }
    return num / den;
  };
  const managerAt = async (checkpoint: Checkpoint) =>
    ok(await server.gql(REALIZATION, { id: vairano, p: planId, c: checkpoint })).person.realization;

  it('the API scores 31/12 on the redefined weights 10/10/40/20/20 and 30/6 on the original 10/20/50/20', async () => {
    const end = await managerAt('YEAR_END');
    const endExpected = await expected('YEAR_END', { '1': 10, '1.1': 10, '1.2': 40, '1.3': 20, '1.4': 20 });
    expect(end.score).toBeCloseTo(endExpected, 10);
    expect(end.explanation.used.map((u: any) => [u.code, u.weight]).sort()).toEqual(
      [
        ['1.1', 10],
        ['1.2', 40],
        ['1.3', 20],
        ['1.4', 20],
        ...(end.explanation.used.some((u: any) => u.code === '1') ? [['1', 10]] : []),
      ].sort(),
    );
    const mid = await managerAt('MID_YEAR');
    expect(mid.score).toBeCloseTo(await expected('MID_YEAR', { '1': 10, '1.1': 20, '1.2': 50, '1.3': 20 }), 10);
    expect(mid.explanation.used.map((u: any) => u.code)).not.toContain('1.4');
  });

  it('the scorecard shows two periods with their own weights, each summing to 100%, never 170%', async () => {
    const file = await getFile(server, `/reports/scorecards.html?planId=${planId}&year=2020`);
    expect(file.status).toBe(200);
    const html = file.body.toString('utf8');
    expect(html).not.toMatch(/somma 1[1-9]\d%/);
    const cards = htmlTables(html).filter((t) => t.heading.startsWith('Scheda di valutazione: Antonella Vairano'));
    expect(cards.map((c) => c.heading)).toEqual([
      'Scheda di valutazione: Antonella Vairano, dal 1/1/2020 al 30/6/2020',
      'Scheda di valutazione: Antonella Vairano, dal 1/7/2020 al 31/12/2020',
    ]);
    const weights = cards.map((c) =>
      Object.fromEntries(c.rows.filter((r) => r[0]).map((r) => [r[0], r[c.headers.indexOf('Peso')]])),
    );
    expect(weights).toEqual([
      { '1': '10%', '1.1': '20%', '1.2': '50%', '1.3': '20%' },
      { '1': '10%', '1.1': '10%', '1.2': '40%', '1.3': '20%', '1.4': '20%' },
    ]);
    for (const card of cards) {
      const total = card.rows.find((r) => r[1] === 'Totale')!;
      expect(total[card.headers.indexOf('Peso')]).toBe('100%');
    }
    // incentive values from each period's own lines: every objective once per card, each fund's total the sum of the
    // card's own lines (never of both periods), so the counted card's amount is not the 156.415 € the mix gave (7 lines)
    const euro = (text: string | undefined) => Number((text ?? '').replace(/[^\d,]/g, '').replace(',', '.')) || 0;
    const fundTotals = cards.map((card) => {
      const lines = card.rows.filter((r) => r[0]);
      expect(new Set(lines.map((r) => r[0])).size).toBe(lines.length);
      const total = card.rows.find((r) => r[1] === 'Totale')!;
      const funds = card.headers.map((h, i) => [h, i] as const).filter(([h]) => h.startsWith('Valore economico'));
      return funds.map(([, i]) => {
        expect(euro(total[i])).toBeCloseTo(
          lines.reduce((sum, r) => sum + euro(r[i]), 0),
          2,
        );
        return euro(total[i]);
      });
    });
    // 4 objectives × 22.345 € (dipendenti) and × 15.530 € (dirigenti) until 30/6, 5 from 1/7; the mix summed 7
    expect(fundTotals).toEqual([
      [89380, 62120],
      [111725, 77650],
    ]);
    expect(html).not.toContain('156.415');
    const section = html.slice(html.indexOf('Antonella Vairano, dal 1/7/2020'));
    expect(section).toContain('pesi in vigore alla data di rilevazione');
    // which period counts, by its dates, on both cards; the other one says its values are not added to it
    const first = html.slice(
      html.indexOf('Antonella Vairano, dal 1/1/2020'),
      html.indexOf('Antonella Vairano, dal 1/7/2020'),
    );
    for (const card of [first, section.slice(0, section.indexOf('</section>'))])
      expect(card).toContain('(quella del periodo dal 1/7/2020 al 31/12/2020, in vigore al 31/12)');
    expect(first).toContain(
      'Periodo non conteggiato: la % e i valori economici di questa scheda non si sommano a quelli del periodo dal 1/7/2020 al 31/12/2020, che conta.',
    );
    expect(section.slice(0, section.indexOf('</section>'))).not.toContain('Periodo non conteggiato');
    // Brescia sets no pass marks: no empty "Soglia" and "Raggiunto" columns for an evaluator to wonder about
    for (const card of cards) expect(card.headers).not.toEqual(expect.arrayContaining(['Soglia']));
    for (const card of cards) expect(card.headers).toEqual(expect.arrayContaining(['Rilevanza', 'Coefficiente']));
    // nor empty "Rilevanza" and "Coefficiente" on a card whose objectives have no relevance (Ezio Zorzi's)
    const zorzi = htmlTables(html).find((t) => t.heading === 'Scheda di valutazione: Ezio Zorzi')!;
    expect(zorzi.headers).not.toEqual(expect.arrayContaining(['Rilevanza']));
    expect(zorzi.headers).not.toEqual(expect.arrayContaining(['Coefficiente']));
    // the scorecards of every Brescia manager, periods and all, in Italian words only
    const words = html
      .replace(/<style>[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/g, ' ');
    expect(notItalian(words)).toEqual([]);
  });

  const pdfIt = [CHROMIUM, PDFTOPPM, PDFTOTEXT].every((f) => fs.existsSync(f)) ? it : it.skip;
  pdfIt(
    'the Brescia scorecards printed, every PDF page drawn as a picture: none blank, no orphan heading or lone total',
    async () => {
      const html = (await getFile(server, `/reports/scorecards.html?planId=${planId}&year=2020`)).body.toString('utf8');
      const file = await getFile(server, `/reports/scorecards.pdf?planId=${planId}&year=2020`);
      expect(file.status).toBe(200);
      const count = pdfPageCount(file.body);
      expect(count).toBeGreaterThan(1);
      const pages = Array.from({ length: count }, (_, i) => i + 1);
      // the pictures to look at, page by page (REPORT_PICTURES, default a temp dir): what an OIV would sign
      await pdfPictures(file.body, 'scorecards-brescia', pages);
      const pdf = path.join(PICTURES, 'scorecards-brescia.pdf');
      expect(await blankPages(pdf, pages)).toEqual([]);
      const printed = await pdfPageTexts(pdf);
      expect(printed).toHaveLength(count);
      expect(pageBreakFaults(printed, html)).toEqual([]);
      // the two periods of the manager who changed mid-year, each with its own heading and its own 100% total
      const all = printed.join('\n');
      expect(all).toContain('Antonella Vairano, dal 1/1/2020 al 30/6/2020');
      expect(all).toContain('Antonella Vairano, dal 1/7/2020 al 31/12/2020');
      expect(all).not.toMatch(/somma 1[1-9]\d%/);
      expect(notItalian(all)).toEqual([]);
    },
    180_000,
  );
});
