import type { SendOutcome } from '../../contract/send-outcome';
import { httpStatusFailure, unknownOutcome } from '../../contract/transport-failure';
import type { HttpResponse } from '../../http/http-client';
import { asRecord, readCode, readId, readIdList, readNumber, readText } from '../../shared/lenient-read';
import { SMS_GATEWAY, parseJsonBody } from '../sms-failures';
import { rateLimitedFailure, speedSmsFailure } from './speedsms.errors';

/**
 * What one SpeedSMS request came to for each of its numbers (outcomes in the order of `phones`). `status` is
 * SpeedSMS's verdict: "success" means every number not listed in `invalidPhone` was accepted, whatever else the
 * answer holds or whichever HTTP status it came with. A 2xx answer without a readable `status` leaves the verdict
 * unknown, and SpeedSMS cannot recognise a resend, so those numbers are `outcome_unknown`, not retried.
 */
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
  const nowMs = now.getTime();
  const body = asRecord(parseJsonBody(response.body));
  const verdict = readCode(body?.['status'])?.toLowerCase();
  if (verdict === 'success') {
    const data = asRecord(body?.['data']);
    const invalid = new Set(readIdList(data?.['invalidPhone']));
    const tranId = readId(data?.['tranId']);
    const totalPrice = readNumber(data?.['totalPrice']);
    const acceptedAt = now.toISOString();
    return phones.map((phone, i): SendOutcome => {
      const correlationId = correlationIds[i];
      if (invalid.has(phone)) {
        return speedSmsFailure({ code: '105', providerMessage: 'invalidPhone', correlationId, now: nowMs });
      }
      return {
        status: 'sent',
        ...(tranId === undefined ? {} : { providerMessageId: tranId }),
        correlationId,
        segments,
        ...(phones.length === 1 && totalPrice !== undefined ? { costVnd: totalPrice } : {}),
        acceptedAt,
      };
    });
  }
  if (response.status === 429) {
    return all((correlationId) =>
      rateLimitedFailure({ resetHeader: response.headers['x-rate-limit-reset'], correlationId, now: nowMs }),
    );
  }
  if (response.status < 200 || response.status > 299) {
    return all((correlationId) =>
      httpStatusFailure({
        service: SMS_GATEWAY,
        status: response.status,
        body: response.body,
        correlationId,
      }),
    );
  }
  if (verdict !== 'error') {
    return all((correlationId) =>
      unknownOutcome({
        service: 'SpeedSMS',
        detail: body ? '`status` is neither "success" nor "error"' : 'body is not a JSON object',
        correlationId,
      }),
    );
  }
  const invalid = new Set(readIdList(body?.['invalidPhone']));
  const code = readCode(body?.['code']) ?? 'none';
  const providerMessage = readText(body?.['message']);
  return phones.map((phone, i): SendOutcome => {
    const correlationId = correlationIds[i];
    if (invalid.has(phone))
      return speedSmsFailure({ code: '105', providerMessage, correlationId, now: nowMs });
    if (invalid.size > 0 && code === '105') {
      return {
        status: 'failed',
        class: 'retryable',
        code: 'loa_rejected_with_other_number',
        message: 'SpeedSMS rejected the request for another number in it; this number will be retried.',
        correlationId,
      };
    }
    return speedSmsFailure({ code, providerMessage, correlationId, now: nowMs });
  });
}
