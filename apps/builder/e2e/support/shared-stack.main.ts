// The shared browser-test stack, run by the builder's Jest global setup (e2e-global-setup.ts) as a process of its
// own: the provider sandbox, the built API and worker, a seeded workspace and the Vite dev server. It prints one
// line `LOA_E2E_STACK_READY {json}` (an E2eStack) once everything answers, and stops everything on SIGTERM.
import { randomBytes } from 'node:crypto';
import { defaultSeed, startSandbox, type RunningSandbox, type SandboxSeed } from '@loa/provider-sandbox';
import { freePort } from '@loa/testing';
import { assertApiBuilt, readTestServices, startApiStack } from './api-stack';
import { ApiSession } from './api-session';
import { startBuilderServer } from './builder-server';
import { ProcessGroup } from './processes';
import { E2E_STACK_READY, type E2eRole, type E2eStack } from './shared-stack.types';

const ZALO_CALLBACK_PATH = '/channel-accounts/zalo/callback';
const processes = new ProcessGroup();
let sandbox: RunningSandbox | undefined;

async function main(): Promise<void> {
  assertApiBuilt();
  const services = readTestServices();
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // The API's Zalo callback sends the browser back to the builder, whose address it must know first.
  const builderPort = await freePort();

  const seed = defaultSeed();
  seed.zalo.push(unusedZaloApp(seed.zalo[0]!));
  for (const app of seed.zalo) app.redirectUri = `${apiUrl}${ZALO_CALLBACK_PATH}`;
  sandbox = await startSandbox({ seed, znsNightWindow: false });

  const admin = {
    email: 'admin@loa-e2e.test',
    password: randomBytes(12).toString('base64url'),
    name: 'Admin',
  };
  await startApiStack(processes, services, {
    withWorker: true,
    port: apiPort,
    env: {
      LOA_PUBLIC_API_URL: apiUrl,
      LOA_BUILDER_URL: `http://127.0.0.1:${builderPort}`,
      LOA_BOOTSTRAP_ADMIN_EMAIL: admin.email,
      LOA_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0',
      // Every browser test signs in through the login page, several times a minute per user.
      LOA_LOGIN_RATE_LIMIT: '1000',
    },
  });
  const asAdmin = await ApiSession.signIn(apiUrl, admin.email, admin.password);
  const me = await asAdmin.expect<{ workspace: { id: string } }>(200, 'GET', '/auth/me');

  const users = { admin } as E2eStack['users'];
  for (const [role, name] of [
    ['marketer', 'Lan Marketing'],
    ['analyst', 'Minh Phân tích'],
  ] as Array<[E2eRole, string]>) {
    const email = `${role}@loa-e2e.test`;
    const password = randomBytes(12).toString('base64url');
    const invitation = await asAdmin.expect<{ token: string }>(201, 'POST', '/users/invitations', {
      email,
      role,
    });
    await ApiSession.anonymous(apiUrl).expect(200, 'POST', '/auth/invitations/accept', {
      token: invitation.token,
      name,
      password,
    });
    users[role] = { email, password, name };
  }

  const accounts = await seedChannelAccounts(asAdmin, sandbox);
  const { key: ingestKey } = await asAdmin.expect<{ key: string }>(201, 'POST', '/api-keys', {
    name: 'Website',
    scope: 'ingest',
  });
  // The Vite dev server, or the production build (apps/builder/dist) served by `vite preview` for benchmarks.
  const builder = await startBuilderServer(
    processes,
    apiUrl,
    process.env['LOA_E2E_BUILDER_MODE'] === 'preview' ? 'preview' : 'dev',
    builderPort,
  );

  const stack: E2eStack = {
    apiUrl,
    builderUrl: builder.url,
    sandbox: { inbox: sandbox.urls.inbox, control: sandbox.urls.control },
    users,
    workspaceId: me.workspace.id,
    accounts,
    unusedProviderAccounts: unusedProviderAccounts(sandbox),
    ingestKey,
  };
  process.stdout.write(`${E2E_STACK_READY}${JSON.stringify(stack)}\n`);
}

/** A Zalo OA connected through the sandbox's consent (its ZNS templates synced) and an eSMS care account. */
async function seedChannelAccounts(
  asAdmin: ApiSession,
  running: RunningSandbox,
): Promise<E2eStack['accounts']> {
  const app = running.seed.zalo[0]!;
  const oa = await asAdmin.expect<{ id: string }>(201, 'POST', '/channel-accounts', {
    kind: 'zalo_oa',
    name: 'Zalo OA Cửa hàng',
    config: {
      appId: app.appId,
      appSecret: app.secretKey,
      oaId: app.oas[0]!.oaId,
      webhookSecret: app.webhookSecret,
      baseUrls: { oauth: running.urls.zaloOauth, zns: running.urls.zns, oa: running.urls.zaloOa },
    },
  });
  const { url } = await asAdmin.expect<{ url: string }>(
    200,
    'POST',
    `/channel-accounts/${oa.id}/zalo/connect`,
  );
  const consent = await fetch(url, { redirect: 'manual' });
  if (consent.status !== 302) throw new Error(`the sandbox's Zalo consent answered ${consent.status}`);
  const callback = new URL(consent.headers.get('location')!);
  const connected = await asAdmin.call('GET', `${callback.pathname}${callback.search}`);
  if (connected.status >= 400) throw new Error(`the Zalo callback answered ${connected.status}`);

  const esmsSeed = running.seed.esms[0]!;
  const esms = await asAdmin.expect<{ id: string }>(201, 'POST', '/channel-accounts', {
    kind: 'esms',
    name: 'eSMS CSKH',
    config: {
      apiKey: esmsSeed.apiKey,
      secretKey: esmsSeed.secretKey,
      brandname: esmsSeed.brandnames[0],
      smsType: 'care',
      baseUrl: running.urls.esms,
    },
  });
  return { zaloOa: oa.id, esms: esms.id };
}

/** A second Zalo app with an OA of its own, which no channel account is connected to. */
function unusedZaloApp(first: SandboxSeed['zalo'][number]): SandboxSeed['zalo'][number] {
  const [oa] = first.oas;
  return {
    ...structuredClone(first),
    appId: '1000000000000000002',
    secretKey: 'sandbox-zalo-app-secret-2',
    webhookSecret: 'sandbox-zalo-oa-webhook-secret-2',
    oas: [
      {
        ...structuredClone(oa!),
        oaId: '2000000000000000002',
        name: 'Tiệm bánh Sandbox',
        accessToken: 'sandbox-zalo-access-token-2',
        refreshToken: 'sandbox-zalo-refresh-token-2',
      },
    ],
  };
}

function unusedProviderAccounts(running: RunningSandbox): E2eStack['unusedProviderAccounts'] {
  const app = running.seed.zalo[1]!;
  const esms = running.seed.esms[0]!;
  return {
    zalo: {
      appId: app.appId,
      appSecret: app.secretKey,
      oaId: app.oas[0]!.oaId,
      oaName: app.oas[0]!.name,
      webhookSecret: app.webhookSecret,
      baseUrls: { oauth: running.urls.zaloOauth, zns: running.urls.zns, oa: running.urls.zaloOa },
    },
    esms: {
      apiKey: esms.apiKey,
      secretKey: esms.secretKey,
      brandname: esms.brandnames[esms.brandnames.length - 1]!,
      baseUrl: running.urls.esms,
    },
  };
}

async function stop(): Promise<void> {
  await processes.stopAll();
  await sandbox?.close();
}

process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
process.once('SIGINT', () => void stop().finally(() => process.exit(0)));
main().catch(async (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await stop();
  process.exit(1);
});
