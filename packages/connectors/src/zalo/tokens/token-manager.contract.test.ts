import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { waitFor } from '@loa/testing';
import { request } from 'undici';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import { buildZaloConsentUrl } from '../oauth/oauth.client';
import { createOAuthState, createPkcePair } from '../oauth/pkce';
import { startZaloSandbox, vietnamTime, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { ZnsConnector } from '../zns/zns.connector';
import type { ZnsMessage } from '../zns/zns.types';
import { connectZaloOa } from './connect-oa';
import { ZaloTokenManager, type ZaloTokenManagerOptions } from './token-manager';
import type { ZaloTokenPair } from './token-pair';
import { InMemoryTokenStore, type TokenSaveResult, type TokenStore } from './token-store';

const NOW = vietnamTime('2026-03-10T10:00:00');
const SEND_PATH = '/zns/message/template';
const REFRESH_PATH = '/zalo-oauth/v4/oa/access_token';

const otp = (key: string): { message: ZnsMessage; idempotencyKey: string } => ({
  message: { phone: '84900000011', templateId: '300002', templateData: { otp: '482913' } },
  idempotencyKey: key,
});

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** A TokenStore over another, with hooks that run before each load and around each save. */
class HookedStore implements TokenStore {
  loads = 0;
  saves = 0;

  constructor(
    private readonly inner: TokenStore,
    private readonly hooks: {
      beforeLoad?: () => Promise<void>;
      beforeSave?: (pair: ZaloTokenPair) => Promise<void>;
      afterSave?: (result: TokenSaveResult) => void;
    } = {},
  ) {}

  async load(oaId: string): Promise<ZaloTokenPair | undefined> {
    this.loads += 1;
    await this.hooks.beforeLoad?.();
    return this.inner.load(oaId);
  }

  async save(
    oaId: string,
    pair: ZaloTokenPair,
    options: { expectedRefreshToken: string | null },
  ): Promise<TokenSaveResult> {
    this.saves += 1;
    await this.hooks.beforeSave?.(pair);
    const result = await this.inner.save(oaId, pair, options);
    this.hooks.afterSave?.(result);
    return result;
  }
}

/** The real HTTP client, counting the requests it sends to `pathname` and the answers it gets back. */
function countingHttp(inner: HttpClient, pathname: string) {
  const counts = { sent: 0, answered: 0 };
  const http: HttpClient = {
    async send(input) {
      const counted = new URL(input.url).pathname === pathname;
      if (counted) counts.sent += 1;
      try {
        return await inner.send(input);
      } finally {
        if (counted) counts.answered += 1;
      }
    },
    close: () => inner.close(),
  };
  return { http, counts };
}

describe.each([{ reuseCode: -14014 }, { reuseCode: -14005 }])(
  'ZaloTokenManager against the provider sandbox (spent refresh token answered with $reuseCode)',
  ({ reuseCode }) => {
    let fx: ZaloSandboxFixture;
    let oaId: string;

    beforeAll(async () => {
      fx = await startZaloSandbox({ now: () => NOW, zaloRefreshReuseCode: reuseCode });
      oaId = fx.account.oaId;
    });
    afterAll(() => fx.close());
    beforeEach(() => fx.sandbox.reset());

    function seededPair(overrides: Partial<ZaloTokenPair> = {}): ZaloTokenPair {
      const oa = fx.sandbox.seed.zalo[0].oas[0];
      return {
        accessToken: oa.accessToken,
        refreshToken: oa.refreshToken,
        issuedAt: NOW,
        accessTokenExpiresAt: NOW + 90_000_000,
        ...overrides,
      };
    }

    async function storeWith(pair: ZaloTokenPair | null = seededPair()): Promise<InMemoryTokenStore> {
      const store = new InMemoryTokenStore();
      if (pair) await store.save(oaId, pair, { expectedRefreshToken: null });
      return store;
    }

    function manager(store: TokenStore, options: Partial<ZaloTokenManagerOptions> = {}): ZaloTokenManager {
      return new ZaloTokenManager({
        store,
        oauth: fx.oauth,
        now: () => NOW,
        reloadDelayMs: 1,
        saveDelayMs: 1,
        ...options,
      });
    }

    const zns = (tokens: ZaloTokenManager, http: HttpClient = fx.http) =>
      new ZnsConnector({ http, tokens, now: () => NOW });

    it('the new pair is in the store before any send uses its token', async () => {
      const gate = deferred();
      const saveEntered = deferred<ZaloTokenPair>();
      const inner = await storeWith();
      const store = new HookedStore(inner, {
        beforeSave: async (pair) => {
          saveEntered.resolve(pair);
          await gate.promise;
        },
      });
      const { http, counts } = countingHttp(fx.http, SEND_PATH);
      const connector = zns(manager(store), http);
      fx.sandbox.expireTokens(oaId);
      const count = 20;
      const sends = Promise.all(
        Array.from({ length: count }, (_, index) =>
          connector.send({ account: fx.account, ...otp(`gate-${index}`) }),
        ),
      );

      const newPair = await saveEntered.promise;
      // Whatever the refresh set going runs in microtasks: let it run, then wait for every answer.
      await nextMacrotask();
      await waitFor(
        'every ZNS request sent so far to be answered',
        async () => {
          if (counts.sent < count || counts.answered < counts.sent)
            throw new Error(`${counts.answered}/${counts.sent} answered`);
        },
        10_000,
        5,
      );
      expect(counts.sent).toBe(count);
      expect(fx.sandbox.requestCount(SEND_PATH)).toBe(count);
      expect(fx.sandbox.inbox({ channel: 'zns' })).toEqual([]);
      expect((await inner.load(oaId))?.accessToken).not.toBe(newPair.accessToken);

      gate.resolve();
      const outcomes = await sends;
      expect(outcomes.filter((outcome) => outcome.status !== 'sent')).toEqual([]);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
      expect(fx.sandbox.requestCount(SEND_PATH)).toBe(2 * count);
      expect(fx.sandbox.inbox({ channel: 'zns' })).toHaveLength(count);
      expect(await inner.load(oaId)).toEqual(newPair);
    });

    it("the process that loses the refresh race adopts the winner's pair", async () => {
      const shared = await storeWith();
      const gate = deferred();
      const winnerSaving = deferred();
      const winnerSaved = deferred();
      const loserReloading = deferred();
      const winnerStore = new HookedStore(shared, {
        beforeSave: async () => {
          winnerSaving.resolve();
          await gate.promise;
        },
        afterSave: () => winnerSaved.resolve(),
      });
      const loserStore = new HookedStore(shared, {
        // Once the loser's refresh has been refused, its reloads see the store only after the winner wrote it.
        beforeLoad: async () => {
          if (fx.sandbox.requestCount(REFRESH_PATH) < 2) return;
          loserReloading.resolve();
          await winnerSaved.promise;
        },
      });
      const winner = zns(manager(winnerStore));
      const loser = zns(manager(loserStore));
      fx.sandbox.expireTokens(oaId);

      const winnerSend = winner.send({ account: fx.account, ...otp('winner') });
      await winnerSaving.promise;
      const loserSend = loser.send({ account: fx.account, ...otp('loser') });
      await Promise.race([
        loserReloading.promise,
        loserSend.then((outcome) => {
          throw new Error(`the loser finished without reloading the store: ${JSON.stringify(outcome)}`);
        }),
      ]);
      expect(fx.sandbox.inbox({ channel: 'zns' })).toEqual([]);
      gate.resolve();

      const outcomes = await Promise.all([winnerSend, loserSend]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(2);
      expect(fx.sandbox.inbox({ channel: 'zns' })).toHaveLength(2);
      expect((await shared.load(oaId))?.refreshToken).not.toBe(seededPair().refreshToken);
    });

    it('a pair replaced by a reconnect while the refreshed one was being saved: the reconnected pair is used', async () => {
      const inner = await storeWith();
      const gate = deferred();
      const saving = deferred();
      const store = new HookedStore(inner, {
        beforeSave: async () => {
          saving.resolve();
          await gate.promise;
        },
      });
      fx.sandbox.expireTokens(oaId);
      const send = zns(manager(store)).send({ account: fx.account, ...otp('reconnect') });
      await saving.promise;

      const pkce = createPkcePair();
      const consent = await request(
        buildZaloConsentUrl({
          account: fx.account,
          redirectUri: fx.sandbox.seed.zalo[0].redirectUri,
          codeChallenge: pkce.codeChallenge,
          state: createOAuthState(),
        }),
      );
      await consent.body.dump();
      const code = new URL(String(consent.headers.location)).searchParams.get('code') ?? '';
      const connected = await connectZaloOa({
        account: fx.account,
        oauth: fx.oauth,
        store: inner,
        code,
        codeVerifier: pkce.codeVerifier,
      });
      expect(connected).toEqual({ ok: true });
      const reconnected = await inner.load(oaId);
      gate.resolve();

      expect(await send).toMatchObject({ status: 'sent' });
      expect(await inner.load(oaId)).toEqual(reconnected);
    });

    it('a store write that fails twice after a refresh is retried, and every send goes', async () => {
      let failures = 2;
      const inner = await storeWith();
      const store = new HookedStore(inner, {
        beforeSave: async () => {
          if (failures > 0) {
            failures -= 1;
            throw new Error('connection reset by the database');
          }
        },
      });
      const connector = zns(manager(store));
      fx.sandbox.expireTokens(oaId);
      const outcomes = await connector.sendBatch({
        account: fx.account,
        items: Array.from({ length: 10 }, (_, index) => otp(`flaky-store-${index}`)),
      });
      expect(outcomes.filter((outcome) => outcome.status !== 'sent')).toEqual([]);
      expect(store.saves).toBe(3);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
    });

    it('a store that keeps failing after a refresh: retryable, and the pair is saved later without a second refresh', async () => {
      let storeUp = false;
      const inner = await storeWith();
      const store = new HookedStore(inner, {
        beforeSave: async () => {
          if (!storeUp) throw new Error('the database is down');
        },
      });
      const connector = zns(manager(store, { saveAttempts: 3 }));
      fx.sandbox.expireTokens(oaId);
      const down = await connector.sendBatch({
        account: fx.account,
        items: [otp('store-down-1'), otp('store-down-2')],
      });
      expect(down).toEqual([
        expect.objectContaining({ class: 'retryable', code: 'loa_token_store_unavailable' }),
        expect.objectContaining({ class: 'retryable', code: 'loa_token_store_unavailable' }),
      ]);
      expect(store.saves).toBe(3);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);

      storeUp = true;
      const up = await connector.send({ account: fx.account, ...otp('store-up') });
      expect(up).toMatchObject({ status: 'sent' });
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
      expect((await inner.load(oaId))?.refreshToken).not.toBe(seededPair().refreshToken);
    });

    it('Zalo OAuth down after Zalo refused the token: retryable, without sending the refused token again', async () => {
      fx.sandbox.addFault({ channel: 'zalo_oauth', errorRate: 1, code: 503 });
      fx.sandbox.expireTokens(oaId);
      const outcome = await zns(manager(await storeWith())).send({
        account: fx.account,
        ...otp('oauth-down'),
      });
      expect(outcome).toMatchObject({ status: 'failed', class: 'retryable', code: 'loa_oauth_unavailable' });
      expect(fx.sandbox.requestCount(SEND_PATH)).toBe(1);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
    });

    it('Zalo OAuth down while refreshing ahead of expiry: the current token is still used', async () => {
      fx.sandbox.addFault({ channel: 'zalo_oauth', errorRate: 1, code: 503 });
      const store = await storeWith(seededPair({ accessTokenExpiresAt: NOW + 60_000 }));
      const outcome = await zns(manager(store)).send({ account: fx.account, ...otp('ahead') });
      expect(outcome).toMatchObject({ status: 'sent' });
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
    });

    it('a dead refresh token: reauthorization after the reloads, then no more OAuth requests until the stored pair or the app changes', async () => {
      const expired = seededPair({
        refreshToken: 'sandbox-rt-spent-long-ago',
        accessTokenExpiresAt: NOW - 1,
      });
      const inner = await storeWith(expired);
      const store = new HookedStore(inner);
      const connector = zns(manager(store, { reloadAttempts: 3 }));
      const reauthorization = {
        status: 'failed',
        class: 'permanent',
        scope: 'account',
        code: String(reuseCode),
      };

      expect(await connector.send({ account: fx.account, ...otp('dead-1') })).toMatchObject(reauthorization);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
      expect(store.loads).toBe(1 + 3);

      const again: SendOutcome[] = [];
      for (const key of ['dead-2', 'dead-3']) {
        again.push(await connector.send({ account: fx.account, ...otp(key) }));
      }
      expect(again).toEqual([
        expect.objectContaining(reauthorization),
        expect.objectContaining(reauthorization),
      ]);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(1);
      expect(store.loads).toBe(4 + 2);
      expect(fx.sandbox.requestCount(SEND_PATH)).toBe(0);

      const wrongSecret = { ...fx.account, appSecret: 'a-corrected-secret' };
      expect(await connector.send({ account: wrongSecret, ...otp('dead-4') })).toMatchObject({
        class: 'permanent',
        code: '-14004',
      });
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(2);

      await inner.save(
        oaId,
        { ...expired, refreshToken: 'sandbox-rt-another-dead-one' },
        { expectedRefreshToken: expired.refreshToken },
      );
      expect(await connector.send({ account: fx.account, ...otp('dead-5') })).toMatchObject(reauthorization);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(3);
    });

    it('a refresh refused for the app settings (-14004, -14002) is not a dead grant: refresh_refused', async () => {
      const expired = seededPair({ accessTokenExpiresAt: NOW - 1 });
      const tokens = manager(await storeWith(expired), { reloadAttempts: 1 });
      expect(await tokens.getAccessToken({ ...fx.account, appSecret: 'not-the-app-secret' })).toMatchObject({
        ok: false,
        kind: 'refresh_refused',
        code: '-14004',
      });
      fx.sandbox.addFault({ channel: 'zalo_oauth', code: -14002 });
      expect(await tokens.getAccessToken(fx.account)).toMatchObject({
        ok: false,
        kind: 'refresh_refused',
        code: '-14002',
      });
      fx.sandbox.clearFaults();
      // The refresh token was never spent: once the app is right again, it refreshes.
      const store = await storeWith(expired);
      expect(await manager(store).getAccessToken(fx.account)).toMatchObject({ ok: true });
      expect((await store.load(oaId))?.refreshToken).not.toBe(expired.refreshToken);
    });

    it('an HTTP 4xx from Zalo OAuth fails that refresh only: retryable, and the next call refreshes', async () => {
      const store = await storeWith(seededPair({ accessTokenExpiresAt: NOW - 1 }));
      const tokens = manager(store);
      fx.sandbox.addFault({ channel: 'zalo_oauth', code: 400 });
      expect(await tokens.getAccessToken(fx.account)).toMatchObject({ ok: false, kind: 'unavailable' });
      fx.sandbox.clearFaults();
      expect(await tokens.getAccessToken(fx.account)).toMatchObject({ ok: true });
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(2);
      expect((await store.load(oaId))?.refreshToken).not.toBe(seededPair().refreshToken);
    });

    it('an OA with no stored pair is not connected: a permanent account failure, no request', async () => {
      const outcome = await zns(manager(await storeWith(null))).send({
        account: fx.account,
        ...otp('nobody'),
      });
      expect(outcome).toMatchObject({ class: 'permanent', scope: 'account', code: 'loa_oa_not_connected' });
      expect(fx.sandbox.requestCount(SEND_PATH)).toBe(0);
      expect(fx.sandbox.requestCount(REFRESH_PATH)).toBe(0);
    });

    it('a store that cannot be read: retryable, never an exception', async () => {
      const store = new HookedStore(new InMemoryTokenStore(), {
        beforeLoad: async () => {
          throw new Error('the database is down');
        },
      });
      const outcome = await zns(manager(store)).send({ account: fx.account, ...otp('unreadable') });
      expect(outcome).toMatchObject({ class: 'retryable', code: 'loa_token_store_unavailable' });
    });
  },
);
