// ESLint matches `files` patterns against the directory of the config file it loaded, and Nx runs `eslint .`
// in apps/builder. The root config's "apps/builder/..." blocks are therefore rebased onto this directory;
// without that, the builder's own restrictions (no Node built-ins, only @loa/engine/browser) would not apply.
import root from '../../eslint.config.mjs';

const projectPrefix = 'apps/builder/';

const rebase = (patterns) =>
  patterns.map((pattern) =>
    typeof pattern === 'string' && pattern.startsWith(projectPrefix)
      ? pattern.slice(projectPrefix.length)
      : pattern,
  );

export default [
  ...root.map((block) => ({
    ...block,
    ...(block.files && { files: rebase(block.files) }),
    ...(block.ignores && { ignores: rebase(block.ignores) }),
  })),
  {
    // Config files load the shared root config and Jest preset by relative path.
    files: ['eslint.config.mjs', 'jest.config.cjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
