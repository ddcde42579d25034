import { failureFromRule } from '../../contract/error-rule';
import type { SendOutcome } from '../../contract/send-outcome';
import { httpStatusFailure } from '../../contract/transport-failure';
import type { HttpResponse } from '../../http/http-client';
import { SMS_GATEWAY, parseJsonBody } from '../sms-failures';
import { esmsCodeMeaning } from './esms.errors';

/** What an eSMS send request came to, from eSMS's answer. */
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
  const parsed = parseJsonBody(response.body) as
    { CodeResult?: unknown; SMSID?: unknown; ErrorMessage?: unknown } | undefined;
  if (response.status !== 200 || parsed?.CodeResult === undefined) {
    return httpStatusFailure({
      service: SMS_GATEWAY,
      status: response.status,
      body: response.body,
      correlationId,
    });
  }
  const code = String(parsed.CodeResult);
  const meaning = esmsCodeMeaning(code);
  switch (meaning.kind) {
    case 'accepted':
      return {
        status: 'sent',
        providerMessageId: String(parsed.SMSID ?? ''),
        correlationId,
        segments,
        acceptedAt: now.toISOString(),
      };
    case 'duplicate':
      return {
        status: 'sent',
        providerMessageId: correlationId,
        correlationId,
        segments,
        acceptedAt: now.toISOString(),
        deduplicated: true,
      };
    case 'failed':
      return failureFromRule({
        entry: meaning.entry,
        code,
        correlationId,
        now: now.getTime(),
        ...(typeof parsed.ErrorMessage === 'string' ? { providerMessage: parsed.ErrorMessage } : {}),
      });
  }
}
