// A Zalo OA on the provider sandbox, connected through the API as an admin would (the OAuth redirect), its ZNS
// templates synced.
import type { ApiCaller } from './product-api';
import { sandboxZaloConfig, type SandboxInfo } from './sandbox-client';

export async function connectSandboxOa(
  admin: ApiCaller,
  info: SandboxInfo,
  templateId: string,
): Promise<{ accountId: string }> {
  const account = await admin.call<{ id: string }>('POST', '/channel-accounts', {
    kind: 'zalo_oa',
    name: 'OA bench',
    config: sandboxZaloConfig(info),
  });
  const { url: consent } = await admin.call<{ url: string }>(
    'POST',
    `/channel-accounts/${account.id}/zalo/connect`,
  );
  const atZalo = await fetch(consent, { redirect: 'manual' });
  const callback = new URL(atZalo.headers.get('location') ?? '');
  await admin.call('GET', `${callback.pathname}${callback.search}`);
  await admin.call('POST', `/channel-accounts/${account.id}/zns-templates/sync`);
  const templates = await admin.call<{ items: Array<{ templateId: string }> }>(
    'GET',
    `/templates/zns?accountId=${account.id}`,
  );
  if (!templates.items.some((template) => template.templateId === templateId)) {
    throw new Error(`template ${templateId} not synced: ${JSON.stringify(templates.items)}`);
  }
  return { accountId: account.id };
}
