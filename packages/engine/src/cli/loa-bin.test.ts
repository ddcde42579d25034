import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { znsWithSmsFallbackGraph } from '../testing/sample-graphs';

const bin = join(__dirname, '..', '..', 'bin', 'loa.cjs');
const dir = mkdtempSync(join(tmpdir(), 'loa-cli-'));
mkdirSync(join(dir, 'campaigns'));
writeFileSync(join(dir, 'campaigns', 'orders.json'), JSON.stringify(znsWithSmsFallbackGraph()));
writeFileSync(join(dir, 'broken.json'), JSON.stringify({ schemaVersion: 1, nodes: [], edges: [] }));
writeFileSync(join(dir, 'notes.json'), '{ "schemaVersion": 1,');

/** Runs bin/loa.cjs as a user would, from `cwd`. */
function loa(args: string[], cwd = dir, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, npm_command: '', INIT_CWD: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bin/loa.cjs (child process, TypeScript source, no build)', () => {
  it('validates a campaign by a relative path: exit 0 and the JSON report', () => {
    const run = loa(['validate', 'campaigns/orders.json', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, diagnostics: expect.any(Array) });
  });

  it('works from another directory, with paths relative to it', () => {
    const inside = loa(['compile', 'orders.json', '--json'], join(dir, 'campaigns'));
    expect(inside.status).toBe(0);
    expect(JSON.parse(inside.stdout).hash).toMatch(/^[0-9a-f]{64}$/);
    const parent = loa(['validate', join('..', 'broken.json')], join(dir, 'campaigns'));
    expect(parent.status).toBe(1);
    expect(parent.stdout).toContain(`${join('..', 'broken.json')}: error NO_TRIGGER`);
  });

  it('reads paths from where npx was typed when npm moved it to the enclosing package folder', () => {
    const typedIn = join(dir, 'campaigns');
    const run = loa(['validate', 'orders.json'], dir, { npm_command: 'exec', INIT_CWD: typedIn });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('orders.json: valid\n');
  });

  it('exits 1 when the campaign has errors', () => {
    const run = loa(['validate', 'broken.json', '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      diagnostics: [expect.objectContaining({ code: 'NO_TRIGGER' })],
    });
  });

  it('exits 2 with one clear line on stderr for a missing file or a file that is not JSON', () => {
    const missing = loa(['validate', 'campaign.json']);
    expect(missing).toEqual({
      status: 2,
      stdout: '',
      stderr: 'loa: cannot read campaign.json: no such file\n',
    });
    const notJson = loa(['validate', 'notes.json']);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/^loa: notes\.json is not JSON: [^\n]+\n$/);
  });

  it('prints help', () => {
    const run = loa(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: loa <command>');
  });
});
