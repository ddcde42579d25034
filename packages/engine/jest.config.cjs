const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: require('./package.json').name,
  rootDir: __dirname,
  globalSetup: '<rootDir>/../../tools/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/testing/global-teardown.ts',
  globals: { loaTestServices: ['time-skipping', 'temporal'] },
  setupFiles: ['<rootDir>/../../tools/testing/quiet-temporal-logs.ts'],
  testTimeout: 120000,
  // The example campaigns are tested beside the files they are.
  testMatch: [...preset.testMatch, '<rootDir>/examples/**/*.test.ts'],
  // Test files share one time-skipping server, whose clock is global: files running side by side would skip time
  // for each other (even while activities run). One file at a time keeps them honest.
  maxWorkers: 1,
};
