module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: require('./package.json').name,
  rootDir: __dirname,
  globalSetup: '<rootDir>/../../tools/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/testing/global-teardown.ts',
  globals: { loaTestServices: ['time-skipping', 'temporal'] },
  setupFiles: ['<rootDir>/../../tools/testing/quiet-temporal-logs.ts'],
  testTimeout: 120000,
};
