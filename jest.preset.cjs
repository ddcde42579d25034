// Shared Jest settings. NestJS 12 ships ESM only, so its packages (and their ESM-only dependencies) are
// transformed to CommonJS by SWC like our own TypeScript; everything else in node_modules is left alone.
const path = require('node:path');

const esmOnlyPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
];

const swcOptions = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    keepClassNames: true,
  },
};

const workspaceRoot = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj|cj)sx?$': ['@swc/jest', swcOptions] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@loa/engine$': path.join(workspaceRoot, 'packages/engine/src/index.ts'),
    '^@loa/engine/examples/(.*)$': path.join(workspaceRoot, 'packages/engine/examples/$1'),
    '^@loa/engine/(.*)$': path.join(workspaceRoot, 'packages/engine/src/$1'),
    '^@loa/connectors$': path.join(workspaceRoot, 'packages/connectors/src/index.ts'),
    '^@loa/connectors/(.*)$': path.join(workspaceRoot, 'packages/connectors/src/$1'),
    '^@loa/provider-sandbox$': path.join(workspaceRoot, 'packages/provider-sandbox/src/index.ts'),
    '^@loa/provider-sandbox/(.*)$': path.join(workspaceRoot, 'packages/provider-sandbox/src/$1'),
    '^@loa/sms-text$': path.join(workspaceRoot, 'packages/sms-text/src/index.ts'),
    '^@loa/api-contract$': path.join(workspaceRoot, 'packages/api-contract/src/index.ts'),
    '^@loa/testing$': path.join(workspaceRoot, 'tools/testing/index.ts'),
  },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx', '<rootDir>/e2e/**/*.test.ts'],
  // A handle a failed test leaked (a Temporal worker still polling, say) must not keep the run alive after its
  // servers are gone: the failure is already reported, and a run that never exits only hides it.
  forceExit: true,
  // Each test file grows a worker's heap by about 100 MB that is never given back (modules required per file, Nest
  // apps and clients that outlive it): a project's one process reached 6 GB. Setting a limit also makes Jest run
  // files in a worker process even with one worker, and replace it once it holds more than this after a file.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', path.join(workspaceRoot, 'tools/testing/count-reporter.cjs')],
};
