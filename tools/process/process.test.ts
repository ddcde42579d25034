import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryNotFoundError, findBinary, requireBinary } from './find-binary';
import { isAlive, stopProcess } from './stop-process';
import { waitUntil, WaitError } from './wait-until';

describe('findBinary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bin-'));
  const tool = join(dir, 'loa-probe-tool');
  writeFileSync(tool, '#!/bin/sh\n');
  chmodSync(tool, 0o755);
  writeFileSync(join(dir, 'not-executable'), '');

  it('looks at the named variable, then PATH, then the given directories', () => {
    expect(findBinary('loa-probe-tool', { env: { PATH: dir } })).toBe(tool);
    expect(findBinary('loa-probe-tool', { env: { PATH: '' }, dirs: [dir] })).toBe(tool);
    expect(findBinary('loa-probe-tool', { env: { PATH: dir }, path: false })).toBeNull();
    expect(findBinary('other', { envVariable: 'TOOL', env: { TOOL: tool, PATH: '' } })).toBe(tool);
    expect(findBinary('not-executable', { env: { PATH: dir } })).toBeNull();
  });

  it('fails plainly on a variable naming no executable, or when required and nowhere', () => {
    expect(() =>
      findBinary('x', { envVariable: 'TOOL', env: { TOOL: join(dir, 'not-executable') } }),
    ).toThrow(BinaryNotFoundError);
    expect(() => requireBinary('loa-missing-tool', { env: { PATH: dir } }, 'Install it.')).toThrow(
      'loa-missing-tool was not found on PATH. Install it.',
    );
  });
});

describe('stopProcess', () => {
  it('stops a process group with SIGTERM and waits until it is gone', async () => {
    const child = spawn('sh', ['-c', 'sleep 30 & wait'], { detached: true, stdio: 'ignore' });
    const pid = child.pid as number;
    await waitUntil('the group', async () => {
      if (!isAlive(pid)) throw new Error('not started');
    });

    expect(await stopProcess(pid)).toBe('stopped');
    expect(isAlive(pid)).toBe(false);
    expect(await stopProcess(pid)).toBe('gone');
  });

  it('kills what ignores SIGTERM after the grace period', async () => {
    const child = spawn('sh', ['-c', 'trap "" TERM; while :; do sleep 0.1; done'], {
      detached: true,
      stdio: 'ignore',
    });
    const pid = child.pid as number;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(await stopProcess(pid, { graceMs: 300 })).toBe('killed');
    expect(isAlive(pid)).toBe(false);
  });
});

describe('waitUntil', () => {
  it('returns the first value the probe resolves', async () => {
    let calls = 0;
    const value = await waitUntil(
      'three calls',
      async () => {
        calls++;
        if (calls < 3) throw new Error(`call ${calls}`);
        return 'ready';
      },
      { intervalMs: 1 },
    );

    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('says what it waited for and what it saw last when time runs out', async () => {
    const wait = waitUntil('the moon', () => Promise.reject(new Error('still dark')), {
      timeoutMs: 20,
      intervalMs: 5,
    });

    await expect(wait).rejects.toThrow(
      /^Timed out after 20 ms waiting for the moon \(last seen: still dark\)$/,
    );
    await expect(wait).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('gives up at once when told why, and stops when aborted', async () => {
    await expect(
      waitUntil('the api', () => Promise.reject(new Error('no answer')), {
        giveUp: () => 'api exited with code 1',
      }),
    ).rejects.toMatchObject({
      kind: 'gave-up',
      message: 'the api: api exited with code 1 (last seen: nothing yet)',
    });
    const controller = new AbortController();
    controller.abort();
    const aborted = waitUntil('anything', () => Promise.resolve(1), { signal: controller.signal });
    await expect(aborted).rejects.toBeInstanceOf(WaitError);
  });
});
