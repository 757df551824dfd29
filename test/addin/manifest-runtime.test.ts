/**
 * The manifest's shared runtime, ribbon tab, keyboard shortcuts and custom functions (issue 18, item 1 and 2): the
 * structure Excel needs to run the pane, the commands and the CRUSCOTTO.* functions in one page, with the
 * shortcuts file and the runtime's action ids agreeing with it. manifest.test.ts checks the rest of the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RIBBON_ACTIONS } from '../../addin/src/commands/ribbon';
import { type XmlElement, child, parseXml, walk } from './xml';

const ROOT = path.join(__dirname, '..', '..');
const manifest = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

function all(name: string, where: (e: XmlElement) => boolean = () => true): XmlElement[] {
  const out: XmlElement[] = [];
  walk(manifest, (e) => {
    if (e.name === name && where(e)) out.push(e);
  });
  return out;
}
const one = (name: string, where?: (e: XmlElement) => boolean) => {
  const found = all(name, where);
  expect({ name, count: found.length }).toEqual({ name, count: 1 });
  return found[0];
};
/** a resource's default value and its Italian override */
function resource(id: string): { en: string; it: string | null } {
  const found = [...all('bt:String'), ...all('bt:Url')].find((e) => e.attributes.id === id);
  if (!found) throw new Error(`no resource ${id}`);
  const it = found.children.find((c) => c.name === 'bt:Override' && c.attributes.Locale === 'it-IT');
  return { en: found.attributes.DefaultValue, it: it?.attributes.Value ?? null };
}
const versionOverrides = () => child(manifest, 'VersionOverrides')!;

describe('manifest.xml: one shared runtime', () => {
  it('requires SharedRuntime 1.1 and runs the pane page as a long-lived runtime', () => {
    const set = one('bt:Set', (e) => e.attributes.Name === 'SharedRuntime');
    expect(set.attributes.MinVersion).toBe('1.1');
    expect(child(versionOverrides(), 'Requirements')).toBeDefined();
    const runtime = one('Runtime');
    expect(runtime.attributes).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
  });

  it('gives the ribbon, the functions and the pane the same page', () => {
    expect(one('FunctionFile').attributes.resid).toBe('Taskpane.Url');
    const functions = one('ExtensionPoint', (e) => e.attributes['xsi:type'] === 'CustomFunctions');
    expect(child(child(functions, 'Page')!, 'SourceLocation')!.attributes.resid).toBe('Taskpane.Url');
    expect(resource('Taskpane.Url').en).toBe('https://localhost:3000/taskpane.html');
  });
});

describe('manifest.xml: the ribbon tab "Cruscotto"', () => {
  const tab = () => one('CustomTab');
  const buttons = () =>
    all('Control').map((c) => ({
      label: resource(child(c, 'Label')!.attributes.resid),
      action: child(c, 'Action')!,
    }));

  it('is a tab of its own, labelled Cruscotto, with the five commands in Italian and English', () => {
    expect(resource(child(tab(), 'Label')!.attributes.resid)).toEqual({ en: 'Cruscotto', it: 'Cruscotto' });
    expect(buttons().map((b) => b.label.it)).toEqual([
      'Sincronizza',
      'Aggiorna',
      'Apri riquadro',
      'Perché?',
      'Cronologia',
    ]);
    expect(buttons().map((b) => b.label.en)).toEqual(['Sync', 'Refresh', 'Open pane', 'Why?', 'History']);
    // every button is in a group of the tab, and every control has a tooltip in both languages
    expect(
      tab()
        .children.filter((c) => c.name === 'Group')
        .flatMap((g) => g.children.filter((c) => c.name === 'Control')),
    ).toHaveLength(5);
    for (const control of all('Control')) {
      const tip = resource(child(child(control, 'Supertip')!, 'Description')!.attributes.resid);
      expect(tip.it).toEqual(expect.any(String));
    }
  });

  it("runs the runtime's actions: each ExecuteFunction names an action the pane associates", () => {
    const functions = buttons()
      .filter((b) => b.action.attributes['xsi:type'] === 'ExecuteFunction')
      .map((b) => child(b.action, 'FunctionName')!.text.trim());
    expect(functions).toEqual(['SYNC', 'REFRESH', 'WHY', 'HISTORY']);
    for (const name of functions) expect(RIBBON_ACTIONS).toContain(name);
    const show = buttons().filter((b) => b.action.attributes['xsi:type'] === 'ShowTaskpane');
    expect(show.map((b) => b.label.it)).toEqual(['Apri riquadro']);
  });
});

describe('manifest.xml: keyboard shortcuts (ExtendedOverrides)', () => {
  const overrides = () => child(manifest, 'ExtendedOverrides')!;
  const shortcuts = () => readJson('addin/src/commands/shortcuts.json');
  const resources = () => readJson('addin/src/commands/shortcuts-resources.json').resources;

  it('points at the shortcuts file and its resources, which the build copies', () => {
    expect(overrides().attributes.Url).toBe('https://localhost:3000/shortcuts.json');
    expect(overrides().attributes.ResourceUrl).toBe('https://localhost:3000/shortcuts-resources.json');
    const config = fs.readFileSync(path.join(ROOT, 'addin', 'webpack.config.js'), 'utf8');
    expect(config).toContain("to: 'shortcuts.json'");
    expect(config).toContain("to: 'shortcuts-resources.json'");
  });

  it('declares every runtime action once, with a shortcut each, named in Italian and English', () => {
    const { actions, shortcuts: keys } = shortcuts();
    expect(actions.map((a: { id: string }) => a.id)).toEqual([...RIBBON_ACTIONS]);
    expect(keys.map((k: { action: string }) => k.action).sort()).toEqual([...RIBBON_ACTIONS].sort());
    const defaults = keys.map((k: { key: { default: string } }) => k.key.default);
    expect(new Set(defaults).size).toBe(defaults.length);
    // Excel wants Ctrl or Alt in an add-in's shortcut; with both and Shift it stays clear of Excel's own
    for (const key of defaults) expect(key).toMatch(/^Ctrl\+Alt\+Shift\+[A-Z]$/);
    for (const action of actions) {
      const name = /^\$\{resource\.(\w+)\}$/.exec(action.name)![1];
      expect(resources().default[name].value).toEqual(expect.any(String));
      expect(resources()['it-IT'][name].value).toEqual(expect.any(String));
      expect(resources()['it-IT'][name].value).not.toBe(resources().default[name].value);
    }
  });
});

describe('manifest.xml: the CRUSCOTTO.* functions', () => {
  it('declares the namespace, the script and the metadata, Italian names for an Italian Excel', () => {
    const functions = one('ExtensionPoint', (e) => e.attributes['xsi:type'] === 'CustomFunctions');
    expect(functions.children.map((c) => c.name)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    expect(resource(child(functions, 'Namespace')!.attributes.resid)).toEqual({ en: 'CRUSCOTTO', it: 'CRUSCOTTO' });
    expect(resource('Functions.Script.Url').en).toBe('https://localhost:3000/taskpane.js');
    expect(resource('Functions.Metadata.Url')).toEqual({
      en: 'https://localhost:3000/functions.json',
      it: 'https://localhost:3000/functions-it.json',
    });
    // the localised names come from this table, which the build checks complete
    const italian = readJson('addin/src/functions/italian.json');
    expect(['REALIZATION', 'VALUE', 'TARGET', 'STATUS'].map((id) => italian[id].name)).toEqual([
      'REALIZZAZIONE',
      'VALORE',
      'TARGET',
      'STATO',
    ]);
  });
});
