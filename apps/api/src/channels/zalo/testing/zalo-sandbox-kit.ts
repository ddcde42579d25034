import { defaultSeed, startSandbox, type RunningSandbox, type SandboxOptions } from '@loa/provider-sandbox';
import { request } from 'undici';
import { SEEDED_SECRET_MARK, seededSecret } from '../../../testing/seeded-secret';
import { unwatchedProviderServer } from '../../../testing/secret-watch';
import type { TestCaller } from '../../../testing/test-workspace';
import { ZALO_CALLBACK_PATH } from '../zalo-connect.service';

/** The API's public URL in tests: only its path reaches the app (through supertest). */
export const TEST_PUBLIC_API_URL = 'http://loa-api.test';

/**
 * The provider sandbox, its Zalo app redirecting to the API's callback. Its secrets, and the Zalo tokens it mints, are
 * seeded secrets, so the secret watch fails the test file if one shows in a response or a log line of the API (the
 * sandbox's own answers, which hand tokens out, are not watched).
 */
export async function startZaloTestSandbox(
  options: SandboxOptions = {},
  adjust: (seed: ReturnType<typeof defaultSeed>) => void = () => undefined,
): Promise<RunningSandbox> {
  const seed = defaultSeed();
  adjust(seed);
  for (const app of seed.zalo) {
    app.redirectUri = `${TEST_PUBLIC_API_URL}${ZALO_CALLBACK_PATH}`;
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
  const sandbox = await startSandbox({ zaloTokenPrefix: SEEDED_SECRET_MARK, ...options, seed });
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
  const app = sandbox.seed.zalo[0]!;
  return {
    appId: app.appId,
    appSecret: app.secretKey,
    oaId: app.oas[0]!.oaId,
    webhookSecret: app.webhookSecret,
    baseUrls: { oauth: sandbox.urls.zaloOauth, zns: sandbox.urls.zns, oa: sandbox.urls.zaloOa },
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
