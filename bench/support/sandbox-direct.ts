// The provider sandbox's ZNS send hit directly (autocannon, raw HTTP over keep-alive, pre-built requests): the ceiling
// every Loa figure is compared with.
import autocannon from 'autocannon';
import type { SandboxInfo } from './sandbox-client';
import { templateData } from './sandbox-client';

/** Successful sends so far, from the sandbox's own quota counter (ZNS errors come back as HTTP 200). */
export async function sentSoFar(info: SandboxInfo): Promise<number> {
  const response = await fetch(`${info.urls.zns}/message/quota`, {
    headers: { access_token: info.accessToken },
  });
  const body = (await response.json()) as { data: { dailyQuota: number; remainingQuota: number } };
  return Number(body.data.dailyQuota) - Number(body.data.remainingQuota);
}

/**
 * ZNS sends per second, `connections` at a time for `seconds`, to numbers `{phonePrefix}` + 7 digits; throws unless
 * every request was a successful send.
 */
export async function sandboxDirectRate(
  info: SandboxInfo,
  options: { connections: number; seconds: number; phonePrefix: string; trackingPrefix: string },
): Promise<number> {
  const before = await sentSoFar(info);
  let sequence = 0;
  const result = await autocannon({
    url: `${info.urls.zns}/message/template`,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { access_token: info.accessToken, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            phone: `${options.phonePrefix}${String(sequence++ % 10_000_000).padStart(7, '0')}`,
            template_id: info.template.templateId,
            template_data: templateData,
            tracking_id: `${options.trackingPrefix}_${sequence}`,
          }),
        }),
      },
    ],
  });
  const sent = (await sentSoFar(info)) - before;
  if (result.non2xx > 0 || result.errors > 0 || sent < result.requests.total * 0.99) {
    throw new Error(
      `raw run was not all sends: ${sent} sent of ${result.requests.total}, ${result.non2xx} non-2xx`,
    );
  }
  return sent / (result.duration || options.seconds);
}
