import root, { nodeBuiltins } from '../../eslint.config.mjs';

export default [
  ...root,
  {
    // Shared by the API and the browser (the builder): no Node built-ins.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'packages/api-contract runs in the browser too.',
          })),
        },
      ],
    },
  },
];
