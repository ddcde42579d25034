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
  // Each test file has a time-skipping server of its own (connectTimeSkippingEnvironment), so files cannot skip time
  // for each other; one file at a time still, because CI runs this suite beside the API suite on two cores, and
  // workflow tasks slowed further only make timing races likelier.
  maxWorkers: 1,
};
