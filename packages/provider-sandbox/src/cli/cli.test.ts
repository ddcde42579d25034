import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

const workspaceRoot = join(__dirname, '..', '..', '..', '..');

describe('standalone sandbox (npm run sandbox)', () => {
  it('prints one base URL per provider on the ports it bound, serves them, and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      join(workspaceRoot, 'node_modules', '.bin', 'tsx'),
      ['packages/provider-sandbox/src/cli/main.ts'],
      {
        cwd: workspaceRoot,
        env: { ...process.env, LOA_SANDBOX_PORT: '0', LOA_SANDBOX_SMTP_PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = once(child, 'exit');
    try {
      await expectServing(child);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await exited;
    expect(code).toBe(0);
  }, 30_000);
});

/** Reads the banner up to the control line; the ports are the ones the child bound (port 0 each). */
async function expectServing(child: ChildProcess & { stdout: Readable }) {
  const lines: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.startsWith('{')) lines.push(line);
    if (line.startsWith('control: ')) break;
  }
  const port = /^zns: http:\/\/127\.0\.0\.1:(\d+)\/zns$/.exec(lines[0] ?? '')?.[1];
  const smtpPort = /^smtp: smtp:\/\/127\.0\.0\.1:(\d+)$/.exec(lines[6] ?? '')?.[1];
  expect(Number(port)).toBeGreaterThan(0);
  expect(Number(smtpPort)).toBeGreaterThan(0);
  const origin = `http://127.0.0.1:${port}`;
  expect(lines).toEqual([
    `zns: ${origin}/zns`,
    `zalo-oauth: ${origin}/zalo-oauth/v4`,
    `zalo-oa: ${origin}/zalo-oa`,
    `esms: ${origin}/esms/MainService.svc/json`,
    `speedsms: ${origin}/speedsms`,
    `twilio: ${origin}/twilio`,
    `smtp: smtp://127.0.0.1:${smtpPort}`,
    `inbox: ${origin}/inbox`,
    `control: ${origin}/control`,
  ]);
  const quota = await fetch(`${origin}/zns/message/quota`, {
    headers: { access_token: 'sandbox-zalo-access-token' },
  });
  expect(await quota.json()).toMatchObject({ error: 0, data: { dailyQuota: 5000 } });
}
