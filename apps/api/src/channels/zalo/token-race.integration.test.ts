import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { waitFor, workspaceRoot } from '@loa/testing';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import { reencryptSecrets } from '../../secrets/reencrypt-secrets';
import { SecretBox } from '../../secrets/secret-box';
import type { TestWorkspace } from '../../testing/test-workspace';
import { ChannelAccountsService } from '../channel-accounts.service';
import { AccountTokenManager } from './account-token-manager';
import { PostgresTokenStore } from './postgres-token-store';
import { ZaloAccess } from './zalo-access.service';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from './testing/zalo-sandbox-kit';

const REFRESH_PATH = '/zalo-oauth/v4/oa/access_token';
const SEND_PATH = '/zns/message/template';
const tsx = join(workspaceRoot, 'node_modules/.bin/tsx');
const child = resolve(__dirname, 'testing/token-race.child.ts');

/** A worker process of its own: own pool, own token manager; resolves once it is ready to send. */
function startWorker(env: NodeJS.ProcessEnv): Promise<{ process: ChildProcess; result: Promise<string> }> {
  const worker = spawn(tsx, ['--tsconfig', join(workspaceRoot, 'apps/api/tsconfig.json'), child], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  worker.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = createInterface({ input: worker.stdout! });
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<void>((done, fail) => {
    resolveReady = done;
    rejectReady = fail;
  });
  const result = new Promise<string>((done, fail) => {
    lines.on('line', (line) => {
      if (line === 'ready') resolveReady();
      else if (line.startsWith('[')) done(line);
    });
    worker.on('exit', (code) => {
      const error = new Error(`worker exited with ${code}: ${errors.slice(-2000)}`);
      rejectReady(error);
      fail(error);
    });
  });
  return ready.then(() => ({ process: worker, result }));
}

describe('the PostgreSQL token store shared by processes', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let config: LoaConfig;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed({ znsNightWindow: false });
    ({ sandbox, app, ws, db } = bed);
    config = app.get(LOA_CONFIG);
  });

  afterAll(() => bed.close());

  let names = 0;
  async function connectedOa(): Promise<string> {
    names += 1;
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'zalo_oa', name: `Race OA ${names}`, config: sandboxZaloConfig(sandbox) })
      .expect(201);
    await ws.as.admin.get(await startAndConsent(ws.as.admin, created.body.id)).expect(200);
    return created.body.id as string;
  }

  const oaId = () => sandbox.seed.zalo[0]!.oas[0]!.oaId;

  it('two worker processes, 100 concurrent sends on an expired token: one refresh reaches Zalo, every send is sent', async () => {
    const id = await connectedOa();
    sandbox.expireTokens(oaId());
    await db.query(
      `UPDATE zalo_oa_tokens SET access_token_expires_at = now() - interval '1 minute' WHERE account_id = $1`,
      [id],
    );
    const { config: accountConfig } = await app.get(ChannelAccountsService).forSending(ws.workspaceId, id);
    const refreshesBefore = sandbox.requestCount(REFRESH_PATH);
    const sendsBefore = sandbox.requestCount(SEND_PATH);
    const databaseUrl = config.database.kind === 'postgres' ? config.database.url : '';
    const workers = await Promise.all(
      ['a', 'b'].map((name) =>
        startWorker({
          DATABASE_URL: databaseUrl,
          LOA_ENCRYPTION_KEY: config.encryptionKey.toString('base64'),
          ACCOUNT_ID: id,
          ZALO_ACCOUNT: JSON.stringify(accountConfig),
          COUNT: '50',
          WORKER_NAME: `worker-${name}`,
        }),
      ),
    );
    for (const worker of workers) worker.process.stdin?.write('go\n');
    const outcomes = (await Promise.all(workers.map((worker) => worker.result))).flatMap(
      (line) => JSON.parse(line) as Array<{ status: string; code?: string }>,
    );

    expect(outcomes).toHaveLength(100);
    expect(outcomes.filter((outcome) => outcome.status !== 'sent')).toEqual([]);
    expect(sandbox.requestCount(REFRESH_PATH) - refreshesBefore).toBe(1);
    expect(sandbox.requestCount(SEND_PATH) - sendsBefore).toBeGreaterThanOrEqual(100);
    expect(
      sandbox.inbox({ channel: 'zns' }).filter((message) => message.account === oaId()).length,
    ).toBeGreaterThanOrEqual(100);
  });

  it('a dead refresh token marks the account needs_reconnect (list and /health), and nobody refreshes it again', async () => {
    const id = await connectedOa();
    const box = app.get(SecretBox);
    const store = new PostgresTokenStore(db, box, id);
    const current = await store.load();
    expect(current).toBeDefined();
    await store.save(
      oaId(),
      { ...current!, refreshToken: 'sandbox-rt-never-issued', accessTokenExpiresAt: Date.now() - 60_000 },
      { expectedRefreshToken: current!.refreshToken },
    );
    const refreshesBefore = sandbox.requestCount(REFRESH_PATH);

    const access = app.get(ZaloAccess);
    const failed = await access.withAccessToken(ws.workspaceId, id, async () => 'called');
    expect(failed).toMatchObject({ ok: false, kind: 'reauthorization_required', code: '-14014' });
    expect(sandbox.requestCount(REFRESH_PATH) - refreshesBefore).toBe(1);

    const listed = await ws.as.analyst.get('/channel-accounts').expect(200);
    const account = listed.body.items.find((item: { id: string }) => item.id === id);
    expect(account).toMatchObject({
      status: 'needs_reconnect',
      statusDetail: expect.stringContaining('-14014'),
    });
    const health = await ws.as.anonymous.get('/health');
    expect(health.body.checks.channel_accounts).toMatchObject({
      status: 'up',
      detail: expect.stringMatching(/^\d+ channel accounts? needs? reconnecting/),
    });

    // Retries in this process and in another one (own pool, own manager) do not call Zalo again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await access.withAccessToken(ws.workspaceId, id, async () => 'called')).toMatchObject({
        ok: false,
      });
    }
    const otherDb = new DataSource({
      type: 'postgres',
      url: config.database.kind === 'postgres' ? config.database.url : '',
    });
    await otherDb.initialize();
    try {
      const otherManager = new AccountTokenManager(otherDb, id, { box, oauth: access.oauth });
      const { account: zaloAccount } = await access.forAccount(ws.workspaceId, id);
      expect(await otherManager.getAccessToken(zaloAccount)).toMatchObject({ ok: false });
    } finally {
      await otherDb.destroy();
    }
    expect(sandbox.requestCount(REFRESH_PATH) - refreshesBefore).toBe(1);

    // Reconnecting brings it back.
    await ws.as.admin.get(await startAndConsent(ws.as.admin, id)).expect(200);
    expect((await ws.as.admin.get(`/channel-accounts/${id}`).expect(200)).body).toMatchObject({
      status: 'connected',
      statusDetail: null,
    });
    expect(await access.withAccessToken(ws.workspaceId, id, async () => 'called')).toEqual({
      ok: true,
      value: 'called',
    });
  });

  /** Stores a refresh token Zalo never issued, with an expired access token: the next refresh is refused -14014. */
  async function storeDeadPair(id: string): Promise<void> {
    const store = new PostgresTokenStore(db, app.get(SecretBox), id);
    const current = (await store.load())!;
    await store.save(
      oaId(),
      { ...current, refreshToken: 'sandbox-rt-never-issued', accessTokenExpiresAt: Date.now() - 60_000 },
      { expectedRefreshToken: current.refreshToken },
    );
  }

  it('a refresh refused while an admin reconnected the OA does not mark the reconnected account needs_reconnect', async () => {
    const id = await connectedOa();
    await storeDeadPair(id);
    const access = app.get(ZaloAccess);
    const { account: zaloAccount } = await access.forAccount(ws.workspaceId, id);
    // Without reloads after the refusal, the refusal lands whatever the store holds by then.
    const manager = new AccountTokenManager(db, id, {
      box: app.get(SecretBox),
      oauth: access.oauth,
      reloadAttempts: 0,
    });
    const refreshesBefore = sandbox.requestCount(REFRESH_PATH);
    sandbox.addFault({ channel: 'zalo_oauth', latencyMs: 2_000 });
    const refreshing = manager.getAccessToken(zaloAccount);
    await waitFor(
      'the refresh to reach Zalo',
      async () => {
        if (sandbox.requestCount(REFRESH_PATH) === refreshesBefore) throw new Error('not yet');
      },
      10_000,
      10,
    );
    sandbox.clearFaults();
    await ws.as.admin.get(await startAndConsent(ws.as.admin, id)).expect(200);

    expect(await refreshing).toMatchObject({ ok: false, kind: 'reauthorization_required', code: '-14014' });
    expect((await ws.as.admin.get(`/channel-accounts/${id}`).expect(200)).body).toMatchObject({
      status: 'connected',
      statusDetail: null,
    });
    expect(await access.withAccessToken(ws.workspaceId, id, async () => 'called')).toEqual({
      ok: true,
      value: 'called',
    });
  });

  it('a refresh refused for the app settings (-14004) or with an HTTP error leaves the account connected', async () => {
    const id = await connectedOa();
    await db.query(
      `UPDATE zalo_oa_tokens SET access_token_expires_at = now() - interval '1 minute' WHERE account_id = $1`,
      [id],
    );
    const access = app.get(ZaloAccess);
    for (const [code, kind] of [
      [-14004, 'refresh_refused'],
      [403, 'unavailable'],
    ] as const) {
      sandbox.addFault({ channel: 'zalo_oauth', code });
      expect(
        await new AccountTokenManager(db, id, {
          box: app.get(SecretBox),
          oauth: access.oauth,
        }).getAccessToken((await access.forAccount(ws.workspaceId, id)).account),
      ).toMatchObject({ ok: false, kind });
      sandbox.clearFaults();
      expect((await ws.as.admin.get(`/channel-accounts/${id}`).expect(200)).body).toMatchObject({
        status: 'connected',
      });
    }
    // The refresh token was never spent: the next refresh succeeds.
    expect(await access.withAccessToken(ws.workspaceId, id, async () => 'called')).toEqual({
      ok: true,
      value: 'called',
    });
  });

  it('compare-and-set: a save expecting a refresh token that is no longer stored is a conflict', async () => {
    const id = await connectedOa();
    const store = new PostgresTokenStore(db, app.get(SecretBox), id);
    const current = (await store.load())!;
    const next = { ...current, accessToken: 'at-2', refreshToken: 'rt-2' };
    expect(await store.save(oaId(), next, { expectedRefreshToken: current.refreshToken })).toBe('saved');
    expect(
      await store.save(
        oaId(),
        { ...next, refreshToken: 'rt-3' },
        { expectedRefreshToken: current.refreshToken },
      ),
    ).toBe('conflict');
    expect(await store.save(oaId(), next, { expectedRefreshToken: null })).toBe('conflict');
    expect(await store.load()).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2' });
    const [row] = await db.query(`SELECT * FROM zalo_oa_tokens WHERE account_id = $1`, [id]);
    expect(JSON.stringify(row)).not.toContain('rt-2');
    expect(JSON.stringify(row)).not.toContain('at-2');
  });

  it('reads the stored pair on every load, but opens it again only when the row holds another pair', async () => {
    const id = await connectedOa();
    const box = app.get(SecretBox);
    const opens = jest.spyOn(box, 'open');
    try {
      const store = new PostgresTokenStore(db, box, id);
      const first = (await store.load())!;
      expect(await store.load()).toEqual(first);
      expect(await store.load()).toEqual(first);
      expect(opens).toHaveBeenCalledTimes(1);
      // Another process refreshed: the row holds a new pair, which this store opens and hands out.
      const writer = new PostgresTokenStore(db, box, id);
      const next = { ...first, accessToken: 'at-next', refreshToken: 'rt-next' };
      expect(await writer.save(oaId(), next, { expectedRefreshToken: first.refreshToken })).toBe('saved');
      opens.mockClear();
      expect(await store.load()).toMatchObject({ accessToken: 'at-next', refreshToken: 'rt-next' });
      expect(opens).toHaveBeenCalledTimes(1);
      // The account needs reconnecting: no pair, whatever was opened before.
      await db.query(`UPDATE channel_accounts SET status = 'needs_reconnect' WHERE id = $1`, [id]);
      expect(await store.load()).toBeUndefined();
    } finally {
      opens.mockRestore();
    }
  });

  it("a process's concurrent sends share one read of the stored pair; a send after them reads it again", async () => {
    const id = await connectedOa();
    const access = app.get(ZaloAccess);
    const reads = jest.spyOn(PostgresTokenStore.prototype, 'load');
    try {
      const handle = await access.forAccount(ws.workspaceId, id);
      // As a batch's sends ask: together.
      const tokens = await Promise.all(
        Array.from({ length: 20 }, () => handle.tokens.getAccessToken(handle.account)),
      );
      expect(tokens.filter((token) => !token.ok)).toEqual([]);
      expect(new Set(tokens.map((token) => token.ok && token.accessToken)).size).toBe(1);
      expect(reads).toHaveBeenCalledTimes(1);
      // Expired since: the next send reads the row again and refreshes, once.
      await db.query(
        `UPDATE zalo_oa_tokens SET access_token_expires_at = now() - interval '1 minute' WHERE account_id = $1`,
        [id],
      );
      const refreshesBefore = sandbox.requestCount(REFRESH_PATH);
      const after = await handle.tokens.getAccessToken(handle.account);
      expect(after.ok).toBe(true);
      expect(after.ok && after.accessToken).not.toBe(tokens[0]?.ok && tokens[0].accessToken);
      expect(sandbox.requestCount(REFRESH_PATH) - refreshesBefore).toBe(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('the pair is re-encrypted under a new key with the other secrets, and opens with the new key alone', async () => {
    const id = await connectedOa();
    const pair = await new PostgresTokenStore(db, app.get(SecretBox), id).load();
    const newKey = randomBytes(32);
    const report = await reencryptSecrets(db, new SecretBox(newKey, [config.encryptionKey]));
    expect(report.reencrypted['zalo_oa_tokens']).toBeGreaterThanOrEqual(1);
    expect(await new PostgresTokenStore(db, new SecretBox(newKey), id).load()).toEqual(pair);
  });
});
