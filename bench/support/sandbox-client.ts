// What a benchmark needs of the provider sandbox running in its own process (sandbox-process.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  InMemoryTokenStore,
  ZaloOAuthClient,
  ZaloTokenManager,
  type createHttpClient,
} from '@loa/connectors';
import type { EsmsAccountSeed, SandboxUrls, ZnsTemplateSeed } from '@loa/provider-sandbox';

export interface SandboxInfo {
  urls: SandboxUrls;
  appId: string;
  appSecret: string;
  webhookSecret: string;
  oaId: string;
  accessToken: string;
  refreshToken: string;
  template: ZnsTemplateSeed;
  esms: EsmsAccountSeed;
}

/** Params for the seeded order template. */
export const templateData = {
  customer_name: 'Nguyễn Thị Lan',
  order_code: 'DH1024',
  amount: '450000',
  order_date: '22/11/2026',
};

/** Starts the sandbox process (plain node with the tsx loader, so child.pid is the server whose CPU time is read). */
export async function startSandboxProcess(
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  const child = spawn('node', ['--import', 'tsx', join(__dirname, 'sandbox-process.ts')], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    return { child, info: JSON.parse(line) as SandboxInfo };
  }
  throw new Error('the sandbox process exited before printing its URLs');
}

/** The connector configuration of the sandbox's Zalo app and OA. */
export function sandboxZaloConfig(info: SandboxInfo) {
  return {
    appId: info.appId,
    appSecret: info.appSecret,
    oaId: info.oaId,
    webhookSecret: info.webhookSecret,
    baseUrls: { oauth: info.urls.zaloOauth, zns: info.urls.zns, oa: info.urls.zaloOa },
  };
}

/** A token manager holding the sandbox OA's token in memory (the API's ZaloAccess keeps it in PostgreSQL instead). */
export async function seededTokenManager(
  info: SandboxInfo,
  http: ReturnType<typeof createHttpClient>,
): Promise<ZaloTokenManager> {
  const store = new InMemoryTokenStore();
  const now = Date.now();
  await store.save(
    info.oaId,
    {
      accessToken: info.accessToken,
      refreshToken: info.refreshToken,
      issuedAt: now,
      accessTokenExpiresAt: now + 90_000_000,
    },
    { expectedRefreshToken: null },
  );
  return new ZaloTokenManager({ store, oauth: new ZaloOAuthClient({ http }) });
}
