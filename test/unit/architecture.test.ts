/**
 * The folders of the code base import each other in one direction only: no import cycle between folders under
 * server/, core/ and addin/src/ (a file's folder is its first level below those roots; a file directly in a root
 * belongs to the root itself). A cycle between folders means neither can be understood, tested or moved alone,
 * and it is how initialisation-order bugs between modules start. Type-only imports count: they tie the folders
 * together just the same.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const ROOTS = ['server', 'core', 'addin/src'];
/** generated files and migrations are not part of the design */
const SKIP = [/^server\/migrations\//, /^addin\/src\/api\/generated\.ts$/];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !SKIP.some((re) => re.test(rel)))
      out.push(rel);
  }
  return out;
}

/** The folder a file belongs to: `server/sync`, `core/scoring`, `addin/src/sync`, or a root for its loose files. */
export function folderOf(file: string): string | null {
  for (const root of ROOTS) {
    if (!file.startsWith(`${root}/`)) continue;
    const rest = file.slice(root.length + 1).split('/');
    return rest.length > 1 ? `${root}/${rest[0]}` : root;
  }
  return null;
}

/** The repository-relative file an import names, when it is one of ours (relative or @core/…); null for packages. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@core/')) base = `core/${specifier.slice('@core/'.length)}`;
  else if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return null;
}

type Edge = { from: string; to: string; file: string; imported: string };

/** Folder → folder edges, each with one file import that makes it (to name in a failure). */
function folderGraph(): Map<string, Map<string, Edge>> {
  const graph = new Map<string, Map<string, Edge>>();
  for (const root of ROOTS) {
    for (const file of sourceFiles(root)) {
      const from = folderOf(file)!;
      const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
      for (const ref of info.importedFiles) {
        const target = resolveImport(file, ref.fileName);
        const to = target && folderOf(target);
        if (!to || to === from) continue;
        const edges = graph.get(from) ?? new Map<string, Edge>();
        graph.set(from, edges);
        if (!edges.has(to)) edges.set(to, { from, to, file, imported: target! });
      }
    }
  }
  return graph;
}

/** One cycle per strongly connected component of more than one folder (Tarjan), as the edges that close it. */
export function folderCycles(graph: Map<string, Map<string, Edge>>): Array<{ folders: string[]; cycle: Edge[] }> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);

  // within a component, the shortest way back to its first folder: a cycle a person can read and break
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    const cameFrom = new Map<string, Edge>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of graph.get(queue[i])?.values() ?? []) {
        if (!members.has(edge.to)) continue;
        if (edge.to === start) {
          const cycle = [edge];
          for (let at = edge.from; at !== start; at = cameFrom.get(at)!.from) cycle.unshift(cameFrom.get(at)!);
          return { folders: [...component].sort(), cycle };
        }
        if (!cameFrom.has(edge.to)) {
          cameFrom.set(edge.to, edge);
          queue.push(edge.to);
        }
      }
    }
    throw new Error(`no cycle back to ${start} in ${component.join(', ')}`);
  });
}

/** The folders tied together, then one cycle among them with the import behind each step. */
function describe({ folders, cycle }: { folders: string[]; cycle: Edge[] }): string {
  return [
    `${folders.join(', ')}: ${cycle
      .map((e) => e.from)
      .concat(cycle[0].from)
      .join(' → ')}`,
    ...cycle.map((e) => `  ${e.file} imports ${e.imported}`),
  ].join('\n');
}

test('no import cycle between folders of server/, core/ and addin/src/', () => {
  const graph = folderGraph();
  // the graph is real: the server uses core, and sync uses services
  expect(graph.get('server/sync')?.has('core/sheet')).toBe(true);
  const cycles = folderCycles(graph).map(describe);
  expect(cycles).toEqual([]);
});

test('the cycle finder reports a cycle it is given', () => {
  const edge = (from: string, to: string): [string, Edge] => [
    to,
    { from, to, file: `${from}/x.ts`, imported: `${to}/y.ts` },
  ];
  const graph = new Map([
    ['a', new Map([edge('a', 'b')])],
    ['b', new Map([edge('b', 'c'), edge('b', 'd')])],
    ['c', new Map([edge('c', 'a')])],
    ['d', new Map<string, Edge>()],
  ]);
  expect(folderCycles(graph).map(describe)).toEqual([
    'a, b, c: a → b → c → a\n  a/x.ts imports b/y.ts\n  b/x.ts imports c/y.ts\n  c/x.ts imports a/y.ts',
  ]);
});
