import { z } from 'zod';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpResponse } from '../../http/http-client';
import { zaloSendFailure } from '../shared/failure';
import type { ZaloTokenCallResult } from '../shared/with-zalo-token';
import { readZaloAnswer, type ZaloCallResult } from '../shared/zalo-call';
import { zaloId, zaloNumber } from '../shared/zalo-schemas';
import { ZNS_ERRORS } from './zns.errors';

export const znsSendDataSchema = z.object({
  msg_id: zaloId,
  sent_time: zaloId.optional(),
  sending_mode: z.string().optional(),
  quota: z.object({ dailyQuota: zaloNumber.optional(), remainingQuota: zaloNumber.optional() }).nullish(),
});
export type ZnsSendData = z.output<typeof znsSendDataSchema>;

/** Reads Zalo's answer to a ZNS send. */
export function readZnsSendAnswer(
  response: Pick<HttpResponse, 'status' | 'body'>,
): ZaloCallResult<ZnsSendData> {
  return readZaloAnswer(response, znsSendDataSchema);
}

/** What a ZNS send came to, from the result of the send call. */
export function znsSendOutcome({
  result,
  correlationId,
  priceVnd,
  now,
}: {
  result: ZaloTokenCallResult<ZnsSendData>;
  correlationId: string;
  /** The template's price, when known. */
  priceVnd?: number;
  now: number;
}): SendOutcome {
  if (!result.ok) {
    return zaloSendFailure({ failure: result, channel: 'Zalo ZNS', errors: ZNS_ERRORS, correlationId, now });
  }
  const { data } = result;
  const sentAt = data.sent_time !== undefined ? Number(data.sent_time) : Number.NaN;
  return {
    status: 'sent',
    providerMessageId: data.msg_id,
    correlationId,
    ...(data.quota?.remainingQuota !== undefined ? { quotaRemaining: data.quota.remainingQuota } : {}),
    ...(priceVnd !== undefined ? { costVnd: priceVnd } : {}),
    acceptedAt: new Date(Number.isFinite(sentAt) ? sentAt : now).toISOString(),
  };
}
