import { failureFromRule } from '../../contract/error-rule';
import type { SendOutcome } from '../../contract/send-outcome';
import { httpStatusFailure } from '../../contract/transport-failure';
import type { HttpResponse } from '../../http/http-client';
import { asRecord, readCode, readId, readText } from '../../shared/lenient-read';
import { SMS_GATEWAY, parseJsonBody } from '../sms-failures';
import { esmsCodeMeaning } from './esms.errors';

/**
 * What an eSMS send request came to, from eSMS's answer. `CodeResult` is eSMS's verdict: 100 (accepted) and 124
 * (accepted before) are successes whatever else the answer holds or whichever HTTP status it came with. A 2xx answer
 * without a readable `CodeResult` leaves eSMS's verdict unknown; it is retried, because the resend carries the same
 * RequestId and eSMS answers 124 if it had accepted the first, so nothing is sent twice.
 */
export function esmsSendOutcome({
  response,
  correlationId,
  segments,
  now,
}: {
  response: Pick<HttpResponse, 'status' | 'body'>;
  correlationId: string;
  /** Loa's count of the SMS parts. */
  segments: number;
  now: Date;
}): SendOutcome {
  const body = asRecord(parseJsonBody(response.body));
  const code = readCode(body?.['CodeResult']);
  const meaning = code === undefined ? undefined : esmsCodeMeaning(code);
  switch (meaning?.kind) {
    case 'accepted': {
      const smsId = readId(body?.['SMSID']);
      return {
        status: 'sent',
        ...(smsId === undefined ? {} : { providerMessageId: smsId }),
        correlationId,
        segments,
        acceptedAt: now.toISOString(),
      };
    }
    case 'duplicate':
      return {
        status: 'sent',
        providerMessageId: correlationId,
        correlationId,
        segments,
        acceptedAt: now.toISOString(),
        deduplicated: true,
      };
  }
  if (response.status < 200 || response.status > 299) {
    return httpStatusFailure({
      service: SMS_GATEWAY,
      status: response.status,
      body: response.body,
      correlationId,
    });
  }
  if (code === undefined || meaning === undefined) {
    return {
      status: 'failed',
      class: 'retryable',
      code: 'loa_unreadable_answer',
      message: `${SMS_GATEWAY} answered without a result code; the message will be sent again under the same RequestId, which eSMS recognises.`,
      providerMessage: response.body.slice(0, 300),
      correlationId,
    };
  }
  const errorMessage = readText(body?.['ErrorMessage']);
  return failureFromRule({
    entry: meaning.entry,
    code,
    correlationId,
    now: now.getTime(),
    ...(errorMessage === undefined ? {} : { providerMessage: errorMessage }),
  });
}
