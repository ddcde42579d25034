import { z } from 'zod';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpResponse } from '../../http/http-client';
import { isoTime } from '../../shared/lenient-read';
import { zaloMessageFailure } from '../shared/failure';
import type { ZaloTokenCallResult } from '../shared/with-zalo-token';
import { readZaloAnswer, type ZaloCallResult } from '../shared/zalo-call';
import { lenient, zaloId, zaloNumber } from '../shared/zalo-schemas';
import { ZNS_ERRORS } from './zns.errors';

/**
 * `data` of a ZNS send that Zalo accepted (`error: 0`). Every field is read leniently and the whole never fails, so
 * that an accepted message is recorded as sent, with whatever of its id, time and quota could be read.
 */
export const znsSendDataSchema = z
  .object({
    msg_id: lenient(zaloId),
    sent_time: lenient(zaloNumber),
    quota: lenient(z.object({ remainingQuota: lenient(zaloNumber) })),
  })
  .catch({});
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
    return zaloMessageFailure({
      failure: result,
      channel: 'Zalo ZNS',
      errors: ZNS_ERRORS,
      correlationId,
      now,
    });
  }
  const { data } = result;
  return {
    status: 'sent',
    ...(data.msg_id !== undefined ? { providerMessageId: data.msg_id } : {}),
    correlationId,
    ...(data.quota?.remainingQuota !== undefined ? { quotaRemaining: data.quota.remainingQuota } : {}),
    ...(priceVnd !== undefined ? { costVnd: priceVnd } : {}),
    acceptedAt: isoTime(data.sent_time, now),
  };
}
