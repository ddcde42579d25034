const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: require('./package.json').name,
  rootDir: __dirname,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    // The browser build of csv-parse is ESM only; Jest runs the same parser's CommonJS build.
    '^csv-parse/browser/esm/sync$': 'csv-parse/sync',
  },
  // The browser test (e2e/) runs the real API against the services started by the shared global setup.
  globalSetup: '<rootDir>/e2e/support/e2e-global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/e2e-global-teardown.ts',
  globals: { loaTestServices: ['temporal', 'postgres', 'redis'] },
  testTimeout: 120000,
};
