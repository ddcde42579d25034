module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: '@loa/tools',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts'],
  testTimeout: 60000,
};
