/**
 * Issue 14, item 2, from the pane: the controller sees the bound plan's polarities that a value or the default
 * decided (planLint POLARITY_UNCONFIRMED / POLARITY_NOT_STATED) and confirms them all with one click, which calls
 * confirmPolarities on the server. Without the "accept the suggestions" box ticked no polarity changes: the words
 * of a KPI never change a score by themselves.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSuite, useLoadedPane, OPERATION_TIMEOUT_MS } from '../e2e-pane';

const LINT = `query($p: ID!) { planLint(planId: $p) { code subjectId } }`;
const POLARITIES = `query($p: ID!) { indicators(filter: { planId: $p }, first: 500) { edges { node { id polarity } } } }`;
const UNCONFIRMED = new Set(['POLARITY_UNCONFIRMED', 'POLARITY_NOT_STATED']);

browserSuite('scenarios/polarity')('polarities confirmed from the pane', () => {
  // the confirmation's own words are what this scenario reads: without live updates (the websocket refused, polling
  // every 10 minutes), the refresh that the confirmed rows' new versions bring cannot write over them meanwhile
  const pane = useLoadedPane({ websockets: 'refuse', search: '?pollSeconds=600' });
  const { step } = pane;

  const lint = async () => {
    const answer = await pane.api.gql(LINT, { p: pane.planId });
    expect(answer.errors).toBeUndefined();
    return answer.data.planLint as Array<{ code: string; subjectId: string }>;
  };
  const polarities = async () => {
    const answer = await pane.api.gql(POLARITIES, { p: pane.planId });
    expect(answer.errors).toBeUndefined();
    return new Map(
      (answer.data.indicators.edges as Array<{ node: { id: string; polarity: string } }>).map((e) => [
        e.node.id,
        e.node.polarity,
      ]),
    );
  };

  step('item 2 · the pane lists the polarities nobody confirmed, and confirms them all in one click', async () => {
    const unconfirmed = (await lint()).filter((i) => UNCONFIRMED.has(i.code));
    expect(unconfirmed.length).toBeGreaterThan(0);
    const before = await polarities();

    await pane.page.waitForSelector('#polarity:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
    expect(await pane.page.textContent('#polarity-heading')).toBe('Polarità da confermare');
    expect(await pane.page.textContent('#polarity-count')).toContain(`${unconfirmed.length} indicatori`);
    expect(await pane.page.$$eval('#polarity-list li', (lis) => lis.length)).toBeGreaterThan(0);
    expect(await pane.page.textContent('#polarity-confirm')).toBe(`Conferma tutte (${unconfirmed.length})`);
    // the pane as its user sees it, to look at (not compared)
    await pane.page.screenshot({ path: join(tmpdir(), 'cruscotto-pane-polarity.png'), fullPage: true });
    // the suggestions box, if shown, stays unticked: nothing but the confirmation is asked for
    expect(await pane.page.isChecked('#polarity-accept')).toBe(false);

    expect(await pane.press('#polarity-confirm')).toBe(`Polarità confermate: ${unconfirmed.length}.`);
    expect((await lint()).filter((i) => UNCONFIRMED.has(i.code))).toEqual([]);
    // confirmed as they were: no polarity changed
    expect(await polarities()).toEqual(before);
    await pane.page.waitForSelector('#polarity', { state: 'hidden', timeout: OPERATION_TIMEOUT_MS });
    expect(pane.pageErrors).toEqual([]);
  });
});
