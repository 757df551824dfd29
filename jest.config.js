/**
 * Jest runs TypeScript through SWC (decorator metadata on); `npm run typecheck` does the type checking.
 * Two projects: every test under Node, and the pure core's tests once more under jsdom, because the add-in runs
 * the same core in a browser.
 */
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  setupFiles: ['<rootDir>/test/setup.ts'],
  moduleNameMapper: {
    '^@core/(.*)$': '<rootDir>/core/$1',
    // office-addin-mock requires office-addin-manifest, whose ESM-only dependency Jest on Node 20 cannot load
    // (docs/stack-notes.md §3.10)
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      // a query queued on a busy pg client fails the test (test/helpers/pg-query-queue.ts)
      setupFilesAfterEnv: ['<rootDir>/test/pg-guard.ts'],
    },
    {
      ...shared,
      displayName: 'core-jsdom',
      testEnvironment: '<rootDir>/test/core/browser-environment.js',
      roots: ['<rootDir>/test/core'],
      testMatch: ['**/*.test.ts'],
    },
  ],
  globalSetup: '<rootDir>/test/global-setup.ts',
  // a hang guard, not a speed check: heavy tests (5,000-row syncs, 5,100-indicator plans) on a loaded 2-core CI
  // machine take minutes, and a test must never fail because the machine is busy
  testTimeout: 900_000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
