import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

export const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
export const serverPackages = [
  '@nestjs/*',
  'typeorm',
  'typeorm-pglite',
  '@electric-sql/pglite',
  'pg',
  'bull',
  'ioredis',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  '@temporalio/testing',
  'express',
];

/** Project boundaries of DESIGN §2, as Nx tags; tests keep the project rules but not the package bans. */
function moduleBoundaries({ forTests }) {
  const constraints = [
    {
      // The engine is pure: no Nest, TypeORM, Bull, Redis, Temporal client/worker, connectors.
      sourceTag: 'scope:engine',
      onlyDependOnLibsWithTags: ['scope:engine', 'scope:shared'],
      bannedExternalImports: serverPackages,
    },
    {
      // Connectors send messages; they know nothing of campaigns, the API or Temporal.
      sourceTag: 'scope:connectors',
      onlyDependOnLibsWithTags: ['scope:connectors', 'scope:shared'],
      bannedExternalImports: ['@nestjs/*', 'typeorm', 'bull', '@temporalio/*'],
    },
    {
      // The builder runs in the browser: only the browser-safe engine, never server code.
      sourceTag: 'scope:builder',
      onlyDependOnLibsWithTags: ['scope:engine', 'scope:shared'],
      bannedExternalImports: [...serverPackages, '@temporalio/*'],
    },
    {
      sourceTag: 'scope:api',
      onlyDependOnLibsWithTags: ['scope:engine', 'scope:connectors', 'scope:shared'],
    },
    {
      // Small pure pieces both sides need (SMS text rules, the API contract): nothing of Loa, and browser-safe.
      sourceTag: 'scope:shared',
      onlyDependOnLibsWithTags: ['scope:shared'],
      bannedExternalImports: [...serverPackages, '@temporalio/*'],
    },
    {
      // Workspace tooling (test setup, the local stack, the test summary) imports nothing of Loa's projects.
      sourceTag: 'scope:tools',
      onlyDependOnLibsWithTags: ['scope:tools'],
    },
    {
      // The sandbox is written from the provider docs, never from the connectors it is there to check.
      sourceTag: 'scope:sandbox',
      onlyDependOnLibsWithTags: ['scope:sandbox'],
      bannedExternalImports: ['@nestjs/*', 'typeorm', 'bull', '@temporalio/*'],
    },
  ];
  return {
    enforceBuildableLibDependency: true,
    allow: ['@loa/testing'],
    // The worker locates the engine's workflow entry point with require.resolve, which is not a lazy load.
    checkDynamicDependenciesExceptions: ['@loa/engine'],
    // Tests keep their project's rules, minus the package bans, and may start the provider sandbox.
    depConstraints: forTests
      ? constraints.map(({ bannedExternalImports: _banned, onlyDependOnLibsWithTags, ...constraint }) => ({
          ...constraint,
          onlyDependOnLibsWithTags: [...new Set([...onlyDependOnLibsWithTags, 'scope:sandbox'])],
        }))
      : constraints,
  };
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  { ignores: ['**/dist', '**/node_modules', '**/coverage', '.nx', '.data', 'tmp'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ forTests: false })],
    },
  },
  {
    // Tests drive the real Temporal test servers and workers, so the package bans of their project do not apply.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/e2e/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries({ forTests: true })] },
  },
  {
    // A test run must not leave a hole: no focused tests (`.only`, `fit`) and no skipped ones (`.skip`, `xit`).
    files: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { jest },
    rules: { 'jest/no-focused-tests': 'error', 'jest/no-disabled-tests': 'error' },
  },
  {
    // Tool configuration files extend the workspace's shared configuration by relative path.
    files: ['**/eslint.config.mjs', '**/jest.config.cjs', '**/vite.config.ts', 'jest.preset.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
