module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: require('./package.json').name,
  rootDir: __dirname,
  // The browser test (e2e/) runs the real API against the services started by the shared global setup.
  globalSetup: '<rootDir>/e2e/support/e2e-global-setup.ts',
  globalTeardown: '<rootDir>/e2e/support/e2e-global-teardown.ts',
  globals: { loaTestServices: ['temporal', 'postgres', 'redis'] },
  testTimeout: 120000,
};
