import { createHash, randomBytes } from 'node:crypto';
import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { seedAt, VIETNAM_MORNING } from '../testing/fixtures';
import { getJson, postForm, postJson } from '../testing/http';

describe('Zalo OAuth v4 (providers.md §1)', () => {
  let sandbox: RunningSandbox;
  const app = () => sandbox.seed.zalo[0];
  const tokenUrl = () => `${sandbox.urls.zaloOauth}/oa/access_token`;
  const refresh = (refreshToken: string, secret = app().secretKey) =>
    postForm(
      tokenUrl(),
      { refresh_token: refreshToken, app_id: app().appId, grant_type: 'refresh_token' },
      { secret_key: secret },
    );
  const znsSend = (accessToken: string) =>
    postJson(
      `${sandbox.urls.zns}/message/template`,
      { phone: '84987654321', template_id: '300002', template_data: { otp: '1234' }, tracking_id: 't-1' },
      { access_token: accessToken },
    );

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: seedAt(VIETNAM_MORNING), now: () => VIETNAM_MORNING });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('runs the consent redirect and the PKCE code exchange; a code is single use', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const consent = await getJson(
      `${sandbox.urls.zaloOauth}/oa/permission?app_id=${app().appId}&redirect_uri=${encodeURIComponent(app().redirectUri)}&code_challenge=${challenge}&state=xyz`,
    );
    expect(consent.status).toBe(302);
    const callback = new URL(consent.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(app().redirectUri);
    expect(callback.searchParams.get('oa_id')).toBe('2000000000000000001');
    expect(callback.searchParams.get('state')).toBe('xyz');
    const code = callback.searchParams.get('code') ?? '';
    const exchange = (codeVerifier: string) =>
      postForm(
        tokenUrl(),
        { code, app_id: app().appId, grant_type: 'authorization_code', code_verifier: codeVerifier },
        { secret_key: app().secretKey },
      );

    expect((await exchange('wrong-verifier-'.padEnd(43, 'x'))).body['error']).toBe(-14005);
    const consent2 = await getJson(
      `${sandbox.urls.zaloOauth}/oa/permission?app_id=${app().appId}&redirect_uri=${encodeURIComponent(app().redirectUri)}&code_challenge=${challenge}`,
    );
    const code2 = new URL(consent2.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const good = await postForm(
      tokenUrl(),
      { code: code2, app_id: app().appId, grant_type: 'authorization_code', code_verifier: verifier },
      { secret_key: app().secretKey },
    );
    expect(good.status).toBe(200);
    expect(good.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: '90000',
    });
    const again = await postForm(
      tokenUrl(),
      { code: code2, app_id: app().appId, grant_type: 'authorization_code', code_verifier: verifier },
      { secret_key: app().secretKey },
    );
    expect(again.body['error']).toBe(-14005);
  });

  it('refuses a wrong secret_key (-14004), an unknown app (-14002), a bad grant (-14018) and a bad redirect (-14003), all HTTP 200', async () => {
    const wrongSecret = await refresh(app().oas[0].refreshToken, 'sandbox-not-the-secret');
    expect(wrongSecret.status).toBe(200);
    expect(wrongSecret.body).toMatchObject({
      error: -14004,
      error_name: expect.any(String),
      error_description: expect.any(String),
    });
    const inBody = await postForm(tokenUrl(), {
      refresh_token: app().oas[0].refreshToken,
      app_id: app().appId,
      grant_type: 'refresh_token',
      secret_key: app().secretKey,
    });
    expect(inBody.body['error']).toBe(-14004);
    expect(
      (
        await postForm(
          tokenUrl(),
          { app_id: '42', grant_type: 'refresh_token' },
          { secret_key: app().secretKey },
        )
      ).body['error'],
    ).toBe(-14002);
    expect(
      (
        await postForm(
          tokenUrl(),
          { app_id: app().appId, grant_type: 'password' },
          { secret_key: app().secretKey },
        )
      ).body['error'],
    ).toBe(-14018);
    const badRedirect = await getJson(
      `${sandbox.urls.zaloOauth}/oa/permission?app_id=${app().appId}&redirect_uri=https%3A%2F%2Fevil.example`,
    );
    expect(badRedirect.body['error']).toBe(-14003);
  });

  it('rotates the pair on refresh: the old refresh token dies (-14014) and the old access token is refused (-124)', async () => {
    const oa = app().oas[0];
    expect((await znsSend(oa.accessToken)).body['error']).toBe(0);
    const rotated = await refresh(oa.refreshToken);
    expect(rotated.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: '90000',
    });
    expect(rotated.body['refresh_token']).not.toBe(oa.refreshToken);
    expect((await refresh(oa.refreshToken)).body).toMatchObject({ error: -14014 });
    expect((await znsSend(oa.accessToken)).body).toEqual({
      error: -124,
      message: 'Access token invalid',
      data: null,
    });
    expect((await znsSend(String(rotated.body['access_token']))).body['error']).toBe(0);
    const next = await refresh(String(rotated.body['refresh_token']));
    expect(next.body['expires_in']).toBe('90000');
    expect(sandbox.requestCount('/zalo-oauth/v4/oa/access_token')).toBeGreaterThanOrEqual(3);

    sandbox.expireTokens();
    expect((await znsSend(String(next.body['access_token']))).body['error']).toBe(-124);
  });

  it('mints tokens that begin with the configured prefix, so that a secret watch can recognise them', async () => {
    const marked = await startSandbox({
      seed: seedAt(VIETNAM_MORNING),
      now: () => VIETNAM_MORNING,
      zaloTokenPrefix: 'watched-secret',
    });
    try {
      const zaloApp = marked.seed.zalo[0];
      const pair = await postForm(
        `${marked.urls.zaloOauth}/oa/access_token`,
        { refresh_token: zaloApp.oas[0].refreshToken, app_id: zaloApp.appId, grant_type: 'refresh_token' },
        { secret_key: zaloApp.secretKey },
      );
      expect(pair.body).toMatchObject({
        access_token: expect.stringMatching(/^watched-secret-at-/),
        refresh_token: expect.stringMatching(/^watched-secret-rt-/),
      });
    } finally {
      await marked.close();
    }
    // Without one, the default.
    const rotated = await refresh(app().oas[0].refreshToken);
    expect(rotated.body['access_token']).toMatch(/^sandbox-at-/);
  });
});
