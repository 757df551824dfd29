/**
 * The scope choice of "Nuovo collegamento" for the user it serves (follow-up of issue 18, item 7): a unit editor
 * who has loaded the plan opens "Nuovo collegamento", chooses "Righe del foglio: Una unità responsabile" and is
 * offered only their own units (the server's bindableScopes, by the rule that checks a sheet's scope), and under
 * "Un cruscotto" only the cruscotti their units own; a unit editor assigned to no unit is told why in Italian, and
 * Carica and Collega are off. Pictures: cruscotto-pane-scope-own.png, cruscotto-pane-scope-none.png.
 */
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bindingsWords } from '../../../addin/src/taskpane/bindings-words';
import { browserSuite, usePane, OPERATION_TIMEOUT_MS } from '../e2e-pane';

const PANE_PICTURES = process.env.PANE_PICTURES || os.tmpdir();
const words = bindingsWords.it;
type Named = { id: string; name: string };

browserSuite('scenarios/scope-choice')('the scope choice of a unit editor', () => {
  const pane = usePane();
  let page: Page;
  let orgId = '';
  let units: Named[] = [];
  /** the editor's two units, and a cruscotto owned by the first and one owned by a unit not theirs */
  let mine: Named[] = [];
  const cruscotti = { theirs: '', foreign: '' };

  /** what "Unità o cruscotto" offers, once the pane has asked the server */
  const offered = async (kind: 'unit' | 'dashboard'): Promise<string[]> => {
    await page.selectOption('#scope-kind', kind);
    await page.waitForSelector('#scope-target option, #scope-empty:not([hidden])', {
      state: 'attached',
      timeout: OPERATION_TIMEOUT_MS,
    });
    return page.$$eval('#scope-target option', (os) => os.map((o) => o.textContent ?? ''));
  };

  /** the selected option's text when it is wider than what its select shows, else '' (measured in the select's font) */
  const cutShort = (select: string): Promise<string> =>
    page.$eval(select, (el) => {
      const box = el as HTMLSelectElement;
      const text = box.selectedOptions[0]?.textContent ?? '';
      const style = getComputedStyle(box);
      const pen = document.createElement('canvas').getContext('2d')!;
      pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // the arrow of the drop-down takes about 24 px of the inner width
      const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
      return pen.measureText(text).width > room ? text : '';
    });

  beforeAll(async () => {
    page = pane.page;
    const plans = await pane.api.gql('{ planVersions { id label organisation { id units { id name } } } }');
    const sondrio = (
      plans.data.planVersions as Array<{ id: string; label: string; organisation: { id: string; units: Named[] } }>
    ).find((p) => p.label === 'Piano 2022-2024 REV. 0')!;
    orgId = sondrio.organisation.id;
    units = sondrio.organisation.units;
    expect(units.length).toBeGreaterThanOrEqual(4);
    mine = [units[1], units[3]];
    for (const [key, owner] of [
      ['theirs', mine[0]],
      ['foreign', units[2]],
    ] as const) {
      const made = await pane.api.gql(
        `mutation($i: CreateDashboardInput!) { createDashboard(input: $i) { id name } }`,
        { i: { planId: sondrio.id, kind: 'SERVICE', name: `Cruscotto ${owner.name}`, ownerUnitId: owner.id } },
      );
      expect(made.errors).toBeUndefined();
      cruscotti[key] = made.data.createDashboard.name;
    }
  }, 180_000);
  const { step } = pane;

  step(
    'item 7 · a unit editor loads the plan, opens "Nuovo collegamento": "Una unità responsabile" offers only their two units, "Un cruscotto" only the cruscotto one of them owns',
    async () => {
      const editor = await pane.api.as(
        'unit_editor',
        orgId,
        mine.map((u) => u.id),
      );
      await pane.connectAndLoad(editor.token);
      expect(await pane.press('#binding-add')).toBe(words.added);
      const names = await offered('unit');
      expect(names).toEqual(mine.map((u) => u.name).sort((a, b) => a.localeCompare(b, 'it')));
      expect(await page.isHidden('#scope-empty')).toBe(true);
      // the chosen kind and unit read whole in a 350 px pane, not cut to "Una unità respon"
      for (const select of ['#scope-kind', '#scope-target']) expect(await cutShort(select)).toBe('');
      await page.screenshot({ path: path.join(PANE_PICTURES, 'cruscotto-pane-scope-own.png'), fullPage: true });
      const dashboards = await offered('dashboard');
      expect(dashboards).toContain(cruscotti.theirs);
      expect(dashboards).not.toContain(cruscotti.foreign);
    },
  );

  step(
    'item 7 · the editor leaves ("Esci") and a unit editor assigned to no unit connects in the same pane: "Una unità responsabile" says in Italian to ask the controllo di gestione, and Carica is off',
    async () => {
      const unassigned = await pane.api.as('unit_editor', orgId, []);
      // the same pane, not reloaded: the first editor's units must not be offered to the next user
      await page.click('#disconnect');
      await page.fill('#token', unassigned.token);
      await page.click('#connect-button');
      await page.waitForSelector('#plan:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
      await pane.chooseSondrio();
      expect(await offered('unit')).toEqual([]);
      await page.waitForSelector('#scope-empty:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
      expect(await page.textContent('#scope-empty')).toBe(words.scopeUnassigned);
      expect(words.scopeUnassigned).toMatch(/^Non è assegnato a nessuna unità: chieda al controllo di gestione/);
      expect(await page.isDisabled('#scope-target')).toBe(true);
      await page.screenshot({ path: path.join(PANE_PICTURES, 'cruscotto-pane-scope-none.png'), fullPage: true });
      // the same words under "Un cruscotto": with no unit, no cruscotto is theirs either
      expect(await offered('dashboard')).toEqual([]);
      expect(await page.textContent('#scope-empty')).toBe(words.scopeUnassigned);
      // with nothing to choose, Carica and Collega are off: never the whole plan loaded in the unit's place
      expect(await page.isDisabled('#load')).toBe(true);
      expect(await page.isDisabled('#bind')).toBe(true);
      // "Tutto il piano" needs no unit: Carica is on again
      await page.selectOption('#scope-kind', 'whole');
      expect(await page.isDisabled('#load')).toBe(false);
    },
  );
});
