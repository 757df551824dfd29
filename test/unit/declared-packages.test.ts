import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every package the code imports is declared in package.json, so `npm ci` on a fresh clone installs it: a package
 * that only arrives as someone else's dependency (hoisted into node_modules) works here until that someone drops it.
 * Server code runs in production, where only `dependencies` are installed: what it imports at run time must be
 * there; a type-only import may also come from `devDependencies` (it is erased by the compiler). The add-in, the
 * tests and the benchmarks are built or run from a development install: either list will do.
 */
const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['core', 'server', 'addin', 'test', 'bench'];
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

/**
 * Run-time imports of server code from devDependencies that are known and accepted (none today). An entry here
 * makes the test pass for that one import and fail once it is no longer needed.
 */
const RUNTIME_FROM_DEV: Record<string, string> = {};

type Import = { file: string; specifier: string; typeOnly: boolean };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

/** Module specifiers of a file: import and export declarations, `import x = require()`, require() and import() calls. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (node: ts.Expression | undefined, typeOnly: boolean) => {
    if (node && ts.isStringLiteralLike(node))
      out.push({ file: path.relative(ROOT, file), specifier: node.text, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isResolve =
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'require' &&
        callee.name.text === 'resolve';
      if (isRequire || isResolve || callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The path aliases of tsconfig.json (`@core/*` and the like): the project's own folders, not packages. */
function aliasPrefixes(): string[] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  return Object.keys(config.compilerOptions?.paths ?? {}).map((alias) => alias.replace(/\*$/, ''));
}

/** The package a bare specifier names ('@scope/name/deep' → '@scope/name'), or null for a file, a builtin or an alias. */
function packageOf(specifier: string, aliases: string[]): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  if (aliases.some((alias) => specifier === alias.replace(/\/$/, '') || specifier.startsWith(alias))) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? null : name;
}

describe('imported packages are declared in package.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
  const any = new Set([...runtime, ...Object.keys(manifest.devDependencies ?? {})]);
  const aliases = aliasPrefixes();
  const imports = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder))).flatMap(importsOf);
  const bare = imports.flatMap((i) => {
    const name = packageOf(i.specifier, aliases);
    return name ? [{ ...i, name }] : [];
  });

  it('finds the imports it checks', () => {
    // a parser that found nothing would pass everything
    expect(bare.some((i) => i.file.startsWith('server') && i.name === 'type-graphql' && !i.typeOnly)).toBe(true);
    expect(bare.some((i) => i.file.startsWith('addin') && i.name === 'html-webpack-plugin')).toBe(true);
    expect(packageOf('@mikro-orm/core/deep', [])).toBe('@mikro-orm/core');
    expect(packageOf('node:fs', [])).toBeNull();
    expect(packageOf('fs/promises', [])).toBeNull();
    expect(packageOf('@core/scoring', ['@core/'])).toBeNull();
  });

  it('server code imports at run time only from dependencies', () => {
    const missing = bare.filter((i) => i.file.startsWith(`server${path.sep}`) && !i.typeOnly && !runtime.has(i.name));
    expect(missing.filter((i) => RUNTIME_FROM_DEV[i.file] !== i.name).map((i) => `${i.file}: ${i.specifier}`)).toEqual(
      [],
    );
    // an exemption that no longer applies is removed, so it cannot hide a later one
    expect(
      Object.entries(RUNTIME_FROM_DEV).filter(
        ([file, name]) => !missing.some((i) => i.file === file && i.name === name),
      ),
    ).toEqual([]);
  });

  it('every other import names a declared package (or its @types)', () => {
    const declared = (name: string) => any.has(name) || any.has(`@types/${name.replace(/^@([^/]+)\//, '$1__')}`);
    const missing = bare.filter((i) => !declared(i.name));
    expect(missing.map((i) => `${i.file}: ${i.specifier}`)).toEqual([]);
  });
});
