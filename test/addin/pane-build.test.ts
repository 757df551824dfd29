/**
 * The pane built for a host under a sub-path (ADDIN_ORIGIN=https://host/addin/): the HTML must load its script,
 * styles and icon relative to itself, and the manifest must point under the sub-path. A webpack build of the pane
 * alone, in development mode without source maps, so it stays quick.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ORIGIN = 'https://uffici.example.it/addin/';

let out = '';

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-pane-subpath-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { paneConfig } = require('../../addin/webpack.config.js');
  const config = { ...paneConfig({ mode: 'development', outDir: out, origin: ORIGIN }), devtool: false };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error: Error | null, stats: any) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}, 300_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** every src and href of the page's own files (office.js comes from Microsoft's CDN, by full address) */
function ownReferences(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => !/^https:\/\//.test(url));
}

test('the pane built for a sub-path loads its assets relative to its own page', () => {
  const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
  const references = ownReferences(html);
  expect(references).toEqual(expect.arrayContaining(['taskpane.js', 'taskpane.css', 'assets/icon-32.png']));
  // a leading slash would fetch https://uffici.example.it/taskpane.js, outside the add-in's folder
  expect(references.filter((url) => url.startsWith('/'))).toEqual([]);
  // and each of them is a file of the build, where the page looks for it
  for (const url of references)
    expect({ url, exists: fs.existsSync(path.join(out, url)) }).toEqual({ url, exists: true });
  // the shared runtime's files beside it: the functions' metadata (English, Italian) and the shortcuts
  for (const file of ['functions.json', 'functions-it.json', 'shortcuts.json', 'shortcuts-resources.json'])
    expect({ file, exists: fs.existsSync(path.join(out, file)) }).toEqual({ file, exists: true });
});

test('the manifest of a sub-path build points every URL under the sub-path', () => {
  const manifest = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  expect(manifest).not.toContain('https://localhost:3000');
  expect(manifest).toContain('https://uffici.example.it/addin/taskpane.html');
  const urls = [...manifest.matchAll(/(?:DefaultValue|Url)="(https:\/\/uffici\.example\.it[^"]*)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(3);
  for (const url of urls) expect(url.startsWith(ORIGIN)).toBe(true);
});

test('the functions metadata is generated from functions.ts, in English and in Italian, every function streaming', () => {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(out, file), 'utf8'));
  const english = read('functions.json').functions as Array<Record<string, any>>;
  const italian = read('functions-it.json').functions as Array<Record<string, any>>;
  expect(english.map((f) => [f.id, f.name])).toEqual([
    ['REALIZATION', 'REALIZATION'],
    ['VALUE', 'VALUE'],
    ['TARGET', 'TARGET'],
    ['STATUS', 'STATUS'],
  ]);
  expect(italian.map((f) => [f.id, f.name])).toEqual([
    ['REALIZATION', 'REALIZZAZIONE'],
    ['VALUE', 'VALORE'],
    ['TARGET', 'TARGET'],
    ['STATUS', 'STATO'],
  ]);
  for (const f of [...english, ...italian]) {
    expect(f.options).toEqual({ stream: true, requiresStreamAddress: true });
    expect(f.parameters.map((p: { optional?: boolean }) => Boolean(p.optional))).toEqual([false, false, true, true]);
  }
  expect(italian[0].parameters.map((p: { name: string }) => p.name)).toEqual([
    'codice',
    'anno',
    'rilevazione',
    'piano',
  ]);
  // the plugin's loader appended the associations to the one bundle the shared runtime loads
  const bundle = fs.readFileSync(path.join(out, 'taskpane.js'), 'utf8');
  for (const id of ['REALIZATION', 'VALUE', 'TARGET', 'STATUS']) expect(bundle).toContain(`associate("${id}"`);
});
