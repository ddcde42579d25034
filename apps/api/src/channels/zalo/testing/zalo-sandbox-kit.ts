import type { INestApplication } from '@nestjs/common';
import { defaultSeed, startSandbox, type RunningSandbox, type SandboxOptions } from '@loa/provider-sandbox';
import { DataSource } from 'typeorm';
import { request } from 'undici';
import { createApp } from '../../../create-app';
import { SEEDED_SECRET_MARK, seededSecret } from '../../../testing/seeded-secret';
import { unwatchedProviderServer } from '../../../testing/secret-watch';
import { testConfig } from '../../../testing/test-config';
import { seedTestWorkspace, type TestCaller, type TestWorkspace } from '../../../testing/test-workspace';
import { ZALO_CALLBACK_PATH } from '../zalo-connect.service';

/** The API's public URL in tests: only its path reaches the app (through supertest). */
export const TEST_PUBLIC_API_URL = 'http://loa-api.test';

/**
 * The provider sandbox, its Zalo app redirecting to the API's callback under `publicApiUrl` (the app's
 * LOA_PUBLIC_API_URL). Its secrets, and the Zalo tokens it mints, are seeded secrets, so the secret watch fails the test file if one shows in a response or a log line of the API (the
 * sandbox's own answers, which hand tokens out, are not watched).
 */
export async function startZaloTestSandbox(
  options: SandboxOptions & { publicApiUrl?: string } = {},
  adjust: (seed: ReturnType<typeof defaultSeed>) => void = () => undefined,
): Promise<RunningSandbox> {
  const { publicApiUrl = TEST_PUBLIC_API_URL, ...sandboxOptions } = options;
  const seed = defaultSeed();
  adjust(seed);
  for (const app of seed.zalo) {
    app.redirectUri = `${publicApiUrl}${ZALO_CALLBACK_PATH}`;
    app.secretKey = seededSecret('zalo-app-secret');
    app.webhookSecret = seededSecret('zalo-webhook-secret');
    for (const oa of app.oas) {
      oa.accessToken = seededSecret('zalo-access-token');
      oa.refreshToken = seededSecret('zalo-refresh-token');
    }
  }
  for (const account of seed.speedsms) account.accessToken = seededSecret('speedsms-token');
  for (const account of seed.esms) account.secretKey = seededSecret('esms-secret-key');
  for (const account of seed.twilio) account.authToken = seededSecret('twilio-auth-token');
  for (const user of seed.smtp) user.pass = seededSecret('smtp-password');
  const sandbox = await startSandbox({ zaloTokenPrefix: SEEDED_SECRET_MARK, ...sandboxOptions, seed });
  const watchAgain = unwatchedProviderServer(sandbox.urls.zns);
  const close = sandbox.close.bind(sandbox);
  sandbox.close = async () => {
    await close();
    watchAgain();
  };
  return sandbox;
}

/** The settings of a channel account for the sandbox's first OA. */
export function sandboxZaloConfig(sandbox: RunningSandbox): Record<string, unknown> {
  const app = sandbox.seed.zalo[0];
  return {
    appId: app.appId,
    appSecret: app.secretKey,
    oaId: app.oas[0].oaId,
    webhookSecret: app.webhookSecret,
    baseUrls: { oauth: sandbox.urls.zaloOauth, zns: sandbox.urls.zns, oa: sandbox.urls.zaloOa },
  };
}

/** The settings of an eSMS account for the sandbox's first eSMS account (customer care SMS, not eSMS test mode). */
export function sandboxEsmsConfig(sandbox: RunningSandbox): Record<string, unknown> {
  const esms = sandbox.seed.esms[0];
  return {
    apiKey: esms.apiKey,
    secretKey: esms.secretKey,
    brandname: esms.brandnames[0],
    smsType: 'care',
    baseUrl: sandbox.urls.esms,
  };
}

/** The settings of an SMTP account for the sandbox's mail server and its first user. */
export function sandboxSmtpConfig(sandbox: RunningSandbox): Record<string, unknown> {
  const smtp = new URL(sandbox.urls.smtp);
  const user = sandbox.seed.smtp[0];
  return {
    host: smtp.hostname,
    port: Number(smtp.port),
    verifyTlsCertificate: false,
    auth: { user: user.user, pass: user.pass },
    poolSize: 2,
    from: 'Shop Hoa <news@shophoa.vn>',
    messageIdDomain: 'mail.shophoa.vn',
    unsubscribe: { urlTemplate: 'https://loa.example/unsubscribe/{token}' },
  };
}

/** Opens Zalo's consent URL as the admin's browser would, and answers the callback path Zalo redirects to. */
export async function consentAtZalo(consentUrl: string): Promise<string> {
  const response = await request(consentUrl, { method: 'GET' });
  await response.body.dump();
  if (response.statusCode !== 302) throw new Error(`the sandbox consent answered ${response.statusCode}`);
  const callback = new URL(String(response.headers.location));
  return `${callback.pathname}${callback.search}`;
}

/** Starts the connection as `admin` and lets Zalo consent: answers the callback path with its code and state. */
export async function startAndConsent(admin: TestCaller, accountId: string): Promise<string> {
  const started = await admin.post(`/channel-accounts/${accountId}/zalo/connect`).expect(200);
  return consentAtZalo((started.body as { url: string }).url);
}

/** The next 06:30 in Vietnam: Zalo (and the sandbox) send ZNS by day only (their night window is 22:00–06:00). */
export function nextVietnamMorning(now = Date.now()): number {
  const day = 86_400_000;
  const offset = 7 * 3_600_000;
  const local = now + offset;
  const today = local - (local % day) + 6 * 3_600_000 + 30 * 60_000;
  return (today > local ? today : today + day) - offset;
}

/** A Zalo OA account on the sandbox's app and OA, connected through the OAuth redirect; answers its id. */
export async function connectedSandboxOa(bed: Pick<ZaloTestBed, 'sandbox' | 'ws'>): Promise<string> {
  const created = await bed.ws.as.admin
    .post('/channel-accounts')
    .send({ kind: 'zalo_oa', name: 'Zalo OA', config: sandboxZaloConfig(bed.sandbox) })
    .expect(201);
  const accountId = (created.body as { id: string }).id;
  await bed.ws.as.admin.get(await startAndConsent(bed.ws.as.admin, accountId)).expect(200);
  return accountId;
}

/** The provider sandbox, the API (called through supertest, no scheduled template sync) and a workspace. */
export interface ZaloTestBed {
  sandbox: RunningSandbox;
  app: INestApplication;
  ws: TestWorkspace;
  db: DataSource;
  close(): Promise<void>;
}

export async function startZaloTestBed(
  options: SandboxOptions = {},
  adjust?: (seed: ReturnType<typeof defaultSeed>) => void,
): Promise<ZaloTestBed> {
  const sandbox = await startZaloTestSandbox(options, adjust);
  const app = await createApp(
    testConfig({ LOA_PUBLIC_API_URL: TEST_PUBLIC_API_URL, LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' }),
  );
  await app.init();
  const ws = await seedTestWorkspace(app);
  return {
    sandbox,
    app,
    ws,
    db: app.get(DataSource),
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}
