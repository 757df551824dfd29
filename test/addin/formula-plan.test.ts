/**
 * The plan of a CRUSCOTTO.* formula without [piano] (issue 18): the binding of the sheet Excel has active decides
 * (two bindings of two plans in one workbook), a report sheet without a binding takes the pane's active binding, and
 * a workbook without any binding answers Excel's error with the Italian reason. Real server, real session over the
 * in-memory workbook, the formula cells of the shared runtime.
 */
import type { FetchLike } from '../../addin/src/api/client';
import { FormulaCells, type FormulaHost } from '../../addin/src/functions/cells';
import { formulaWords } from '../../addin/src/functions/words';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import type { WorkbookSession } from '../../addin/src/sync/session';
import { openSession } from '../helpers/addin-session';
import { startSondrioServer, type SondrioServer } from '../helpers/sondrio-server';
import { createOtherPlan } from '../helpers/other-plan';

let sondrio: SondrioServer;
let otherPlanId: string;
let wb: MemoryWorkbook;
let session: WorkbookSession;
const sheets = { sondrio: '', other: '' };
/** the plan of every codeValues request the cells sent */
const asked: string[] = [];

const counting: FetchLike = async (input, init) => {
  const body = JSON.parse(String(init?.body ?? '{}')) as { variables?: { requests?: Array<{ planId: string }> } };
  for (const r of body.variables?.requests ?? []) asked.push(r.planId);
  return fetch(input, init as RequestInit);
};

beforeAll(async () => {
  sondrio = await startSondrioServer('sqlite');
  otherPlanId = (await createOtherPlan(sondrio.server)).planId;
  wb = new MemoryWorkbook();
  session = await openSession(sondrio.server, wb);
  sheets.sondrio = (await session.load({ planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' })).sheet;
  session.addBinding();
  sheets.other = (await session.load({ planId: otherPlanId, year: 2022, checkpoint: 'YEAR_END' })).sheet;
  expect(sheets.other).not.toBe(sheets.sondrio);
}, 120_000);
afterAll(() => sondrio?.server.close());

function hostOf(current: WorkbookSession | null): FormulaHost {
  return {
    target: () => current?.liveTarget ?? null,
    boundPlan: async () => current?.formulaPlan(wb.activeSheet) ?? null,
    fetch: counting,
    language: 'it',
    error: (message) => ({ error: message }),
    subscribe: () => ({ close: async () => undefined }),
    windowMs: 1,
  };
}

/** one CRUSCOTTO.TARGET("1.1.1";2022) cell, without [piano]: what it shows and the plan it asked */
async function targetCell(cells: FormulaCells): Promise<{ shown: unknown; plan: string | undefined }> {
  asked.length = 0;
  const shown = await new Promise((resolve) =>
    cells.ask('target', { code: '1.1.1', year: 2022 }, { setResult: resolve }),
  );
  return { shown, plan: asked[0] };
}

test("the active sheet's binding decides the plan; a report sheet takes the pane's active binding", async () => {
  const cells = new FormulaCells();
  cells.configure(hostOf(session));
  await wb.activateSheet(sheets.other);
  expect((await targetCell(cells)).plan).toBe(otherPlanId);
  await wb.activateSheet(sheets.sondrio);
  const onSondrio = await targetCell(cells);
  expect(onSondrio.plan).toBe(sondrio.plan.planId);
  expect(onSondrio.shown).toBe(
    sondrio.plan.indicator('1.1.1').target!.number ?? sondrio.plan.indicator('1.1.1').target!.raw,
  );
  // a report sheet has no binding: the pane's active one (the other plan's, made active from its sheet) decides
  session.activate(sheets.other);
  wb.activeSheet = 'Relazione';
  expect((await targetCell(cells)).plan).toBe(otherPlanId);
});

test("without any binding: Excel's error with the Italian reason, and nothing asked of the server", async () => {
  const cells = new FormulaCells();
  const empty = await openSession(sondrio.server, new MemoryWorkbook());
  cells.configure(hostOf(empty));
  const { shown, plan } = await targetCell(cells);
  expect(shown).toEqual({ error: formulaWords.it.noPlan });
  expect(plan).toBeUndefined();
});
