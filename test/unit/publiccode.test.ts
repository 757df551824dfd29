/**
 * publiccode.yml against what the standard (publiccode.yml core schema, version 0.4, as the Developers Italia catalogue
 * reads it) requires: the mandatory keys, their allowed values and lengths. Offline: the official validator is a web
 * service, so the rules are written down here.
 *
 * The file is read by a small reader of the block-style YAML it uses (mappings, lists, quoted and plain scalars,
 * folded `>` text): the project declares no YAML library, and a construct this reader does not know fails the test
 * loudly rather than being misread.
 */
import fs from 'node:fs';
import path from 'node:path';

type Yaml = string | boolean | null | Yaml[] | { [key: string]: Yaml };

type Line = { indent: number; text: string; no: number };

/** Reads the block-style subset of YAML 1.2 described above. */
export function readBlockYaml(source: string): Yaml {
  const lines: Line[] = source
    .split('\n')
    .map((raw, i) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim(), no: i + 1 }));
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && (lines[i].text === '' || lines[i].text.startsWith('#'))) i++;
  };
  const fail = (line: Line, why: string): never => {
    throw new Error(`publiccode.yml line ${line.no}: ${why}`);
  };

  function scalar(text: string, line: Line): Yaml {
    if (text.startsWith('"')) {
      if (!text.endsWith('"') || text.length < 2) fail(line, 'unterminated "…" string');
      return JSON.parse(text) as string;
    }
    if (text.startsWith("'")) {
      if (!text.endsWith("'") || text.length < 2) fail(line, "unterminated '…' string");
      return text.slice(1, -1).replace(/''/g, "'");
    }
    if (/^[[{&*!|>%@`]/.test(text) || / #/.test(text)) fail(line, `unsupported YAML construct in "${text}"`);
    if (text === 'true' || text === 'false') return text === 'true';
    if (text === 'null' || text === '~' || text === '') return null;
    return text;
  }

  /** `>` folded text: lines joined by spaces, an empty line is a line break; one final newline. */
  function folded(parentIndent: number): string {
    const paragraphs: string[][] = [[]];
    while (i < lines.length && (lines[i].text === '' || lines[i].indent > parentIndent)) {
      if (lines[i].text === '') paragraphs.push([]);
      else paragraphs[paragraphs.length - 1].push(lines[i].text);
      i++;
    }
    return (
      paragraphs
        .map((p) => p.join(' '))
        .join('\n')
        .replace(/\n+$/, '') + '\n'
    );
  }

  function value(rest: string, line: Line): Yaml {
    if (rest === '>') return folded(line.indent);
    if (rest !== '') return scalar(rest, line);
    skipBlank();
    if (i >= lines.length || lines[i].indent <= line.indent) {
      // a list may sit at its key's indentation
      if (i < lines.length && lines[i].indent === line.indent && lines[i].text.startsWith('- '))
        return block(line.indent);
      return null;
    }
    return block(lines[i].indent);
  }

  function entry(text: string, line: Line, into: { [key: string]: Yaml }) {
    const m = /^([A-Za-z0-9_/-]+):(?: (.*))?$/.exec(text);
    if (!m) fail(line, `expected "key: value", found "${text}"`);
    if (Object.prototype.hasOwnProperty.call(into, m![1])) fail(line, `duplicate key ${m![1]}`);
    into[m![1]] = value((m![2] ?? '').trim(), line);
  }

  function block(indent: number): Yaml {
    skipBlank();
    if (lines[i].text.startsWith('- ')) {
      const list: Yaml[] = [];
      while ((skipBlank(), i < lines.length) && lines[i].indent === indent && lines[i].text.startsWith('- ')) {
        const line = lines[i++];
        const item = line.text.slice(2).trim();
        if (/^[A-Za-z0-9_/-]+:( |$)/.test(item)) {
          // a mapping item: its first key on the dash line, the others two columns in
          const obj: { [key: string]: Yaml } = {};
          entry(item, { ...line, indent: indent + 2 }, obj);
          while ((skipBlank(), i < lines.length) && lines[i].indent === indent + 2 && !lines[i].text.startsWith('- ')) {
            const l = lines[i++];
            entry(l.text, l, obj);
          }
          list.push(obj);
        } else list.push(scalar(item, line));
      }
      return list;
    }
    const map: { [key: string]: Yaml } = {};
    while ((skipBlank(), i < lines.length) && lines[i].indent === indent) {
      const line = lines[i++];
      if (line.text.startsWith('- ')) fail(line, 'a list item where a key was expected');
      entry(line.text, line, map);
    }
    if (i < lines.length && lines[i].indent > indent) fail(lines[i], 'unexpected indentation');
    return map;
  }

  const doc = block(0);
  skipBlank();
  if (i < lines.length) fail(lines[i], 'text after the document');
  return doc;
}

// ---- what the standard requires (core schema 0.4) ---------------------------------------------------------------

const PLATFORMS = ['web', 'windows', 'mac', 'linux', 'ios', 'android'];
const DEVELOPMENT_STATUS = ['concept', 'development', 'beta', 'stable', 'obsolete'];
const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
];
const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'];
/** The controlled vocabulary of `categories` (the standard's categories list). */
const CATEGORIES =
  `accounting agile-project-management applicant-tracking application-development appointment-scheduling backup
billing-and-invoicing blog budgeting business-intelligence business-process-management cad call-center-management
cloud-management collaboration communications compliance-management contact-management content-management crm
customer-service-and-support data-analytics data-collection data-visualization design design-system
digital-asset-management digital-citizenship document-management donor-management e-commerce e-signature
educational-content email-management email-marketing employee-management enterprise-project-management
enterprise-social-networking erp event-management facility-management feedback-and-reviews-management
financial-reporting fleet-management fundraising gamification geographic-information-systems grant-management
graphic-design help-desk hr ide identity-management instant-messaging inventory-management it-asset-management
it-development it-management it-security it-service-management knowledge-management learning-management-system
marketing mind-mapping mobile-marketing mobile-payment network-management office online-booking online-community
payment-gateway payroll predictive-analysis procurement productivity-suite project-collaboration project-management
property-management real-estate-management remote-support resource-management sales-management seo service-desk
social-media-management survey talent-management task-management taxes-management test-management time-management
time-tracking translation video-conferencing video-editing visitor-management voip warehouse-management
web-collaboration web-conferencing website-builder whistleblowing workflow-management`.split(/\s+/);

type Obj = { [key: string]: Yaml };
const isObj = (v: Yaml | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: Yaml | undefined): v is string => typeof v === 'string' && v.trim() !== '';

const file = fs.readFileSync(path.resolve(__dirname, '../../publiccode.yml'), 'utf8');
const doc = readBlockYaml(file) as Obj;
const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

describe('the block-YAML reader', () => {
  it('reads mappings, lists of scalars and of mappings, quoted and plain scalars, booleans and folded text', () => {
    const text =
      'a: "x: y"\nb: true\nc:\n  - one\n  - name: n\n    optional: false\nd:\n  e: >\n    f\n    g\n\n    h\n';
    expect(readBlockYaml(text)).toEqual({
      a: 'x: y',
      b: true,
      c: ['one', { name: 'n', optional: false }],
      d: { e: 'f g\nh\n' },
    });
  });

  it('refuses what it does not read rather than misreading it', () => {
    expect(() => readBlockYaml('a: [1, 2]\n')).toThrow(/unsupported/);
    expect(() => readBlockYaml('a: 1\na: 2\n')).toThrow(/duplicate key a/);
    expect(() => readBlockYaml('a: 1 # note\n')).toThrow(/unsupported/);
  });
});

describe('publiccode.yml', () => {
  it('declares version 0.4 of the standard', () => {
    expect(doc.publiccodeYmlVersion).toBe('0.4');
  });

  it('has every mandatory top-level key', () => {
    const mandatory = [
      'publiccodeYmlVersion',
      'name',
      'url',
      'releaseDate',
      'platforms',
      'categories',
      'developmentStatus',
      'softwareType',
      'description',
      'legal',
      'maintenance',
      'localisation',
    ];
    expect(mandatory.filter((k) => doc[k] === undefined || doc[k] === null)).toEqual([]);
    expect(isText(doc.name)).toBe(true);
    expect(doc.url).toMatch(/^https:\/\/\S+$/);
  });

  it('gives the package version and an ISO release date', () => {
    expect(doc.softwareVersion).toBe(pkg.version);
    expect(doc.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(doc.releaseDate as string))).toBe(false);
  });

  it('uses the allowed values of platforms, categories, developmentStatus and softwareType', () => {
    expect(Array.isArray(doc.platforms) && (doc.platforms as Yaml[]).length).toBeTruthy();
    expect((doc.platforms as Yaml[]).filter((p) => !PLATFORMS.includes(p as string))).toEqual([]);
    expect(Array.isArray(doc.categories) && (doc.categories as Yaml[]).length).toBeTruthy();
    expect((doc.categories as Yaml[]).filter((c) => !CATEGORIES.includes(c as string))).toEqual([]);
    expect(DEVELOPMENT_STATUS).toContain(doc.developmentStatus);
    expect(SOFTWARE_TYPES).toContain(doc.softwareType);
  });

  it.each(['it', 'en'])(
    'describes the software in %s: short (≤ 150 chars), long (150-10000 chars) and features',
    (lang) => {
      const d = (doc.description as Obj)[lang];
      expect(isObj(d)).toBe(true);
      const { shortDescription, longDescription, features } = d as Obj;
      expect(isText(shortDescription)).toBe(true);
      expect((shortDescription as string).length).toBeLessThanOrEqual(150);
      expect(shortDescription).not.toMatch(/\n/);
      expect(isText(longDescription)).toBe(true);
      expect((longDescription as string).length).toBeGreaterThanOrEqual(150);
      expect((longDescription as string).length).toBeLessThanOrEqual(10000);
      expect(Array.isArray(features) && (features as Yaml[]).length > 0 && (features as Yaml[]).every(isText)).toBe(
        true,
      );
    },
  );

  it('has the license of package.json, as an SPDX identifier', () => {
    expect((doc.legal as Obj).license).toBe(pkg.license);
    expect((doc.legal as Obj).license).toBe('AGPL-3.0-or-later');
  });

  it('says who maintains it: community maintenance needs contacts, each with a name', () => {
    const m = doc.maintenance as Obj;
    expect(MAINTENANCE_TYPES).toContain(m.type);
    if (m.type === 'internal' || m.type === 'community') {
      expect(Array.isArray(m.contacts) && (m.contacts as Yaml[]).length > 0).toBe(true);
      for (const c of m.contacts as Yaml[]) expect(isObj(c) && isText(c.name)).toBe(true);
    }
    if (m.type === 'contract') expect(Array.isArray(m.contractors)).toBe(true);
  });

  it('is localisation-ready in Italian and English', () => {
    const l = doc.localisation as Obj;
    expect(l.localisationReady).toBe(true);
    expect(l.availableLanguages).toEqual(['it', 'en']);
  });

  it('lists its runtime dependencies by name: PostgreSQL optional, Microsoft Excel proprietary', () => {
    const deps = doc.dependsOn as Obj;
    for (const kind of ['open', 'proprietary', 'hardware']) {
      const list = deps[kind];
      if (list === undefined) continue;
      expect(Array.isArray(list)).toBe(true);
      for (const dep of list as Yaml[]) {
        expect(isObj(dep) && isText(dep.name)).toBe(true);
        if (isObj(dep) && dep.optional !== undefined) expect(typeof dep.optional).toBe('boolean');
      }
    }
    expect((deps.open as Obj[]).find((d) => d.name === 'PostgreSQL')).toMatchObject({ optional: true });
    expect((deps.proprietary as Obj[]).map((d) => d.name)).toContain('Microsoft Excel');
  });
});
