// Lint rules on top of `tsc --noEmit` (which `npm run lint` also runs): the recommended JavaScript and TypeScript
// sets, without type-aware rules so a lint stays a few seconds on two cores.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'coverage/**',
      'server/migrations/**',
      'addin/src/api/generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // unused names that start with _ are deliberate (destructuring to drop a field, unused callback params)
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // GraphQL results and Office.js payloads are untyped JSON at the edges
      '@typescript-eslint/no-explicit-any': 'off',
      // type-graphql and MikroORM decorate classes whose declarations merge with interfaces
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // control characters are matched on purpose: refusing them in cells, stripping ANSI colours from SQL logs
      'no-control-regex': 'off',
      // small files, one idea each (CONTRIBUTING.md): past 450 lines a file holds more than one; migrations and the
      // generated add-in types are ignored above
      'max-lines': ['error', { max: 450 }],
    },
  },
  // The architecture's import rules (docs/architecture.md): core/ is pure and imports only core/; the add-in may use
  // core/ but never server/. Checked here so a wrong import fails `npm run lint`, not only the add-in's bundle.
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(server|addin|test|bench)(/|$)',
              message: 'core/ is pure: it imports only core/ (docs/architecture.md).',
            },
            {
              regex:
                '^(@mikro-orm/|type-graphql$|graphql(-.*)?$|@apollo/|class-validator$|express$|pg$|better-sqlite3$|exceljs$|dataloader$|reflect-metadata$)',
              message: 'core/ is pure: no ORM, GraphQL, database or file-format library (docs/architecture.md).',
            },
            { regex: '^(office-|@microsoft/office)', message: 'core/ is pure: no Office code (docs/architecture.md).' },
            {
              regex: '^(node:|(fs|path|crypto|os|child_process|http|https|url|util|stream|zlib)$)',
              message: 'core/ runs in the browser too: no Node built-ins (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['addin/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server(/|$)',
              message: 'The add-in never imports server/: shared code lives in core/ (docs/architecture.md).',
            },
            {
              regex:
                '^(@mikro-orm/|type-graphql$|class-validator$|express$|pg$|better-sqlite3$|exceljs$|dataloader$|reflect-metadata$)',
              message: 'Server-side library in the add-in (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
