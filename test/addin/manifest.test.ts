/**
 * Structural test of manifest.xml (the online validator needs network; docs/stack-notes.md §3.9): the ids, the version, every
 * resid defined, every URL https on one host, the schema's element order, icons on disk, Italian overrides.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type XmlElement, child, parseXml, walk } from './xml';

const ROOT = path.join(__dirname, '..', '..');
const manifest = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));

/** xs:sequence of each parent in the TaskPaneApp schemas (TaskPaneAppVersionOverridesV1_0.xsd, OfficeApp 1.1) */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'AllowSnapshot',
    'Dictionary',
    'VersionOverrides',
    'ExtendedOverrides',
  ],
  DefaultSettings: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'EquivalentAddins',
    'WebApplicationInfo',
    'ExtendedPermissions',
  ],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  CustomTab: ['Group', 'Label', 'InsertAfter', 'InsertBefore'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action', 'Enabled'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'FunctionName', 'SourceLocation', 'Title'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
};

function all(predicate: (e: XmlElement, path: string[]) => boolean): Array<{ e: XmlElement; path: string[] }> {
  const out: Array<{ e: XmlElement; path: string[] }> = [];
  walk(manifest, (e, p) => {
    if (predicate(e, p)) out.push({ e, path: p });
  });
  return out;
}

function urls(): string[] {
  const out: string[] = [];
  walk(manifest, (e) => {
    for (const [name, value] of Object.entries(e.attributes))
      if (/^(DefaultValue|Value|Url|ResourceUrl)$/.test(name) && /^\w+:\/\//.test(value)) out.push(value);
    if (/^\w+:\/\//.test(e.text.trim())) out.push(e.text.trim());
  });
  return out;
}

describe('manifest.xml', () => {
  it('is a task-pane add-in for Excel workbooks that reads and writes the document', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(manifest.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(child(child(manifest, 'Hosts')!, 'Host')!.attributes.Name).toBe('Workbook');
    expect(child(manifest, 'Permissions')!.text.trim()).toBe('ReadWriteDocument');
    expect(child(child(manifest, 'DefaultSettings')!, 'SourceLocation')!.attributes.DefaultValue).toBe(
      'https://localhost:3000/taskpane.html',
    );
    const set = child(child(child(manifest, 'Requirements')!, 'Sets')!, 'Set')!;
    expect(set.attributes).toEqual({ Name: 'ExcelApi', MinVersion: '1.7' });
  });

  it('has a GUID id and a four-part version', () => {
    expect(child(manifest, 'Id')!.text.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(child(manifest, 'Version')!.text.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    expect(child(manifest, 'ProviderName')!.text.trim()).not.toBe('');
  });

  it("keeps every parent's children in the order of the schema", () => {
    for (const [parent, order] of Object.entries(ORDER)) {
      const parents = all((e) => e.name === parent);
      expect({ parent, found: parents.length > 0 }).toEqual({ parent, found: true });
      for (const { e } of parents) {
        const names = e.children.map((c) => c.name);
        const unknown = names.filter((n) => !order.includes(n));
        expect({ parent, unknown }).toEqual({ parent, unknown: [] });
        const positions = names.map((n) => order.indexOf(n));
        expect({ parent, names, sorted: positions.every((p, i) => i === 0 || p >= positions[i - 1]) }).toEqual({
          parent,
          names,
          sorted: true,
        });
      }
    }
    // required OfficeApp children of a task-pane add-in
    const names = manifest.children.map((c) => c.name);
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'DefaultSettings',
      'Permissions',
    ]) {
      expect(names).toContain(required);
    }
  });

  it('defines every resid it references, once, and references every resource it defines', () => {
    const defined = all((e, p) => p.includes('Resources') && /^bt:(Image|Url|String)$/.test(e.name)).map(
      ({ e }) => e.attributes.id,
    );
    expect(new Set(defined).size).toBe(defined.length);
    const referenced = all((e) => 'resid' in e.attributes).map(({ e }) => e.attributes.resid);
    expect(referenced.length).toBeGreaterThan(5);
    for (const resid of referenced)
      expect({ resid, defined: defined.includes(resid) }).toEqual({ resid, defined: true });
    for (const id of defined) expect({ id, used: referenced.includes(id) }).toEqual({ id, used: true });
    // resource ids are at most 32 characters
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('uses https URLs on one host only', () => {
    const found = urls();
    expect(found.length).toBeGreaterThan(8);
    for (const url of found) expect(url).toMatch(/^https:\/\//);
    expect(new Set(found.map((u) => new URL(u).host))).toEqual(new Set(['localhost:3000']));
  });

  it('points at icons that exist on disk as PNGs of the declared size', () => {
    const icons = all((e) => e.name === 'bt:Image' && 'DefaultValue' in e.attributes).map(
      ({ e }) => e.attributes.DefaultValue,
    );
    icons.push(
      child(manifest, 'IconUrl')!.attributes.DefaultValue,
      child(manifest, 'HighResolutionIconUrl')!.attributes.DefaultValue,
    );
    for (const url of icons) {
      const file = path.join(ROOT, 'addin', new URL(url).pathname);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    // the ribbon needs 16, 32 and 80; the store 32 and 64
    for (const size of [16, 32, 64, 80])
      expect(fs.existsSync(path.join(ROOT, 'addin', 'assets', `icon-${size}.png`))).toBe(true);
  });

  it("has Italian overrides for the name, the description and every ribbon string, within Office's lengths", () => {
    for (const name of ['DisplayName', 'Description']) {
      const element = child(manifest, name)!;
      const italian = element.children.find((c) => c.name === 'Override' && c.attributes.Locale === 'it-IT');
      expect({ name, italian: italian?.attributes.Value ?? null }).toEqual({ name, italian: expect.any(String) });
      expect(italian!.attributes.Value).not.toBe(element.attributes.DefaultValue);
    }
    expect(child(manifest, 'DisplayName')!.attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(manifest, 'Description')!.attributes.DefaultValue.length).toBeLessThanOrEqual(250);
    for (const { e, path: p } of all((e, p) => e.name === 'bt:String' && p.length > 0)) {
      const limit = p[p.length - 1] === 'bt:ShortStrings' ? 125 : 250;
      const override = e.children.find((c) => c.name === 'bt:Override' && c.attributes.Locale === 'it-IT');
      expect({ id: e.attributes.id, italian: Boolean(override) }).toEqual({ id: e.attributes.id, italian: true });
      expect(e.attributes.DefaultValue.length).toBeLessThanOrEqual(limit);
      expect(override!.attributes.Value.length).toBeLessThanOrEqual(limit);
    }
  });

  it('opens the task pane from a ribbon button', () => {
    const action = all((e) => e.name === 'Action' && e.attributes['xsi:type'] === 'ShowTaskpane')[0].e;
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'SourceLocation')!.attributes.resid).toBe('Taskpane.Url');
    const taskpane = all((e) => e.name === 'bt:Url' && e.attributes.id === 'Taskpane.Url')[0].e;
    expect(taskpane.attributes.DefaultValue).toBe(
      child(child(manifest, 'DefaultSettings')!, 'SourceLocation')!.attributes.DefaultValue,
    );
  });
});

describe('the manifest reader', () => {
  it('refuses malformed XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow('closes');
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow('duplicate');
    expect(() => parseXml('<a>')).toThrow('not closed');
    expect(parseXml('<?xml version="1.0"?><!-- c --><a k="&amp;">t&lt;</a>')).toEqual({
      name: 'a',
      attributes: { k: '&' },
      children: [],
      text: 't<',
    });
  });
});
