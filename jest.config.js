/** Jest runs TypeScript through SWC (decorator metadata on); `npm run typecheck` does the type checking. */
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  setupFiles: ['<rootDir>/test/setup.ts'],
  // office-addin-mock requires office-addin-manifest, whose ESM-only dependency Jest on Node 20 cannot load (docs/stack-notes.md §3.10)
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
