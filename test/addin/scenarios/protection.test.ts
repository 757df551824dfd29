/**
 * Issue 12, defects 6 and 7, items 4 and 8: what the sheet lets people type, and what a Sync does with what the
 * plan or the role refuses. The pane in Chromium against the real server (Sondrio plan); typing goes through the
 * faithful double's user, which refuses a locked cell of a protected sheet as Excel does.
 */
import { LEVEL_LABEL } from '@core/sheet/layout';
import { messages } from '../../../addin/src/i18n';
import {
  browserSuite,
  header,
  status,
  ui,
  useLoadedPane,
  usePane,
  type PaneSession,
  SETUP_TIMEOUT_MS,
} from '../e2e-pane';

const suite = browserSuite('scenarios/protection');

/** Excel's refusal of a locked cell on a protected sheet (RichApi.Error AccessDenied, "You cannot perform…") */
const REFUSED = /AccessDenied|cannot perform the requested operation/;

/** typing into a cell; null when Excel took it, the refusal's text otherwise */
async function tryTyping(pane: PaneSession, row: number, key: Parameters<PaneSession['typeInCell']>[1], value: string) {
  try {
    await pane.typeInCell(row, key, value);
    return null;
  } catch (error) {
    return String(error);
  }
}

/** each of these columns refuses typing in `row` (the key is compared too, so a failure names the column) */
async function expectLocked(
  pane: PaneSession,
  row: number,
  keys: ReadonlyArray<Parameters<PaneSession['typeInCell']>[1]>,
) {
  for (const key of keys)
    expect({ key, refused: await tryTyping(pane, row, key, '1') }).toMatchObject({
      key,
      refused: expect.stringMatching(REFUSED),
    });
}

async function sondrioOrganisation(pane: PaneSession): Promise<string> {
  const answer = await pane.api.gql('{ planVersions { id label organisation { id name } } }');
  const plan = (answer.data.planVersions as Array<{ label: string; organisation: { id: string } }>).find(
    (p) => p.label === 'Piano 2022-2024 REV. 0',
  );
  if (!plan) throw new Error('the Sondrio plan is not seeded');
  return plan.organisation.id;
}

suite('protection: a viewer (OIV)', () => {
  const pane = usePane();
  beforeAll(async () => {
    const viewer = await pane.api.as('viewer', await sondrioOrganisation(pane));
    await pane.connectAndLoad(viewer.token);
  }, SETUP_TIMEOUT_MS);

  it('defect 6 · a viewer loads the plan into a read-only pane: Sync is off, an Italian message says why, and nothing can be typed to wait forever', async () => {
    expect(await pane.page.isDisabled('#sync')).toBe(true);
    expect(await pane.page.textContent('#access')).toBe(ui.readOnlyViewer);
    expect(await pane.page.isVisible('#access')).toBe(true);
    const view = await pane.sheet();
    const indicator = pane.editableIndicators(view)[0];
    expect(await tryTyping(pane, indicator.position, 'actual', indicator.target)).toMatch(REFUSED);
    expect(pane.rowOf(await pane.sheet(), indicator.id)[pane.col('actual')]).toBe(indicator.row[pane.col('actual')]);
  });

  it('item 4 · a viewer gets a protected sheet: every column is locked, input and computed alike', async () => {
    const view = await pane.sheet();
    const row = view.rows.findIndex((r) => r[pane.col('level')] === LEVEL_LABEL.indicator);
    await expectLocked(pane, row, ['title', 'weight', 'note', 'realization', 'syncStatus']);
  });
});

suite('protection: an editor on a draft plan', () => {
  const pane = useLoadedPane();

  it('item 4 · computed and system columns are locked, input columns stay open', async () => {
    const indicator = pane.editableIndicators(await pane.sheet())[0];
    await expectLocked(pane, indicator.position, ['realization', 'syncMessage', 'rowId', 'rowVersion', 'rowHash']);
    expect(await tryTyping(pane, indicator.position, 'note', 'verificato')).toBeNull();
    expect(await pane.page.isDisabled('#sync')).toBe(false);
    expect(await pane.page.isVisible('#access')).toBe(false);
  });

  it('defect 7 · a value typed over "% Realizzazione" (protection lifted) does not survive Sync', async () => {
    // a scored indicator: its target typed as its actual
    const indicator = pane.editableIndicators(await pane.sheet())[0];
    await pane.typeInCell(indicator.position, 'actual', indicator.target);
    await pane.press('#sync');
    const id = indicator.id;
    const scored = indicator.position;
    const server = (await pane.serverRows()).get(id)!.realization?.score;
    expect(typeof server).toBe('number');
    await pane.liftProtection();
    const shown = async () => Number(pane.rowOf(await pane.sheet(), id)[pane.col('realization')]);
    expect(await shown()).toBeCloseTo(server!, 9);
    expect(await tryTyping(pane, scored, 'realization', '0.05')).toBeNull();
    expect(await shown()).toBe(0.05);
    await pane.press('#sync');
    expect(await shown()).toBeCloseTo(server!, 9);
    // and the sheet is protected again
    expect(await tryTyping(pane, scored, 'realization', '0,05')).toMatch(REFUSED);
  });
});

suite('protection: an approved plan', () => {
  const pane = usePane();
  beforeAll(async () => {
    const plans = await pane.api.gql('{ planVersions { id label } }');
    const plan = (plans.data.planVersions as Array<{ id: string; label: string }>).find(
      (p) => p.label === 'Piano 2022-2024 REV. 0',
    )!;
    const approved = await pane.api.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { status } }`, {
      p: plan.id,
    });
    expect(approved.errors).toBeUndefined();
    await pane.connectAndLoad();
  }, SETUP_TIMEOUT_MS);

  it('item 4 · on an approved plan the structure columns are locked and the actual-value columns stay open', async () => {
    expect(await pane.page.textContent('#access')).toBe(ui.approvedOnly);
    const indicator = pane.editableIndicators(await pane.sheet())[0];
    await expectLocked(pane, indicator.position, ['code', 'title', 'weight', 'thresholds', 'parentCode']);
    expect(await tryTyping(pane, indicator.position, 'note', 'verificato')).toBeNull();
  });

  it('item 8 · changing Peso and the actual of one row keeps the actual and reports Peso alone, highlighted and listed', async () => {
    await pane.liftProtection();
    const view = await pane.sheet();
    const indicator = pane.editableIndicators(view).find((r) => String(r.row[pane.col('weight')]).trim() !== '')!;
    const before = (await pane.serverRows()).get(indicator.id)!;
    await pane.typeInCell(indicator.position, 'weight', '41');
    await pane.typeInCell(indicator.position, 'actual', indicator.target);
    await pane.press('#sync');

    const after = (await pane.serverRows()).get(indicator.id)!;
    expect(after.actual?.raw).toBe(indicator.target);
    expect(after.weight).toBe(before.weight);
    expect(after.rowVersion).toBeGreaterThan(before.rowVersion);

    const row = pane.rowOf(await pane.sheet(), indicator.id);
    expect(row[pane.col('syncStatus')]).toBe(status.PARTIAL);
    expect(row[pane.col('rowVersion')]).toBe(after.rowVersion);
    expect(String(row[pane.col('syncMessage')])).toContain(header('weight'));
    const weightCell = await pane.page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h), [
      pane.table,
      indicator.position,
      header('weight'),
    ] as const);
    expect(weightCell.fill).not.toBeNull();
    const actualCell = await pane.page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h), [
      pane.table,
      indicator.position,
      header('actual'),
    ] as const);
    expect(actualCell.fill).toBeNull();
    const listed = await pane.page.$$eval('#error-list li', (items) => items.map((i) => i.textContent ?? ''));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(header('weight'));
    expect(listed[0]).toContain('struttura e target non possono cambiare');
    expect(messages.it.sync.status.PARTIAL).toBe('RIFIUTATA IN PARTE');
  });
});
