/**
 * A character XML cannot hold, already in the database (from before the input checks, or a direct edit), must not
 * make an exported workbook unreadable: it is written as U+FFFD and the rest of the file reads back (issue 13,
 * finding 4: one U+FFFF in a title made sharedStrings.xml not well-formed, and re-import said NOT_XLSX).
 */
import { Indicator } from '../../server/entities';
import { getFile, loadXlsx, postWorkbook } from '../helpers/files';
import { describeOnSondrio } from '../helpers/sondrio-server';

const STORED = 'Tempo medio\uFFFF di evasione\u0002 delle pratiche\uFFFE';
const SHOWN = 'Tempo medio\uFFFD di evasione\uFFFD delle pratiche\uFFFD';

describeOnSondrio('exports stay well-formed XML whatever a title holds (%s)', (sondrio) => {
  const cellTexts = async (body: Buffer) => {
    const workbook = await loadXlsx(body);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
    return texts;
  };

  beforeAll(async () => {
    const em = sondrio.server.orm.em.fork();
    const updated = await em.nativeUpdate(Indicator, { id: sondrio.plan.indicator('1.1.1').rowId }, { title: STORED });
    expect(updated).toBe(1);
  });

  it('the plan workbook reads back, with the title shown and every bad character as U+FFFD', async () => {
    const file = await getFile(sondrio.server, `/export/plan.xlsx?planId=${sondrio.plan.planId}&year=2022`);
    expect(file.status).toBe(200);
    const texts = await cellTexts(file.body);
    expect(texts).toContain(SHOWN);
    expect(texts.join('')).not.toMatch(/[\uFFFE\uFFFF\u0002]/);
  });

  it('the exported workbook imports back into the same plan without a file-level refusal', async () => {
    const file = await getFile(sondrio.server, `/export/plan.xlsx?planId=${sondrio.plan.planId}&year=2022`);
    const answer = await postWorkbook(sondrio.server, `planId=${sondrio.plan.planId}&year=2022&dryRun=true`, file.body);
    expect(answer.json?.errors?.[0]?.extensions?.code).not.toBe('NOT_XLSX');
    expect(answer.status).toBe(200);
  });

  it('the Relazione as xlsx reads back with the title shown', async () => {
    const file = await getFile(sondrio.server, `/reports/relazione.xlsx?planId=${sondrio.plan.planId}&year=2022`);
    expect(file.status).toBe(200);
    expect((await cellTexts(file.body)).some((t) => t.includes(SHOWN))).toBe(true);
  });
});
