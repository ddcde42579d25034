import { z } from 'zod';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpResponse } from '../../http/http-client';
import { zaloSendFailure } from '../shared/failure';
import type { ZaloTokenCallResult } from '../shared/with-zalo-token';
import { readZaloAnswer, type ZaloCallResult } from '../shared/zalo-call';
import { zaloId, zaloNumber } from '../shared/zalo-schemas';
import { OA_ERRORS } from './oa.errors';

export const oaSendDataSchema = z.object({
  message_id: zaloId,
  user_id: zaloId.optional(),
  sent_time: zaloId.optional(),
  /** Absent for a paid message. */
  quota: z
    .object({
      quota_type: z.string().optional(),
      remain: zaloNumber.optional(),
      total: zaloNumber.optional(),
    })
    .passthrough()
    .nullish(),
});
export type OaSendData = z.output<typeof oaSendDataSchema>;

/** Reads Zalo's answer to an OA message send. */
export function readOaSendAnswer(
  response: Pick<HttpResponse, 'status' | 'body'>,
): ZaloCallResult<OaSendData> {
  return readZaloAnswer(response, oaSendDataSchema);
}

/** What an OA message send came to, from the result of the send call. */
export function oaSendOutcome({
  result,
  correlationId,
  now,
}: {
  result: ZaloTokenCallResult<OaSendData>;
  correlationId: string;
  now: number;
}): SendOutcome {
  if (!result.ok) {
    return zaloSendFailure({ failure: result, channel: 'Zalo OA', errors: OA_ERRORS, correlationId, now });
  }
  const { data } = result;
  const sentAt = data.sent_time !== undefined ? Number(data.sent_time) : Number.NaN;
  return {
    status: 'sent',
    providerMessageId: data.message_id,
    correlationId,
    ...(data.quota?.remain !== undefined ? { quotaRemaining: data.quota.remain } : {}),
    acceptedAt: new Date(Number.isFinite(sentAt) ? sentAt : now).toISOString(),
  };
}
