import { lintAs } from '@loa/testing';

/** Every project with tests, as `lintAs` takes it. */
const projects = [
  'apps/api',
  'apps/builder',
  'packages/engine',
  'packages/connectors',
  'packages/provider-sandbox',
  'packages/sms-text',
  'packages/api-contract',
  'tools',
];

const focused =
  "describe('probe', () => {\n  it.only('runs alone', () => {\n    expect(1).toBe(1);\n  });\n});\n";
const skipped = [
  "it.skip('is skipped', () => {\n  expect(1).toBe(1);\n});\n",
  "xit('is skipped', () => {\n  expect(1).toBe(1);\n});\n",
  "describe.skip('skipped block', () => {\n  it('never runs', () => {\n    expect(1).toBe(1);\n  });\n});\n",
];

describe('lint keeps the test gate closed', () => {
  it.each(projects)('rejects focused and skipped tests in %s', async (project) => {
    const file = project === 'tools' ? 'gate/probe.test.ts' : 'src/probe.test.ts';
    expect(await lintAs(project, file, focused)).toEqual([
      expect.stringMatching(/^jest\/no-focused-tests: /),
    ]);
    for (const code of skipped) {
      expect(await lintAs(project, file, code)).toEqual([
        expect.stringMatching(/^jest\/no-disabled-tests: /),
      ]);
    }
  });

  it('leaves ordinary tests alone', async () => {
    expect(await lintAs('packages/engine', 'src/probe.test.ts', skipped[0].replace('it.skip', 'it'))).toEqual(
      [],
    );
  });
});
