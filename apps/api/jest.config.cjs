module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: require('./package.json').name,
  rootDir: __dirname,
  globalSetup: '<rootDir>/../../tools/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/testing/global-teardown.ts',
  globals: { loaTestServices: ['temporal', 'time-skipping', 'postgres', 'redis'] },
  setupFiles: ['<rootDir>/../../tools/testing/quiet-temporal-logs.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/secret-watch.setup.ts'],
  testTimeout: 120000,
};
