import root, { nodeBuiltins } from '../../eslint.config.mjs';

export default [
  ...root,
  {
    // The builder runs in the browser and imports only the browser-safe entry point of the engine (DESIGN §2).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The builder runs in the browser: no Node built-ins.',
          })),
          patterns: [
            {
              regex: '^@loa/engine(?!/browser$|/examples/[a-z0-9-]+\\.json$)',
              message: 'The builder may import only @loa/engine/browser and the example campaign files.',
            },
            { regex: '^@loa/(api|connectors)(/|$)', message: 'The builder may not import server code.' },
          ],
        },
      ],
    },
  },
];
