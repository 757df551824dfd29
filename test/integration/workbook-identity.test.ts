/**
 * Round trip is identity (issue 13, finding 10, item 7): a plan holding the awkward values a sheet can send
 * (spaces around numbers, tabs, line breaks, decomposed accents, markup, the smallest and largest doubles, long
 * text) is exported as a workbook and imported back unchanged, and not one byte of the database changes. A value the
 * sheet could not carry exactly is refused when it is sent, with its reason, never altered on the way back.
 */
import { dumpDiff, dumpTables } from '../helpers/db-dump';
import { getFile, postWorkbook } from '../helpers/files';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { type SheetRowIn } from '../helpers/sync';
import { thresholdsAt80And60 } from '../helpers/indicator-cells';

type Variant = { name: string; cells: Partial<SheetRowIn>; refused?: string };

const VARIANTS: Variant[] = [
  { name: 'actual with spaces around', cells: { actual: ' 5 ' } },
  { name: 'actual behind a tab', cells: { actual: '\t5' } },
  { name: 'actual with a trailing line break', cells: { actual: '5\n' } },
  { name: 'target with spaces around', cells: { target: ' 12 ' } },
  { name: 'later target with spaces', cells: { futureTargets: [{ year: 2023, value: ' 15 ' }] } },
  {
    name: 'thresholds with spaces and a tab',
    cells: {
      thresholds: thresholdsAt80And60(' 10 ', '\t8'),
    },
  },
  {
    name: 'the smallest double as a threshold score',
    cells: { thresholds: [{ score: 5e-324, value: '1' }] },
    refused: 'thresholds.0:THRESHOLD_SCORE',
  },
  { name: 'a threshold score of a third', cells: { thresholds: [{ score: 1 / 3, value: '1' }] } },
  { name: 'a threshold score of 12.345678%', cells: { thresholds: [{ score: 0.12345678, value: '1' }] } },
  { name: 'the smallest double as an actual', cells: { actual: '5e-324' }, refused: 'actual:NOT_A_VALUE' },
  {
    name: 'the largest double as an actual',
    cells: { actual: '1,7976931348623157e308' },
    refused: 'actual:NOT_A_VALUE',
  },
  {
    name: 'the largest double written out',
    cells: {
      actual:
        '179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
    },
  },
  { name: 'a tiny decimal', cells: { actual: '0,000000000000000000001' } },
  { name: 'minus zero', cells: { actual: '-0' } },
  { name: 'leading zeros', cells: { actual: '00012' } },
  { name: 'thousands and decimals', cells: { actual: '1.234.567,891' } },
  { name: 'a percent with a space', cells: { actual: '3,25 %' } },
  { name: 'not available', cells: { actual: 'n.d.' } },
  { name: 'a weight of a third', cells: { weight: '33,333333333333336' } },
  { name: 'a tiny weight', cells: { weight: '0,000001' } },
  { name: 'a note with spaces around', cells: { note: '  spazi  ai lati  ' } },
  { name: 'a note with CRLF', cells: { note: 'riga uno\r\nriga due' } },
  { name: 'a note with a tab inside', cells: { note: 'tab\tinterno' } },
  { name: 'a note of markup', cells: { note: ']]>&<b>"\'</b>' } },
  { name: 'a note with an emoji', cells: { note: '📈 grafico' } },
  { name: 'a note that is a list item', cells: { note: '- voce di elenco' } },
  { name: 'a lone dash', cells: { note: '-' } },
  { name: 'a note of 4,000 characters', cells: { note: 'è'.repeat(4000) } },
  { name: 'a decomposed accent in the KPI', cells: { kpi: 'Citta\u0300 e re\u0301te' } },
  { name: 'a title with spaces around', cells: { title: '  Titolo con spazi  ' } },
  { name: 'a title with a line break', cells: { title: 'prima riga\nseconda riga' } },
  { name: 'a neutralisation reason with spaces', cells: { neutralised: 'SI', neutralisationReason: ' emergenza ' } },
  { name: 'a unit with spaces', cells: { unit: ' gg ' } },
];

describeOnSondrio('export → import of an unchanged workbook changes nothing (%s)', (sondrio) => {
  const accepted: string[] = [];
  const rowsSent: SheetRowIn[] = [];

  beforeAll(async () => {
    const { plan, sheet } = sondrio;
    const indicators = plan.rows.filter((r) => r.level === 'INDICATOR');
    expect(indicators.length).toBeGreaterThan(VARIANTS.length);
    const rows = VARIANTS.map((v, i) => ({
      rowId: indicators[i].rowId,
      rowVersion: indicators[i].rowVersion,
      ...v.cells,
    }));
    rowsSent.push(...rows);
    const result = await sheet.sync(rows);
    const outcomes = result.rows.map((r, i) => ({
      name: VARIANTS[i].name,
      status: r.status,
      errors: r.errors.map((e) => `${e.column}:${e.code}`),
    }));
    const wanted = VARIANTS.map((v) =>
      v.refused
        ? { name: v.name, status: 'REJECTED', errors: [v.refused] }
        : { name: v.name, status: 'UPDATED', errors: [] },
    );
    expect(outcomes).toEqual(wanted);
    accepted.push(...VARIANTS.filter((v) => !v.refused).map((v) => v.name));
  });

  it('leaves every table byte for byte as it was', async () => {
    const { server, plan, sheet } = sondrio;
    expect(accepted.length).toBeGreaterThan(25);
    // a token's last use is a hint written at most once a minute on the server's clock, which stands still here
    const before = await dumpTables(server);
    const file = await getFile(server, `/export/plan.xlsx?planId=${plan.planId}&year=2022`);
    expect(file.status).toBe(200);
    const { status, json } = await postWorkbook(server, `planId=${plan.planId}`, file.body);
    expect(status).toBe(200);
    const names = new Map(rowsSent.map((r, i) => [r.rowId, VARIANTS[i].name]));
    const changed = json.rows.filter((r: { status: string }) => r.status !== 'unchanged');
    expect(changed.map((r: { rowId: string; status: string }) => `${names.get(r.rowId)}: ${r.status}`)).toEqual([]);
    const after = await dumpTables(server);
    expect(dumpDiff(before, after)).toEqual([]);
    expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(400);
    // what was stored is what the sheet contract says: value cells trimmed, line breaks as \n, scores exact
    const { rows } = await sheet.read();
    const stored = (name: string) =>
      rows.find((r) => r.rowId === rowsSent[VARIANTS.findIndex((v) => v.name === name)].rowId)!;
    expect(
      ['actual with spaces around', 'actual behind a tab', 'actual with a trailing line break'].map(
        (n) => stored(n).actual?.raw,
      ),
    ).toEqual(['5', '5', '5']);
    expect(stored('thresholds with spaces and a tab').thresholds.map((t) => t.value.raw)).toEqual(['10', '8']);
    expect(stored('a threshold score of a third').thresholds[0].score).toBe(1 / 3);
    expect(stored('a threshold score of 12.345678%').thresholds[0].score).toBe(0.12345678);
    expect(stored('a note with CRLF').note).toBe('riga uno\nriga due');
    expect(stored('a decomposed accent in the KPI').kpi).toBe('Città e réte');
  });
});
