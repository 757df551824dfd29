/**
 * Builds the task pane — the add-in's one shared runtime: pane, ribbon commands and CRUSCOTTO.* functions — into
 * dist/addin, with the functions' metadata (functions.json, generated from functions.ts's JSDoc by
 * custom-functions-metadata-plugin, and its Italian functions-it.json) and the keyboard shortcuts (shortcuts.json),
 * and serves it over HTTPS for development:
 *   npm run addin:build   production build (ADDIN_ORIGIN=https://host rewrites the manifest's https://localhost:3000)
 *   npm run addin:dev     https://localhost:3000 with webpack-dev-server's own self-signed certificate and a /graphql
 *                         proxy to the local server (CRUSCOTTO_API, default http://127.0.0.1:4000), so no CORS is needed
 * office.js is never bundled: taskpane.html loads it from Microsoft's CDN, as Office requires. The pane shares the
 * pure core/ with the server (ESLint forbids it to import server/); a guard also fails the build if anything from the
 * ORM, the GraphQL server or Node's database drivers is pulled in.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalisedFunctionsPlugin } = require('./scripts/localised-functions');

const ROOT = path.join(__dirname, '..');
const DEV_ORIGIN = 'https://localhost:3000';
/** the functions' source: the metadata plugin reads its JSDoc and appends its CustomFunctions.associate calls */
const FUNCTIONS = path.join(ROOT, 'addin', 'src', 'functions', 'functions.ts');

/** modules the browser bundle must never contain (server-side only) */
const FORBIDDEN = [
  /node_modules[\\/](@mikro-orm|type-graphql|graphql|@apollo|express|better-sqlite3|pg|reflect-metadata|class-validator|exceljs)[\\/]/,
  // anything under the repository's server/ folder (node_modules paths like @apollo/server are caught above)
  { test: (resource) => resource.startsWith(path.join(ROOT, 'server') + path.sep) },
];

class ServerCodeGuard {
  apply(compiler) {
    compiler.hooks.compilation.tap('ServerCodeGuard', (compilation) => {
      compilation.hooks.finishModules.tap('ServerCodeGuard', (modules) => {
        for (const module of modules) {
          const resource = module.resource || '';
          if (FORBIDDEN.some((rule) => rule.test(resource))) {
            compilation.errors.push(
              new Error(`server-side module in the add-in bundle: ${path.relative(ROOT, resource)}`),
            );
          }
        }
      });
    });
  }
}

function swcRule() {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2019' }, module: { type: 'es6' } },
    },
  };
}

function common(mode) {
  return {
    mode,
    context: ROOT,
    devtool: mode === 'production' ? false : 'source-map',
    resolve: { extensions: ['.ts', '.js'], alias: { '@core': path.join(ROOT, 'core') } },
    module: { rules: [swcRule()] },
    // reproducible output: no hashes, no timestamps, ids from module paths
    optimization: { moduleIds: 'deterministic', chunkIds: 'deterministic' },
    performance: { hints: false },
    infrastructureLogging: { level: 'warn' },
  };
}

/** The add-in itself: taskpane.html + commands.html, the manifest and the icons. */
function paneConfig({
  mode = 'production',
  outDir = path.join(ROOT, 'dist', 'addin'),
  origin = process.env.ADDIN_ORIGIN,
} = {}) {
  const rewrite = (content) =>
    origin ? content.toString().replaceAll(DEV_ORIGIN, origin.replace(/\/$/, '')) : content;
  return {
    ...common(mode),
    name: 'pane',
    // one bundle, so the functions and the pane share their modules (one FormulaCells, one state); the functions
    // first: Excel may call them as soon as the runtime loads, before the pane has started
    entry: {
      taskpane: [FUNCTIONS, './addin/src/taskpane/taskpane.ts'],
    },
    // relative asset URLs: the pane may be hosted under a sub-path (ADDIN_ORIGIN=https://host/addin/)
    output: { path: outDir, filename: '[name].js', clean: true, publicPath: '' },
    plugins: [
      new ServerCodeGuard(),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS }),
      new LocalisedFunctionsPlugin({ from: 'functions.json', to: 'functions-it.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml', transform: rewrite },
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/src/support/support.html', to: 'support.html' },
          // the ribbon commands' keyboard shortcuts (ExtendedOverrides in the manifest)
          { from: 'addin/src/commands/shortcuts.json', to: 'shortcuts.json' },
          { from: 'addin/src/commands/shortcuts-resources.json', to: 'shortcuts-resources.json' },
          // plain CSS, linked from taskpane.html (no CSS loaders in the toolchain)
          { from: 'addin/src/taskpane/taskpane.css', to: 'taskpane.css' },
        ],
      }),
    ],
    devServer: {
      server: 'https',
      host: 'localhost',
      port: 3000,
      hot: false,
      client: { overlay: false },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      proxy: [
        {
          context: ['/graphql'],
          target: process.env.CRUSCOTTO_API || 'http://127.0.0.1:4000',
          ws: true,
          changeOrigin: true,
        },
      ],
    },
  };
}

/**
 * The faithful Office/Excel double (typed cells, formats, displayed text, formulas) as one script, served in place of
 * office.js by the end-to-end tests.
 */
function doubleConfig({ outDir }) {
  return {
    ...common('development'),
    name: 'excel-double',
    devtool: false,
    entry: { 'excel-double': './test/addin/excel-faithful/browser.ts' },
    output: { path: outDir, filename: '[name].js' },
    plugins: [new ServerCodeGuard()],
  };
}

module.exports = (env = {}, argv = {}) =>
  paneConfig({ mode: argv.mode || (env.production ? 'production' : 'development') });
module.exports.paneConfig = paneConfig;
module.exports.doubleConfig = doubleConfig;
