/**
 * Issue 14, item 6, beyond the printed pages (reports-sign.test.ts scans those, errors-italian.test.ts the GraphQL
 * errors): every Italian text a user reads from the API — plan lint findings, report notes, the sheet's cell errors,
 * import review reports of every seed family — and every cell of every xlsx document has no English word and no raw
 * code. Quoted text ("…", the user's own titles and values) is the user's words and is left out of the scan.
 */
import * as fs from 'fs';
import { getFile, loadXlsx, REPORT_KINDS } from '../helpers/files';
import { notItalian, withoutQuotes as quotedOut } from '../helpers/italian-scan';
import { seedPath } from '../helpers/seeds';
import { withServer } from '../helpers/server';
import { withSondrioServer } from '../helpers/sondrio-server';
import { ok, syncRaw } from '../helpers/sync';

/** Leaks per text, keyed by where the text came from, so a failure names the message to fix. */
function leaksOf(texts: Array<[string, string | null | undefined]>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [where, text] of texts) {
    const leaks = text ? notItalian(quotedOut(text)) : [];
    if (leaks.length) found[`${where}: ${text}`] = leaks;
  }
  return found;
}

describe('Italian messages from the API and the xlsx documents (Sondrio, sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');

  it('plan lint: every finding in Italian, polarity evidence included', async () => {
    const { server, plan } = sondrio;
    const issues: Array<{ code: string; subjectCode: string; messageIt: string }> = ok(
      await server.gql(`query($p: ID!) { planLint(planId: $p) { code subjectCode messageIt } }`, { p: plan.planId }),
    ).planLint;
    expect(new Set(issues.map((i) => i.code)).size).toBeGreaterThan(2);
    // the fixture's evidence is stored "italiano — English": the Italian message carries only the Italian half
    const unconfirmed = issues.find((i) => i.code === 'POLARITY_UNCONFIRMED' && i.subjectCode === '3.1.1')!;
    expect(unconfirmed.messageIt).toContain('più basso è meglio');
    expect(unconfirmed.messageIt).not.toContain('lower is better');
    expect(leaksOf(issues.map((i) => [`${i.code} ${i.subjectCode}`, i.messageIt]))).toEqual({});
  });

  it('report notes: every row and the total', async () => {
    const { server, plan } = sondrio;
    const report = ok(
      await server.gql(`query($p: ID) { report(planId: $p, year: 2022) { rows { code noteIt } total { noteIt } } }`, {
        p: plan.planId,
      }),
    ).report;
    const rows: Array<{ code: string | null; noteIt: string | null }> = report.rows;
    expect(rows.filter((r) => r.noteIt).length).toBeGreaterThan(5);
    expect(
      leaksOf([
        ...rows.map((r) => [`row ${r.code}`, r.noteIt] as [string, string | null]),
        ['total', report.total?.noteIt],
      ]),
    ).toEqual({});
  });

  it('the sheet: cell errors a user gets for bad cells', async () => {
    const { server, plan } = sondrio;
    const indicator = plan.indicator('1.1.2');
    const objective = plan.operational('1.3');
    const result = ok(
      await syncRaw(server, {
        planId: plan.planId,
        rows: [
          { rowId: indicator.rowId, rowVersion: indicator.rowVersion, actual: 'forse', weight: '-5' },
          { rowId: objective.rowId, rowVersion: objective.rowVersion, weight: 'molto' },
          {
            level: 'indicatore',
            code: '1.1.2',
            title: 'Doppione',
            parentRef: objective.rowId,
            target: '30/02/2022',
            polarity: 'forse',
          },
        ],
      } as never),
    ).syncRows;
    const errors: Array<{ column: string; code: string; messageIt: string }> = result.rows.flatMap(
      (r: { errors: Array<{ column: string; code: string; messageIt: string }> }) => r.errors,
    );
    expect(errors.length).toBeGreaterThan(2);
    expect(leaksOf(errors.map((e) => [`${e.column} ${e.code}`, e.messageIt]))).toEqual({});
  });

  it('every xlsx document: sheet names, headers, cells, page header and footer', async () => {
    const { server, plan } = sondrio;
    const found: Record<string, Record<string, string[]>> = {};
    for (const kind of REPORT_KINDS) {
      const file = await getFile(server, `/reports/${kind}.xlsx?planId=${plan.planId}&year=2022`);
      expect(file.status).toBe(200);
      const texts: Array<[string, string]> = [];
      for (const ws of (await loadXlsx(file.body)).worksheets) {
        texts.push(
          [`sheet`, ws.name],
          ['header', ws.headerFooter.oddHeader ?? ''],
          ['footer', ws.headerFooter.oddFooter ?? ''],
        );
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            if (typeof cell.value === 'string') texts.push([`${ws.name}!${r}:${c}`, cell.value]);
          }),
        );
      }
      const leaks = leaksOf(texts);
      if (Object.keys(leaks).length) found[kind] = leaks;
    }
    expect(found).toEqual({});
  });
});

describe('import review reports, Italian half (sqlite)', () => {
  // an empty database: the seeded Sondrio plan would make the Sondrio file "already imported"
  const server = withServer('sqlite');

  it.each([
    ['Sondrio', '004_fa97ad9e72b5b7ce.txt'],
    ['Brescia', '003_a0c237837c23239d.txt'],
    ['Bergamo 2021', '002_cb68e27bcf5376bc.txt'],
    ['Bergamo 2020', '000_48094bd99496ed76.txt'],
  ])(
    '%s: every review entry',
    async (_family, seed) => {
      const review = ok(
        await server.gql(
          `mutation($input: ImportPlanInput!) { importPlan(input: $input) { review { entries { kind code messageIt } } } }`,
          { input: { fileName: seed, content: fs.readFileSync(seedPath(seed), 'utf8') } },
        ),
      ).importPlan.review;
      const entries: Array<{ kind: string; code: string; messageIt: string }> = review.entries;
      expect(entries.length).toBeGreaterThan(5);
      expect(leaksOf(entries.map((e) => [`${e.kind} ${e.code}`, e.messageIt]))).toEqual({});
    },
    120_000,
  );
});
