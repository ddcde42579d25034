import root, { nodeBuiltins } from '../../eslint.config.mjs';

export default [
  ...root,
  {
    // The engine does no I/O (DESIGN §2): Node built-ins are off limits outside tests.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'packages/engine is pure: no Node I/O (DESIGN §2).',
          })),
        },
      ],
    },
  },
  {
    // The `loa` command line reads and writes files: the one engine folder allowed Node I/O.
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: only @temporalio/workflow and pure engine code.
    files: ['src/workflows/**/*.ts'],
    // Test helpers (testing/) drive workers and the file system like tests do; they never enter the bundle.
    ignores: ['src/workflows/**/*.test.ts', 'src/workflows/**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$|\\.{1,2}/)',
              message:
                'Workflow files may import only @temporalio/workflow and pure engine code (DESIGN §2).',
            },
          ],
        },
      ],
    },
  },
];
