import { request } from 'undici';
import { startZaloSandbox, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { connectZaloOa } from '../tokens/connect-oa';
import type { ZaloTokenPair } from '../tokens/token-pair';
import { InMemoryTokenStore, type TokenStore } from '../tokens/token-store';
import { buildZaloConsentUrl } from './oauth.client';
import { createOAuthState, createPkcePair } from './pkce';

describe('Zalo OAuth v4 against the provider sandbox', () => {
  let fx: ZaloSandboxFixture;
  beforeAll(async () => {
    fx = await startZaloSandbox();
  });
  afterAll(() => fx.close());

  /** Opens the consent URL as the OA admin would and reads the code from the redirect. */
  async function consent(codeChallenge: string): Promise<{ code: string; oaId: string; state: string }> {
    const state = createOAuthState();
    const url = buildZaloConsentUrl({
      account: fx.account,
      redirectUri: fx.sandbox.seed.zalo[0].redirectUri,
      codeChallenge,
      state,
    });
    const response = await request(url, { method: 'GET' });
    await response.body.dump();
    expect(response.statusCode).toBe(302);
    const callback = new URL(String(response.headers.location));
    expect(callback.searchParams.get('state')).toBe(state);
    return {
      code: callback.searchParams.get('code') ?? '',
      oaId: callback.searchParams.get('oa_id') ?? '',
      state,
    };
  }

  it('exchanges a code with its PKCE verifier, then refreshes with the single-use refresh token', async () => {
    const pkce = createPkcePair();
    const { code, oaId } = await consent(pkce.codeChallenge);
    expect(oaId).toBe(fx.account.oaId);
    const exchanged = await fx.oauth.exchangeCode({
      account: fx.account,
      code,
      codeVerifier: pkce.codeVerifier,
    });
    if (!exchanged.ok) throw new Error(exchanged.message);
    expect(exchanged.pair.accessTokenExpiresAt - exchanged.pair.issuedAt).toBe(90_000_000);

    const refreshed = await fx.oauth.refresh({
      account: fx.account,
      refreshToken: exchanged.pair.refreshToken,
    });
    if (!refreshed.ok) throw new Error(refreshed.message);
    expect(refreshed.pair.refreshToken).not.toBe(exchanged.pair.refreshToken);

    const reused = await fx.oauth.refresh({ account: fx.account, refreshToken: exchanged.pair.refreshToken });
    expect(reused).toMatchObject({ ok: false, kind: 'oauth', code: -14014, reason: 'invalid_refresh_token' });
    expect(!reused.ok && reused.message).toContain('-14014');
  });

  it('refuses a wrong verifier and a reused code with -14005', async () => {
    const pkce = createPkcePair();
    const { code } = await consent(pkce.codeChallenge);
    const wrong = await fx.oauth.exchangeCode({
      account: fx.account,
      code,
      codeVerifier: createPkcePair().codeVerifier,
    });
    expect(wrong).toMatchObject({ ok: false, kind: 'oauth', code: -14005, reason: 'invalid_code' });

    const second = await consent(pkce.codeChallenge);
    const first = await fx.oauth.exchangeCode({
      account: fx.account,
      code: second.code,
      codeVerifier: pkce.codeVerifier,
    });
    expect(first.ok).toBe(true);
    const again = await fx.oauth.exchangeCode({
      account: fx.account,
      code: second.code,
      codeVerifier: pkce.codeVerifier,
    });
    expect(again).toMatchObject({ ok: false, code: -14005 });
  });

  it('names a wrong secret key (-14004) without echoing the secret', async () => {
    const wrongSecret = 'not-the-app-secret-xyz';
    const result = await fx.oauth.refresh({
      account: { ...fx.account, appSecret: wrongSecret },
      refreshToken: 'whatever',
    });
    expect(result).toMatchObject({ ok: false, kind: 'oauth', code: -14004, reason: 'invalid_secret_key' });
    expect(JSON.stringify(result)).not.toContain(wrongSecret);
  });

  it('connectZaloOa stores the pair from the callback code', async () => {
    const pkce = createPkcePair();
    const { code } = await consent(pkce.codeChallenge);
    const store = new InMemoryTokenStore();
    const result = await connectZaloOa({
      account: fx.account,
      oauth: fx.oauth,
      store,
      code,
      codeVerifier: pkce.codeVerifier,
    });
    expect(result).toEqual({ ok: true });
    expect(await store.load(fx.account.oaId)).toMatchObject({ accessToken: expect.any(String) });
  });

  it('connectZaloOa gives up, with a value, on a store whose pair changes under every write', async () => {
    const pkce = createPkcePair();
    const { code } = await consent(pkce.codeChallenge);
    let saves = 0;
    const churning: TokenStore = {
      load: async () => undefined,
      save: async () => {
        saves += 1;
        if (saves > 100) throw new Error('connectZaloOa kept writing');
        return 'conflict';
      },
    };
    const result = await connectZaloOa({
      account: fx.account,
      oauth: fx.oauth,
      store: churning,
      code,
      codeVerifier: pkce.codeVerifier,
    });
    expect(result).toMatchObject({ ok: false, kind: 'store' });
    expect(saves).toBe(5);
  });

  it('connectZaloOa answers a failing store with a value', async () => {
    const pkce = createPkcePair();
    const { code } = await consent(pkce.codeChallenge);
    const broken: TokenStore = {
      load: async (): Promise<ZaloTokenPair | undefined> => {
        throw new Error('password authentication failed for user "loa"');
      },
      save: async () => 'saved',
    };
    const result = await connectZaloOa({
      account: fx.account,
      oauth: fx.oauth,
      store: broken,
      code,
      codeVerifier: pkce.codeVerifier,
    });
    expect(result).toMatchObject({ ok: false, kind: 'store' });
    expect(JSON.stringify(result)).not.toContain('password');
  });
});
