import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const serverPackages = [
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
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              // DESIGN §2: the engine is pure: no Nest, TypeORM, Bull, Redis, Temporal client/worker, connectors.
              sourceTag: 'scope:engine',
              onlyDependOnLibsWithTags: ['scope:engine'],
              bannedExternalImports: serverPackages,
            },
            {
              // Connectors send messages; they know nothing of campaigns, the API or Temporal.
              sourceTag: 'scope:connectors',
              onlyDependOnLibsWithTags: ['scope:connectors'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'bull', '@temporalio/*'],
            },
            {
              // The builder runs in the browser: only the browser-safe engine, never server code.
              sourceTag: 'scope:builder',
              onlyDependOnLibsWithTags: ['scope:engine'],
              bannedExternalImports: [...serverPackages, '@temporalio/*', '@loa/connectors'],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:engine', 'scope:connectors'],
            },
          ],
        },
      ],
    },
  },
  {
    // The engine does no I/O; Node built-ins are off limits (the CLI, added later, gets its own exception).
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'packages/engine is pure: no Node I/O (DESIGN §2).',
          })),
          patterns: [
            {
              group: ['@nestjs/*', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'packages/engine is pure (DESIGN §2).',
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: only @temporalio/workflow and pure engine code.
    files: ['packages/engine/src/workflows/**/*.ts'],
    ignores: ['packages/engine/src/workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$|\\.{1,2}/|zod$)',
              message:
                'Workflow files may import only @temporalio/workflow and pure engine code (DESIGN §2).',
            },
          ],
        },
      ],
    },
  },
  {
    // The builder imports only the browser-safe entry point of the engine.
    files: ['apps/builder/src/**/*.ts', 'apps/builder/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The builder runs in the browser.' })),
          patterns: [
            {
              regex: '^@loa/engine(?!/browser$)',
              message: 'The builder may import only @loa/engine/browser.',
            },
            { regex: '^@loa/(api|connectors)', message: 'The builder may not import server code.' },
          ],
        },
      ],
    },
  },
];
