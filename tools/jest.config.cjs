module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: '@loa/tools',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/testing/global-setup.ts',
  globalTeardown: '<rootDir>/testing/global-teardown.ts',
  globals: { loaTestServices: ['time-skipping'] },
};
