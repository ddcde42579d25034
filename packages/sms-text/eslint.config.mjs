import root, { nodeBuiltins } from '../../eslint.config.mjs';

export default [
  ...root,
  {
    // Shared with the browser (the builder's simulator) and the server alike: no Node built-ins.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'packages/sms-text runs in the browser too.',
          })),
        },
      ],
    },
  },
];
