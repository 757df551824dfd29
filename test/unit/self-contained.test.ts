/**
 * The repository stands on its own: a clone alone passes `npm test`, and every reference in it can be followed.
 * - No tracked file reaches outside the checkout (the sibling folder of reference material) or cites the design
 *   guides that lived there; the code cites docs/ instead.
 * - Every "docs/X.md §N" names a page that exists and a section heading that page has; a bare "§N" names a heading
 *   of docs/scoring.md or docs/domain.md, which share one numbering (scoring §3-§6, domain §1, §2, §7-§9).
 * - Every relative Markdown link resolves.
 * - The seed documents are the bytes their README lists (their extraction damage is test data).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs');
/** Pages whose § numbers a bare "§N" may name: one numbering across both. */
const SHARED_NUMBERING = ['scoring.md', 'domain.md'];

/** Tracked files (git ls-files); a tree without .git (a source archive) is walked instead. */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0')
      .filter((f) => f !== '' && fs.existsSync(path.join(ROOT, f)));
  } catch {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        if (['node_modules', 'dist', 'data', 'coverage', '.git'].includes(e.name)) continue;
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) walk(rel);
        else out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

/** Text of the file, or null for binaries (a NUL byte) and the lock file (registry URLs only). */
function textOf(file: string): string | null {
  if (file === 'package-lock.json') return null;
  const buf = fs.readFileSync(path.join(ROOT, file));
  return buf.includes(0) ? null : buf.toString('utf8');
}

/** Section numbers of a Markdown page: "## 5. Scoring" → "5", "#### 5.2.1 Effective target" → "5.2.1". */
export function sectionNumbers(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)) out.add(m[1]);
  return out;
}

export type Citation = { page: string | null; section: string; index: number };

const NUM = String.raw`\d+(?:\.\d+)*`;
// "docs/scoring.md §5.2, §5.3", "docs/domain.md §2.3 and §7.1", "docs/scoring.md §4/§5.13", "docs/scoring.md §5.5 - §5.9"
const CITED_LIST = new RegExp(
  String.raw`(?:docs/)?([\w-]+\.md) (§${NUM}(?:(?:, and |, | and | - | – |/)§${NUM})*)`,
  'g',
);
const SECTION = new RegExp(`§(${NUM})`, 'g');

/**
 * Every § citation of a text: those after a page name belong to that page (a list after it too), the rest are bare.
 * Inside docs/, pages cite each other without the "docs/" prefix ("scoring.md §5.6").
 */
export function citations(text: string): Citation[] {
  const out: Citation[] = [];
  const claimed = new Set<number>();
  for (const m of text.matchAll(CITED_LIST)) {
    const listStart = m.index! + m[0].length - m[2].length;
    for (const s of m[2].matchAll(SECTION)) {
      out.push({ page: m[1], section: s[1], index: listStart + s.index! });
      claimed.add(listStart + s.index!);
    }
  }
  for (const s of text.matchAll(SECTION))
    if (!claimed.has(s.index!)) out.push({ page: null, section: s[1], index: s.index! });
  return out.sort((a, b) => a.index - b.index);
}

/** The problems of one text's citations against the sections of each docs page (none when all resolve). */
export function citationProblems(text: string, sections: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const problems: string[] = [];
  const line = (i: number) => text.slice(0, i).split('\n').length;
  for (const c of citations(text)) {
    if (c.page !== null) {
      const have = sections.get(c.page);
      if (!have) problems.push(`line ${line(c.index)}: docs/${c.page} does not exist`);
      else if (!have.has(c.section))
        problems.push(`line ${line(c.index)}: docs/${c.page} has no section §${c.section}`);
    } else if (!SHARED_NUMBERING.some((p) => sections.get(p)?.has(c.section))) {
      problems.push(`line ${line(c.index)}: §${c.section} is no section of docs/${SHARED_NUMBERING.join(' or docs/')}`);
    }
  }
  return problems;
}

const files = trackedFiles();
const texts = new Map(files.map((f) => [f, textOf(f)] as const));
const sections = new Map(
  fs
    .readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => [f, sectionNumbers(fs.readFileSync(path.join(DOCS, f), 'utf8'))] as const),
);

describe('the citation checker itself', () => {
  const docs = new Map([
    ['scoring.md', new Set(['3', '5', '5.2', '5.2.1', '5.3'])],
    ['domain.md', new Set(['8', '8.22'])],
    ['stack-notes.md', new Set(['3.10'])],
  ]);

  it('reads headings with and without a trailing dot', () => {
    expect([...sectionNumbers('# Title\n## 5. Scoring\n### 5.2 Status\n#### 5.2.1 Effective\ntext 5.3\n')]).toEqual([
      '5',
      '5.2',
      '5.2.1',
    ]);
  });

  it('accepts sections that exist, in lists too, and bare sections of the shared numbering', () => {
    expect(
      citationProblems('docs/scoring.md §5.2, §5.3 and docs/domain.md §8.22; (§5.2.1) docs/stack-notes.md §3.10', docs),
    ).toEqual([]);
    expect(citationProblems('see scoring.md §3 rule 8', docs)).toEqual([]);
  });

  it('refuses a missing page, a missing section, a list item of the wrong page and an unknown bare section', () => {
    expect(citationProblems('docs/nowhere.md §1', docs)).toEqual(['line 1: docs/nowhere.md does not exist']);
    expect(citationProblems('docs/scoring.md §5.9', docs)).toEqual(['line 1: docs/scoring.md has no section §5.9']);
    expect(citationProblems('docs/scoring.md §5.2, §8.22', docs)).toEqual([
      'line 1: docs/scoring.md has no section §8.22',
    ]);
    expect(citationProblems('x\n(§3.10)', docs)).toEqual([
      'line 2: §3.10 is no section of docs/scoring.md or docs/domain.md',
    ]);
  });
});

describe('the repository is self-contained', () => {
  it('lists its files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('docs/scoring.md');
  });

  // Built from pieces so that this file does not match itself.
  const forbidden = [
    { what: 'a path outside the checkout', pattern: new RegExp(['\\.\\.', 'shared'].join('/')) },
    { what: 'the former guide to the domain', pattern: new RegExp(['domain', 'guide'].join(' '), 'i') },
    { what: 'the former guide to the stack', pattern: new RegExp(['stack', 'md'].join('\\.'), 'i') },
  ];
  it.each(forbidden)('no tracked file refers to $what', ({ pattern }) => {
    const hits = files.filter((f) => pattern.test(texts.get(f) ?? ''));
    expect(hits).toEqual([]);
  });

  it('docs/scoring.md and docs/domain.md share one numbering: no section number in both', () => {
    const [a, b] = SHARED_NUMBERING.map((p) => sections.get(p)!);
    expect(a.size).toBeGreaterThan(10);
    expect(b.size).toBeGreaterThan(10);
    expect([...a].filter((s) => b.has(s))).toEqual([]);
  });

  it('every cited docs page and § section exists', () => {
    const problems: string[] = [];
    for (const [file, text] of texts) {
      // the seed texts are documents of others, not ours to cite from
      if (text === null || file.startsWith('test/fixtures/seeds/') || file === 'test/unit/self-contained.test.ts')
        continue;
      for (const p of citationProblems(text, sections)) problems.push(`${file} ${p}`);
      for (const m of text.matchAll(/docs\/([\w-]+\.md)/g)) {
        if (!sections.has(m[1])) problems.push(`${file}: docs/${m[1]} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every relative Markdown link resolves', () => {
    const broken: string[] = [];
    for (const [file, text] of texts) {
      if (text === null || !file.endsWith('.md')) continue;
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split('#')[0];
        if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        if (!fs.existsSync(path.resolve(ROOT, path.dirname(file), target))) broken.push(`${file}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the seed documents', () => {
  const dir = path.join(ROOT, 'test/fixtures/seeds');
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  const listed = [...readme.matchAll(/^([0-9a-f]{64}) {2}(\S+\.txt)$/gm)].map((m) => ({ sha256: m[1], file: m[2] }));

  it('are the four plans the README describes', () => {
    expect(listed.map((l) => l.file).sort()).toEqual(
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    );
    expect(listed).toHaveLength(4);
  });

  it.each(listed)('$file is byte for byte the extraction the README lists', ({ file, sha256 }) => {
    expect(
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, file)))
        .digest('hex'),
    ).toBe(sha256);
  });
});
