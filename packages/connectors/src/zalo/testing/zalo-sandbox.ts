import { startSandbox, type RunningSandbox, type SandboxOptions } from '@loa/provider-sandbox';
import { createHttpClient, type HttpClient } from '../../http/http-client';
import { zaloOaAccountSchema, type ZaloOaAccount } from '../account/zalo-account.schema';
import { ZaloOAuthClient } from '../oauth/oauth.client';
import { ZaloTokenManager } from '../tokens/token-manager';
import { InMemoryTokenStore } from '../tokens/token-store';

export interface ZaloSandboxFixture {
  sandbox: RunningSandbox;
  http: HttpClient;
  account: ZaloOaAccount;
  store: InMemoryTokenStore;
  oauth: ZaloOAuthClient;
  tokens: ZaloTokenManager;
  /** The OA's seeded pair, as stored before any refresh. */
  seededAccessToken: string;
  close(): Promise<void>;
}

/** Starts the provider sandbox on a free port, with the first seeded OA as the account and its pair stored. */
export async function startZaloSandbox(
  options: SandboxOptions & { account?: Partial<ZaloOaAccount>; now?: () => number } = {},
): Promise<ZaloSandboxFixture> {
  const sandbox = await startSandbox(options);
  const app = sandbox.seed.zalo[0];
  const oa = app.oas[0];
  const account = zaloOaAccountSchema.parse({
    appId: app.appId,
    appSecret: app.secretKey,
    oaId: oa.oaId,
    webhookSecret: app.webhookSecret,
    baseUrls: { oauth: sandbox.urls.zaloOauth, zns: sandbox.urls.zns, oa: sandbox.urls.zaloOa },
    ...options.account,
  });
  const http = createHttpClient({ timeoutMs: 10_000 });
  const store = new InMemoryTokenStore();
  const now = options.now ?? Date.now;
  await store.save(
    oa.oaId,
    {
      accessToken: oa.accessToken,
      refreshToken: oa.refreshToken,
      issuedAt: now(),
      accessTokenExpiresAt: now() + (oa.accessTokenTtlSeconds ?? 90_000) * 1000,
    },
    { expectedRefreshToken: null },
  );
  const oauth = new ZaloOAuthClient({ http, now });
  const tokens = new ZaloTokenManager({ store, oauth, now });
  return {
    sandbox,
    http,
    account,
    store,
    oauth,
    tokens,
    seededAccessToken: oa.accessToken,
    async close() {
      await http.close();
      await sandbox.close();
    },
  };
}

/** Epoch ms of a wall-clock time in Vietnam (UTC+7, no daylight saving). */
export function vietnamTime(isoLocal: string): number {
  return Date.parse(`${isoLocal}+07:00`);
}

/** The pair the fixture's store holds for its OA (fails the test when there is none). */
export async function storedPair(fx: ZaloSandboxFixture) {
  const pair = await fx.store.load(fx.account.oaId);
  if (!pair) throw new Error(`no token pair stored for OA ${fx.account.oaId}`);
  return pair;
}
