import fs from 'node:fs';
import path from 'node:path';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { getFile, loadXlsx, REPORT_KINDS } from '../helpers/files';
import { notItalian } from '../helpers/italian-scan';
import { plainText } from '../helpers/pdf-pages';
import { ok } from '../helpers/sync';

/**
 * Issue 14, item 8 and defect 8: the plan `npm start` loads comes with example 30/6 and 31/12 values, marked as
 * examples in the data and on every output, so the README's score query answers with real percentages.
 */
const README_QUERY =
  '{ strategicObjectives(filter: { code: "1" }) { title realization(year: 2022) { display achieved text } } }';

/** the README's "Scores" section: its query, and the answer it promises on a fresh machine */
function readmeScores(): { query: string; display: string; text: string } {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Scores\n'));
  const query = /```graphql\n([\s\S]*?)```/.exec(section)![1];
  const promise = /it answers `"display": "([^"]+)"`, `"achieved": true`,\s*`"text": "([^"]+)"`/.exec(section)!;
  return { query, display: promise[1], text: promise[2] };
}

describe.each(databaseNames())('first start with example values (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect, { seed: true, exampleValues: true });
    planId = ok(await server.gql('{ planVersions { id } }')).planVersions[0].id;
  });
  afterAll(() => server?.close());

  it("defect 8 · the README's score query answers with a computed percentage", async () => {
    const [objective] = ok(await server.gql(README_QUERY)).strategicObjectives;
    expect(objective.realization).toMatchObject({
      display: expect.stringMatching(/^\d+%$/),
      achieved: expect.any(Boolean),
    });
    console.log(JSON.stringify(objective.realization));
    const midYear = ok(
      await server.gql(
        '{ strategicObjectives(filter: { code: "1" }) { realization(year: 2022, checkpoint: MID_YEAR) { display } } }',
      ),
    ).strategicObjectives[0].realization;
    expect(midYear.display).toBe('88%');
  });

  it("defect 8 · the README's own query answers what the README says it does", async () => {
    const promised = readmeScores();
    const answer = ok(await server.gql(promised.query)).strategicObjectivesConnection.edges[0].node.realization;
    expect(answer).toEqual({ display: promised.display, achieved: true, text: promised.text });
  });

  it('marks the values as examples in the data and on every output', async () => {
    const plan = ok(
      await server.gql(`query($p: ID!) { planVersion(id: $p) { label realization(year: 2022) { display } } }`, {
        p: planId,
      }),
    ).planVersion;
    expect(plan).toEqual({
      label: 'Piano 2022-2024 REV. 0 — VALORI DI ESEMPIO, non ufficiali (example values, not official)',
      realization: { display: '89%' },
    });
    const measurements = ok(
      await server.gql('{ measurements(first: 100) { totalCount edges { node { note author checkpoint } } } }'),
    ).measurements;
    expect(measurements.totalCount).toBe(48 + 47);
    const nodes = measurements.edges.map((e: any) => e.node);
    expect(nodes.every((m: any) => m.note === 'valore di esempio, non ufficiale (example value, not official)')).toBe(
      true,
    );
    const report = ok(
      await server.gql(
        `query($p: ID!) { report(planId: $p, year: 2022) { title rows { level code actual realization } } }`,
        { p: planId },
      ),
    ).report;
    expect(report.title).toContain('VALORI DI ESEMPIO, non ufficiali');
    expect(report.rows.find((r: any) => r.code === '1.1.3')).toEqual({
      level: 'INDICATOR',
      code: '1.1.3',
      actual: '75',
      realization: '80%',
    });
    // the Relazione as a document carries the label in its heading
    const html = await getFile(server, `/reports/relazione.html?planId=${planId}&year=2022`);
    expect(html.status).toBe(200);
    expect(html.body.toString('utf8')).toContain('VALORI DI ESEMPIO, non ufficiali');
    // and the sheet (the pane) shows each value's note
    const rows = ok(
      await server.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { code actual { raw } note } } }`,
        { p: planId },
      ),
    ).sheetRows.rows.filter((r: any) => r.actual);
    expect(rows).toHaveLength(47);
    expect(rows.every((r: any) => r.note === 'valore di esempio, non ufficiale (example value, not official)')).toBe(
      true,
    );
  });
});

describe('every document of the first start says its values are examples, in Italian (sqlite)', () => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer('sqlite', { seed: true, exampleValues: true });
    planId = ok(await server.gql('{ planVersions { id } }')).planVersions[0].id;
  });
  afterAll(() => server?.close());

  it.each(REPORT_KINDS)(
    '%s: HTML and xlsx carry "VALORI DI ESEMPIO", the Italian with no English half',
    async (kind) => {
      const html = await getFile(server, `/reports/${kind}.html?planId=${planId}&year=2022`);
      expect(html.status).toBe(200);
      const text = plainText(html.body.toString('utf8'));
      expect(text).toContain('Piano 2022-2024 REV. 0 — VALORI DI ESEMPIO, non ufficiali');
      expect(text).not.toContain('example values');
      // with actual values every document has more to say than on the test seed: still no English, no raw code
      expect(notItalian(text.replace(/"[^"]*"/g, '""'))).toEqual([]);
      const wb = await loadXlsx((await getFile(server, `/reports/${kind}.xlsx?planId=${planId}&year=2022`)).body);
      const cells = wb.worksheets.flatMap((ws) => {
        const out: string[] = [];
        ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
        return out;
      });
      expect(cells.some((c) => c.includes('VALORI DI ESEMPIO, non ufficiali'))).toBe(true);
      expect(cells.filter((c) => c.includes('example values'))).toEqual([]);
    },
  );
});

describe.each(databaseNames())('the test seed stays without actual values (%s)', (dialect) => {
  it('has no measurement, so the tests that assume none keep their meaning', async () => {
    const server = await startServer(dialect, { seed: true });
    try {
      const { measurements } = ok(await server.gql('{ measurements(first: 5) { edges { node { id } } } }'));
      expect(measurements.edges).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
