import { request, type Session } from './demo-api';

/** What the provider sandbox's GET /control/accounts answers: the consoles' credentials and its base URLs. */
export interface SandboxAccounts {
  urls: { zaloOauth: string; zns: string; zaloOa: string; esms: string; smtp: string; control: string };
  zalo: Array<{ appId: string; secretKey: string; webhookSecret: string; oas: Array<{ oaId: string }> }>;
  esms: Array<{ apiKey: string; secretKey: string; brandnames: string[] }>;
  smtp: Array<{ user: string; pass: string }>;
}

export interface DemoChannels {
  zaloOa: string;
  esms: string;
  smtp: string;
  /** The eSMS brand name the account sends under. */
  brandname: string;
}

interface Account {
  id: string;
  name: string;
  status: string;
  webhookUrl: string | null;
}

export const DEMO_ACCOUNT_NAMES = {
  zaloOa: 'Zalo OA (sandbox)',
  esms: 'eSMS CSKH (sandbox)',
  smtp: 'E-mail (sandbox)',
} as const;

export async function sandboxAccounts(sandboxUrl: string): Promise<SandboxAccounts> {
  const response = await request(sandboxUrl, 'GET', '/control/accounts');
  return (await response.json()) as SandboxAccounts;
}

/**
 * The workspace's channel accounts on the provider sandbox, as an admin adds them: the Zalo OA connected through
 * Zalo's consent (connect → the sandbox's authorize page → the API's callback) with its ZNS templates synced and its
 * app's webhook pointed at the account, an eSMS customer-care account and an SMTP account. Accounts already there
 * (by name) are kept.
 */
export async function connectDemoChannels(
  admin: Session,
  sandbox: SandboxAccounts,
  log: (line: string) => void,
): Promise<DemoChannels> {
  const existing = (await admin.json<{ items: Account[] }>('GET', '/channel-accounts')).items;
  const named = (name: string) => existing.find((account) => account.name === name);
  const create = async (kind: string, name: string, config: Record<string, unknown>) => {
    const account =
      named(name) ?? (await admin.json<Account>('POST', '/channel-accounts', { kind, name, config }));
    if (!named(name)) log(`added the channel account ${name}`);
    return account;
  };

  const zaloApp = sandbox.zalo[0];
  const oa = zaloApp?.oas[0];
  if (!zaloApp || !oa) throw new Error('the provider sandbox has no Zalo OA');
  let zalo = await create('zalo_oa', DEMO_ACCOUNT_NAMES.zaloOa, {
    appId: zaloApp.appId,
    appSecret: zaloApp.secretKey,
    oaId: oa.oaId,
    webhookSecret: zaloApp.webhookSecret,
    baseUrls: { oauth: sandbox.urls.zaloOauth, zns: sandbox.urls.zns, oa: sandbox.urls.zaloOa },
  });
  if (zalo.status !== 'connected') zalo = await connectZalo(admin, zalo.id, log);
  let synced = await syncTemplates(admin, zalo.id);
  // The stack's sandbox forgets the tokens it granted when it restarts (Zalo then answers -124): consent again.
  if (!synced.ok) {
    zalo = await connectZalo(admin, zalo.id, log);
    synced = await syncTemplates(admin, zalo.id);
  }
  if (!synced.ok) throw new Error(`the ZNS template sync failed: ${synced.detail ?? 'no detail'}`);
  log(`synced ${synced.templates ?? 0} ZNS templates`);
  // The Zalo developer console step: the app posts its signed events (delivery receipts) to the account's webhook.
  if (!zalo.webhookUrl) throw new Error('the Zalo OA account has no webhook URL');
  await request(sandbox.urls.control, 'POST', '/control/zalo/webhook', {
    body: { url: zalo.webhookUrl, appId: zaloApp.appId },
  });

  const esmsAccount = sandbox.esms[0];
  const brandname = esmsAccount?.brandnames[0];
  if (!esmsAccount || !brandname) throw new Error('the provider sandbox has no eSMS account');
  const esms = await create('esms', DEMO_ACCOUNT_NAMES.esms, {
    apiKey: esmsAccount.apiKey,
    secretKey: esmsAccount.secretKey,
    brandname,
    smsType: 'care',
    baseUrl: sandbox.urls.esms,
  });

  const smtpUser = sandbox.smtp[0];
  if (!smtpUser) throw new Error('the provider sandbox has no SMTP user');
  const smtpUrl = new URL(sandbox.urls.smtp);
  const smtp = await create('smtp', DEMO_ACCOUNT_NAMES.smtp, {
    host: smtpUrl.hostname,
    port: Number(smtpUrl.port),
    verifyTlsCertificate: false,
    auth: { user: smtpUser.user, pass: smtpUser.pass },
    from: 'Shop Loa <news@shop-loa.vn>',
    messageIdDomain: 'mail.shop-loa.vn',
    unsubscribe: { urlTemplate: 'https://shop-loa.vn/huy-dang-ky/{token}' },
  });
  return { zaloOa: zalo.id, esms: esms.id, smtp: smtp.id, brandname };
}

function syncTemplates(admin: Session, accountId: string) {
  return admin.json<{ ok: boolean; templates?: number; detail?: string }>(
    'POST',
    `/channel-accounts/${accountId}/zns-templates/sync`,
  );
}

async function connectZalo(admin: Session, accountId: string, log: (line: string) => void): Promise<Account> {
  await consentAtZalo(admin, accountId);
  const account = await admin.json<Account>('GET', `/channel-accounts/${accountId}`);
  if (account.status !== 'connected') throw new Error(`the Zalo OA is ${account.status} after the consent`);
  log('connected the Zalo OA through its OAuth consent');
  return account;
}

/** Starts the connection, opens Zalo's consent URL as the admin's browser would and follows it to the callback. */
async function consentAtZalo(admin: Session, accountId: string): Promise<void> {
  const { url } = await admin.json<{ url: string }>('POST', `/channel-accounts/${accountId}/zalo/connect`);
  const consent = await fetch(url, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (consent.status !== 302 || !location)
    throw new Error(`the sandbox's Zalo consent answered ${consent.status}`);
  const callback = new URL(location);
  const answer = await admin.call('GET', `${callback.pathname}${callback.search}`);
  const back = answer.headers.get('location');
  if (back && new URL(back).searchParams.has('zaloError'))
    throw new Error(`the Zalo callback refused: ${new URL(back).searchParams.get('zaloError')}`);
}
