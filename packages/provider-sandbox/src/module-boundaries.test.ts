import { lintAs as lintProjectAs } from '@loa/testing';

const lintAs = (file: string, code: string) => lintProjectAs('packages/provider-sandbox', file, code);

describe('provider sandbox boundary, enforced by lint', () => {
  it('may not import the connectors it exists to check', async () => {
    const problems = await lintAs(
      'src/probe.ts',
      "import { normalizeVietnamesePhone } from '@loa/connectors';\nexport const probe = normalizeVietnamesePhone;\n",
    );
    // The connectors' contract tests import the sandbox, so Nx reports the cycle before the tag rule; either way
    // the import is an error.
    expect(problems).toEqual([
      expect.stringMatching(
        /^@nx\/enforce-module-boundaries: (Circular dependency between "@loa\/provider-sandbox" and "@loa\/connectors"|.*can only depend on libs tagged with "scope:sandbox")/,
      ),
    ]);
  });

  it('may use its own modules', async () => {
    const problems = await lintAs(
      'src/probe.ts',
      "import { defaultSeed } from './state/default-seed';\nexport const probe = defaultSeed;\n",
    );
    expect(problems).toEqual([]);
  });
});
