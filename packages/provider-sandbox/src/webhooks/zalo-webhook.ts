import type { ZaloOa } from '../state/zalo-directory';
import type { SandboxContext } from '../state/sandbox-context';
import type { CallbackResult } from './callback-client';
import { zaloEventSignature } from './zalo-signature';

/** A Zalo event body; `timestamp` (epoch ms as a string) is part of the signature. */
export type ZaloEvent = Record<string, unknown> & { event_name: string; timestamp: string };

/** POSTs an event to the OA's app webhook, signed per providers.md §3.6. No webhook configured → not sent. */
export async function postZaloEvent(input: {
  context: SandboxContext;
  oa: ZaloOa;
  event: ZaloEvent;
  /** `ZNS` for ZNS events (X-ZEvent-Server). */
  server?: 'ZNS';
  signal?: AbortSignal;
}): Promise<CallbackResult | { ok: false; error: 'no webhook configured' }> {
  const url = input.oa.app.webhookUrl;
  if (!url) return { ok: false, error: 'no webhook configured' };
  const { firstTerm, macPrefix } = input.context.options.zaloWebhookSignature;
  const rawBody = JSON.stringify(input.event);
  const signature = zaloEventSignature({
    firstTerm: firstTerm === 'appId' ? input.oa.app.appId : input.oa.seed.oaId,
    rawBody,
    timestamp: input.event.timestamp,
    secret: input.oa.app.webhookSecret,
    macPrefix,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-zevent-signature': signature,
  };
  if (input.server) headers['x-zevent-server'] = input.server;
  return input.context.callbacks.send({ method: 'POST', url, headers, body: rawBody, signal: input.signal });
}
