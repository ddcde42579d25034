import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpResponse } from '../../http/http-client';
import { parseJsonBody } from '../sms-failures';
import { twilioFailure } from './twilio.errors';

interface TwilioMessageBody {
  sid?: string;
  status?: string;
  num_segments?: string | number;
  price?: string | number | null;
  price_unit?: string | null;
}

interface TwilioErrorBody {
  code?: number | string;
  message?: string;
}

/** What a Twilio Messages.json request came to, from Twilio's answer. */
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
  if (response.status === 200 || response.status === 201) {
    const body = parseJsonBody(response.body) as TwilioMessageBody | undefined;
    if (body?.sid) {
      const billed = Number(body.num_segments);
      const price =
        body.price === null || body.price === undefined ? Number.NaN : Math.abs(Number(body.price));
      const currency = body.price_unit?.toUpperCase();
      return {
        status: 'sent',
        providerMessageId: body.sid,
        correlationId,
        segments: Number.isInteger(billed) && billed > 0 ? billed : segments,
        ...(Number.isFinite(price) && currency
          ? currency === 'VND'
            ? { costVnd: price }
            : { cost: { amount: price, currency } }
          : {}),
        acceptedAt: now.toISOString(),
      };
    }
  }
  const error = parseJsonBody(response.body) as TwilioErrorBody | undefined;
  const retryAfter = Number(response.headers['retry-after']);
  return twilioFailure({
    code: error?.code === undefined ? `http_${response.status}` : String(error.code),
    httpStatus: response.status,
    providerMessage: error?.message ?? response.body.slice(0, 300),
    correlationId,
    now: now.getTime(),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}
