import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { DataSource } from 'typeorm';
import { createApp } from '../../create-app';
import { testConfig } from '../../testing/test-config';
import { seedTestWorkspace, signIn, type TestWorkspace } from '../../testing/test-workspace';
import {
  consentAtZalo,
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestSandbox,
  TEST_PUBLIC_API_URL,
  startZaloTestBed,
  type ZaloTestBed,
} from './testing/zalo-sandbox-kit';

describe('connecting a Zalo OA through the OAuth v4 redirect (PKCE, single-use state bound to the session)', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, app, ws, db } = bed);
  });

  afterAll(() => bed.close());

  beforeEach(() => sandbox.reset());

  let names = 0;
  async function newOaAccount(): Promise<string> {
    names += 1;
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'zalo_oa', name: `Zalo OA ${names}`, config: sandboxZaloConfig(sandbox) })
      .expect(201);
    expect(created.body.status).toBe('not_connected');
    return created.body.id as string;
  }

  const accountOf = async (id: string) => (await ws.as.admin.get(`/channel-accounts/${id}`).expect(200)).body;

  it('answers a consent URL with an S256 challenge, then the callback connects the OA and syncs its templates', async () => {
    const id = await newOaAccount();
    const started = await ws.as.admin.post(`/channel-accounts/${id}/zalo/connect`).expect(200);
    const url = new URL(started.body.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.urls.zaloOauth}/oa/permission`);
    expect(url.searchParams.get('redirect_uri')).toBe(
      `${TEST_PUBLIC_API_URL}/channel-accounts/zalo/callback`,
    );
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = url.searchParams.get('state') ?? '';
    expect(state.length).toBeGreaterThanOrEqual(22);
    const [stored] = await db.query(`SELECT * FROM zalo_oauth_states WHERE account_id = $1`, [id]);
    expect(JSON.stringify(stored)).not.toContain(state);

    const callback = await consentAtZalo(started.body.url);
    const finished = await ws.as.admin.get(callback).expect(200);
    expect(finished.text).toContain('Cửa hàng Sandbox');

    const account = await accountOf(id);
    expect(account).toMatchObject({
      status: 'connected',
      statusDetail: null,
      providerName: 'Cửa hàng Sandbox',
    });
    const [tokens] = await db.query(`SELECT * FROM zalo_oa_tokens WHERE account_id = $1`, [id]);
    expect(tokens.tokens_ciphertext).toMatch(/^v1\./);
    expect(tokens.refresh_token_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.query(`SELECT 1 FROM zalo_oauth_states WHERE account_id = $1`, [id])).toEqual([]);

    const templates = await ws.as.analyst.get(`/templates/zns?accountId=${id}`).expect(200);
    const seeded = sandbox.seed.zalo[0]!.oas[0]!.templates;
    expect(templates.body.items.map((t: { templateId: string }) => t.templateId).sort()).toEqual(
      seeded.map((t) => t.templateId).sort(),
    );
    const otp = seeded.find((t) => t.templateId === '300002')!;
    const one = await ws.as.marketer.get(`/templates/zns/300002?accountId=${id}`).expect(200);
    expect(one.body).toMatchObject({
      templateId: '300002',
      name: otp.templateName,
      status: otp.status,
      price: Number(otp.price),
      params: otp.params.map((p) =>
        expect.objectContaining({ name: p.name, type: p.type, maxLength: p.maxLength }),
      ),
    });
  });

  it('refuses a replayed callback, leaving the account as it was', async () => {
    const id = await newOaAccount();
    const callback = await startAndConsent(ws.as.admin, id);
    await ws.as.admin.get(callback).expect(200);
    const before = await accountOf(id);
    const replay = await ws.as.admin.get(callback).expect(400);
    expect(replay.body).toMatchObject({
      zaloError: 'state_unknown',
      detail: expect.stringMatching(/unknown, already used/),
    });
    expect(await accountOf(id)).toEqual(before);
  });

  it('refuses the callback in another session of the same admin, and an expired consent', async () => {
    const id = await newOaAccount();
    const otherSession = await signIn(app, ws.users.admin.email, ws.users.admin.password);
    await otherSession.get(await startAndConsent(ws.as.admin, id)).expect(400);
    expect((await accountOf(id)).status).toBe('not_connected');

    const late = await startAndConsent(ws.as.admin, id);
    await db.query(
      `UPDATE zalo_oauth_states SET expires_at = now() - interval '1 second' WHERE account_id = $1`,
      [id],
    );
    const expired = await ws.as.admin.get(late).expect(400);
    expect(expired.body).toMatchObject({
      zaloError: 'state_expired',
      detail: expect.stringMatching(/expired/),
    });
    expect((await accountOf(id)).status).toBe('not_connected');
  });

  it('a callback in another session does not use up the state: the admin who started it still connects', async () => {
    const id = await newOaAccount();
    const callback = await startAndConsent(ws.as.admin, id);
    const otherSession = await signIn(app, ws.users.admin.email, ws.users.admin.password);
    await otherSession.get(callback).expect(400);
    await ws.as.admin.get(callback).expect(200);
    expect((await accountOf(id)).status).toBe('connected');
  });

  /** The callback as Zalo may send it: without `oa_id`. */
  const withoutOaId = (callback: string) => {
    const url = new URL(callback, TEST_PUBLIC_API_URL);
    url.searchParams.delete('oa_id');
    return `${url.pathname}${url.search}`;
  };

  it("without oa_id in the callback, the OA profile read with the new token must be the account's OA", async () => {
    const granted = sandbox.seed.zalo[0]!.oas[0]!.oaId;
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({
        kind: 'zalo_oa',
        name: 'Another OA of the app',
        config: { ...sandboxZaloConfig(sandbox), oaId: '2000000000000000099' },
      })
      .expect(201);
    const id = created.body.id as string;
    const refused = await ws.as.admin.get(withoutOaId(await startAndConsent(ws.as.admin, id))).expect(400);
    expect(refused.body.detail).toContain(`granted for OA ${granted}`);
    expect(refused.body.zaloError).toBe('wrong_oa');
    expect((await accountOf(id)).status).toBe('not_connected');
    expect(await db.query(`SELECT 1 FROM zalo_oa_tokens WHERE account_id = $1`, [id])).toEqual([]);
    expect(await db.query(`SELECT 1 FROM zns_templates WHERE account_id = $1`, [id])).toEqual([]);

    const right = await newOaAccount();
    await ws.as.admin.get(withoutOaId(await startAndConsent(ws.as.admin, right))).expect(200);
    expect(await accountOf(right)).toMatchObject({ status: 'connected', providerName: 'Cửa hàng Sandbox' });
  });

  it('a template sync that fails after connecting is recorded; the callback still reports the connection', async () => {
    // A price beyond what the templates table holds makes storing the synced template throw.
    const odd = await startZaloTestSandbox({}, (seed) => {
      seed.zalo[0]!.oas[0]!.templates[0]!.price = '1000000000000000';
    });
    try {
      const created = await ws.as.admin
        .post('/channel-accounts')
        .send({ kind: 'zalo_oa', name: 'OA with an odd template', config: sandboxZaloConfig(odd) })
        .expect(201);
      const id = created.body.id as string;
      const finished = await ws.as.admin.get(await startAndConsent(ws.as.admin, id)).expect(200);
      expect(finished.text).toContain('is connected');
      const [account] = await db.query(
        `SELECT status, zns_templates_sync_error FROM channel_accounts WHERE id = $1`,
        [id],
      );
      expect(account).toMatchObject({ status: 'connected', zns_templates_sync_error: expect.any(String) });
    } finally {
      await odd.close();
    }
  });

  it('answers 502 when Zalo refuses the code, the account unchanged; no code means no grant', async () => {
    const id = await newOaAccount();
    const callback = new URL(await startAndConsent(ws.as.admin, id), TEST_PUBLIC_API_URL);
    callback.searchParams.set('code', 'not-a-code-zalo-issued');
    const refused = await ws.as.admin.get(`${callback.pathname}${callback.search}`).expect(502);
    expect(refused.body).toMatchObject({
      zaloError: 'exchange_failed',
      detail: expect.stringMatching(/-14005/),
    });
    expect((await accountOf(id)).status).toBe('not_connected');
    expect(await db.query(`SELECT 1 FROM zalo_oa_tokens WHERE account_id = $1`, [id])).toEqual([]);

    const denied = await ws.as.admin.get('/channel-accounts/zalo/callback?error=access_denied').expect(400);
    expect(denied.body.zaloError).toBe('access_denied');
  });

  it('needs a signed-in admin: the state alone does not connect anything', async () => {
    const id = await newOaAccount();
    const callback = await startAndConsent(ws.as.admin, id);
    await ws.as.anonymous.get(callback).expect(401);
    await ws.as.marketer.get(callback).expect(403);
    await ws.as.marketer.post(`/channel-accounts/${id}/zalo/connect`).expect(403);
    await ws.as.admin.get(callback).expect(200);
  });

  it('sends the admin back to the builder when LOA_BUILDER_URL is set, connected or with a code saying why not', async () => {
    const other = await createApp(
      testConfig({
        LOA_PUBLIC_API_URL: TEST_PUBLIC_API_URL,
        LOA_BUILDER_URL: 'http://builder.test/app/',
        LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0',
      }),
    );
    await other.init();
    try {
      const ows = await seedTestWorkspace(other);
      const created = await ows.as.admin
        .post('/channel-accounts')
        .send({ kind: 'zalo_oa', name: 'OA', config: sandboxZaloConfig(sandbox) })
        .expect(201);
      const id = created.body.id as string;

      const refusedCallback = new URL(await startAndConsent(ows.as.admin, id), TEST_PUBLIC_API_URL);
      refusedCallback.searchParams.set('code', 'not-a-code-zalo-issued');
      const refused = await ows.as.admin
        .get(`${refusedCallback.pathname}${refusedCallback.search}`)
        .expect(302);
      const refusedTarget = new URL(refused.headers.location as string);
      expect(`${refusedTarget.origin}${refusedTarget.pathname}`).toBe(
        `http://builder.test/app/settings/channels/${id}`,
      );
      // a stable code, never the problem's free text (Zalo's own message included)
      expect([...refusedTarget.searchParams]).toEqual([['zaloError', 'exchange_failed']]);
      expect((await ows.as.admin.get(`/channel-accounts/${id}`).expect(200)).body.status).toBe(
        'not_connected',
      );

      const denied = await ows.as.admin
        .get('/channel-accounts/zalo/callback?error=access_denied')
        .expect(302);
      const deniedTarget = new URL(denied.headers.location as string);
      expect(`${deniedTarget.origin}${deniedTarget.pathname}`).toBe(
        'http://builder.test/app/settings/channels',
      );
      expect([...deniedTarget.searchParams]).toEqual([['zaloError', 'access_denied']]);

      const replayed = await ows.as.admin
        .get(`${refusedCallback.pathname}${refusedCallback.search}`)
        .expect(302);
      expect(new URL(replayed.headers.location as string).searchParams.get('zaloError')).toBe(
        'state_unknown',
      );

      const late = await startAndConsent(ows.as.admin, id);
      await other
        .get(DataSource)
        .query(
          `UPDATE zalo_oauth_states SET expires_at = now() - interval '1 second' WHERE account_id = $1`,
          [id],
        );
      const expired = await ows.as.admin.get(late).expect(302);
      const expiredTarget = new URL(expired.headers.location as string);
      expect(expiredTarget.pathname).toBe(`/app/settings/channels/${id}`);
      expect(expiredTarget.searchParams.get('zaloError')).toBe('state_expired');

      const back = await ows.as.admin.get(await startAndConsent(ows.as.admin, id)).expect(302);
      expect(back.headers.location).toBe(`http://builder.test/app/settings/channels/${id}?connected=zalo`);
      expect((await ows.as.admin.get(`/channel-accounts/${id}`).expect(200)).body.status).toBe('connected');
    } finally {
      await other.close();
    }
  });
});
