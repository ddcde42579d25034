import { z } from 'zod';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpResponse } from '../../http/http-client';
import { isoTime } from '../../shared/lenient-read';
import { zaloMessageFailure } from '../shared/failure';
import type { ZaloTokenCallResult } from '../shared/with-zalo-token';
import { readZaloAnswer, type ZaloCallResult } from '../shared/zalo-call';
import { lenient, zaloId, zaloNumber } from '../shared/zalo-schemas';
import { OA_ERRORS } from './oa.errors';

/**
 * `data` of an OA message Zalo accepted (`error: 0`). Every field is read leniently and the whole never fails, so
 * that an accepted message is recorded as sent, with whatever of its id, time and quota could be read.
 */
export const oaSendDataSchema = z
  .object({
    message_id: lenient(zaloId),
    user_id: lenient(zaloId),
    sent_time: lenient(zaloNumber),
    /** Absent for a paid message. */
    quota: lenient(
      z.object({
        quota_type: lenient(z.string()),
        remain: lenient(zaloNumber),
        total: lenient(zaloNumber),
      }),
    ),
  })
  .catch({});
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
    return zaloMessageFailure({ failure: result, channel: 'Zalo OA', errors: OA_ERRORS, correlationId, now });
  }
  const { data } = result;
  return {
    status: 'sent',
    ...(data.message_id !== undefined ? { providerMessageId: data.message_id } : {}),
    correlationId,
    ...(data.quota?.remain !== undefined ? { quotaRemaining: data.quota.remain } : {}),
    acceptedAt: isoTime(data.sent_time, now),
  };
}
