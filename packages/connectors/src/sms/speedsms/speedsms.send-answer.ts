import type { SendOutcome } from '../../contract/send-outcome';
import { httpStatusFailure } from '../../contract/transport-failure';
import type { HttpResponse } from '../../http/http-client';
import { SMS_GATEWAY, parseJsonBody } from '../sms-failures';
import { rateLimitedFailure, speedSmsFailure } from './speedsms.errors';

interface SpeedSmsSuccessBody {
  status: 'success';
  code: string;
  data: { tranId: number | string; totalSMS?: number; totalPrice?: number; invalidPhone?: string[] };
}

interface SpeedSmsErrorBody {
  status: 'error';
  code: string;
  message?: string;
  invalidPhone?: string[];
}

/** What one SpeedSMS request came to for each of its numbers (outcomes in the order of `phones`). */
export function speedSmsSendOutcomes({
  response,
  phones,
  correlationIds,
  segments,
  now,
}: {
  response: HttpResponse;
  /** The numbers the request carried, as sent. */
  phones: string[];
  /** One per phone, in the same order. */
  correlationIds: string[];
  /** Loa's count of the SMS parts. */
  segments: number;
  now: Date;
}): SendOutcome[] {
  const all = (outcome: (correlationId: string) => SendOutcome) => correlationIds.map(outcome);
  if (response.status === 429) {
    return all((correlationId) =>
      rateLimitedFailure({
        resetHeader: response.headers['x-rate-limit-reset'],
        correlationId,
        now: now.getTime(),
      }),
    );
  }
  const body = parseJsonBody(response.body) as SpeedSmsSuccessBody | SpeedSmsErrorBody | undefined;
  if (response.status !== 200 || (body?.status !== 'success' && body?.status !== 'error')) {
    return all((correlationId) =>
      httpStatusFailure({
        service: SMS_GATEWAY,
        status: response.status,
        body: response.body,
        correlationId,
      }),
    );
  }
  const nowMs = now.getTime();
  if (body.status === 'error') {
    const invalid = new Set(body.invalidPhone ?? []);
    const code = String(body.code);
    return phones.map((phone, i): SendOutcome => {
      const correlationId = correlationIds[i];
      if (invalid.has(phone))
        return speedSmsFailure({ code: '105', providerMessage: body.message, correlationId, now: nowMs });
      if (invalid.size > 0 && code === '105') {
        return {
          status: 'failed',
          class: 'retryable',
          code: 'loa_rejected_with_other_number',
          message: 'SpeedSMS rejected the request for another number in it; this number will be retried.',
          correlationId,
        };
      }
      return speedSmsFailure({ code, providerMessage: body.message, correlationId, now: nowMs });
    });
  }
  const invalid = new Set(body.data.invalidPhone ?? []);
  const acceptedAt = now.toISOString();
  return phones.map((phone, i): SendOutcome => {
    const correlationId = correlationIds[i];
    if (invalid.has(phone)) {
      return speedSmsFailure({ code: '105', providerMessage: 'invalidPhone', correlationId, now: nowMs });
    }
    return {
      status: 'sent',
      providerMessageId: String(body.data.tranId),
      correlationId,
      segments,
      ...(phones.length === 1 && typeof body.data.totalPrice === 'number'
        ? { costVnd: body.data.totalPrice }
        : {}),
      acceptedAt,
    };
  });
}
