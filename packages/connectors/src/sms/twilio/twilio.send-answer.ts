import type { SendOutcome } from '../../contract/send-outcome';
import { unknownOutcome } from '../../contract/transport-failure';
import type { HttpResponse } from '../../http/http-client';
import { asRecord, readCode, readNumber, readText } from '../../shared/lenient-read';
import { parseJsonBody } from '../sms-failures';
import { twilioFailure } from './twilio.errors';

/**
 * What a Twilio Messages.json request came to, from Twilio's answer. A 2xx status is Twilio's verdict (201 Created:
 * the message resource exists and Twilio will send it): the message is sent, with whatever of its sid, segments and
 * price could be read. A 2xx answer that is not a JSON object is not the message resource Twilio answers with, so
 * whether the message was created is unknown; Twilio takes no idempotency key, so it is `outcome_unknown`.
 */
export function twilioSendOutcome({
  response,
  correlationId,
  segments,
  now,
}: {
  response: HttpResponse;
  correlationId: string;
  /** Loa's count of the SMS parts, for when Twilio does not give its own. */
  segments: number;
  now: Date;
}): SendOutcome {
  const body = asRecord(parseJsonBody(response.body));
  if (response.status >= 200 && response.status <= 299) {
    if (!body) {
      return unknownOutcome({ service: 'Twilio', detail: 'body is not a JSON object', correlationId });
    }
    const sid = readText(body['sid']);
    const billed = readNumber(body['num_segments']);
    const price = readNumber(body['price']);
    const currency = readText(body['price_unit'])?.toUpperCase();
    return {
      status: 'sent',
      ...(sid === undefined ? {} : { providerMessageId: sid }),
      correlationId,
      segments: billed !== undefined && Number.isInteger(billed) && billed > 0 ? billed : segments,
      ...(price !== undefined && currency
        ? currency === 'VND'
          ? { costVnd: Math.abs(price) }
          : { cost: { amount: Math.abs(price), currency } }
        : {}),
      acceptedAt: now.toISOString(),
    };
  }
  const code = readCode(body?.['code']);
  const retryAfter = readNumber(response.headers['retry-after']);
  return twilioFailure({
    code: code ?? `http_${response.status}`,
    httpStatus: response.status,
    providerMessage: readText(body?.['message']) ?? response.body.slice(0, 300),
    correlationId,
    now: now.getTime(),
    ...(retryAfter !== undefined && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}
