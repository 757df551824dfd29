// Lint rules on top of `tsc --noEmit` (which `npm run lint` also runs): the recommended JavaScript and TypeScript
// sets, without type-aware rules so a lint stays a few seconds on two cores.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'server/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // unused names that start with _ are deliberate (destructuring to drop a field, unused callback params)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // GraphQL results and Office.js payloads are untyped JSON at the edges
      '@typescript-eslint/no-explicit-any': 'off',
      // type-graphql and MikroORM decorate classes whose declarations merge with interfaces
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // control characters are matched on purpose: refusing them in cells, stripping ANSI colours from SQL logs
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
