import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import { correlationIdFor, ESMS_REQUEST_ID } from '../../contract/correlation-id';
import type { SendFailure, SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import { normalizeVietnamesePhone } from '../../phone/normalize-phone';
import { mapConcurrent } from '../../shared/map-concurrent';
import { httpStatusFailure, invalidPhoneFailure, networkFailure, parseJsonBody } from '../sms-failures';
import type { SmsMessage } from '../sms-message';
import { prepareSmsText, type PreparedSmsText } from '../sms-text';
import { ESMS_SMS_TYPES, type EsmsAccount } from './esms.config';
import { esmsCodeMeaning, esmsFailure } from './esms.errors';

/** eSMS takes advertising SMS in requests of 30 to 5,000 numbers (providers.md §5.1, code 107). */
export const ESMS_ADVERTISING_MIN_RECIPIENTS = 30;
export const ESMS_ADVERTISING_MAX_RECIPIENTS = 5000;
const CARE_BATCH_CONCURRENCY = 8;

export interface EsmsConnectorOptions {
  http: HttpClient;
  now?: () => Date;
}

type Prepared =
  | { ok: true; phone: string; text: PreparedSmsText }
  | { ok: false; failure: (correlationId: string) => SendFailure };

/**
 * eSMS brand-name SMS. `RequestId` comes from the idempotency key, so a retried send is deduplicated by eSMS
 * (code 124) instead of charged twice. Care/OTP SMS go one number per request; advertising SMS (SmsType 1) must go
 * to 30–5,000 numbers per request, so they are sent with `sendBatch`, which groups identical texts.
 */
export function createEsmsConnector(
  options: EsmsConnectorOptions,
): ChannelConnector<EsmsAccount, SmsMessage> {
  const now = options.now ?? (() => new Date());

  const post = async (input: {
    account: EsmsAccount;
    phones: string[];
    text: PreparedSmsText;
    correlationId: string;
    signal?: AbortSignal;
  }): Promise<SendOutcome> => {
    const { account, correlationId } = input;
    const body = {
      ApiKey: account.apiKey,
      SecretKey: account.secretKey,
      Phone: input.phones.join(','),
      Content: input.text.text,
      Brandname: account.brandname,
      SmsType: ESMS_SMS_TYPES[account.smsType],
      IsUnicode: input.text.unicode ? '1' : '0',
      Sandbox: account.sandbox ? '1' : '0',
      RequestId: correlationId,
      ...(account.callbackUrl ? { CallbackUrl: account.callbackUrl } : {}),
    };
    let response;
    try {
      response = await options.http.send({
        method: 'POST',
        url: `${account.baseUrl.replace(/\/+$/, '')}/SendMultipleMessage_V4_post_json/`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: input.signal,
      });
    } catch (error) {
      return networkFailure(error, correlationId);
    }
    const parsed = parseJsonBody(response.body) as
      { CodeResult?: unknown; SMSID?: unknown; ErrorMessage?: unknown } | undefined;
    if (response.status !== 200 || parsed?.CodeResult === undefined) {
      return httpStatusFailure({ status: response.status, body: response.body, correlationId });
    }
    const code = String(parsed.CodeResult);
    const meaning = esmsCodeMeaning(code);
    switch (meaning.kind) {
      case 'accepted':
        return {
          status: 'sent',
          providerMessageId: String(parsed.SMSID ?? ''),
          correlationId,
          segments: input.text.segments,
          acceptedAt: now().toISOString(),
        };
      case 'duplicate':
        return {
          status: 'sent',
          providerMessageId: correlationId,
          correlationId,
          segments: input.text.segments,
          acceptedAt: now().toISOString(),
          deduplicated: true,
        };
      case 'retryable':
      case 'permanent':
        return esmsFailure({
          code,
          meaning,
          correlationId,
          providerMessage: typeof parsed.ErrorMessage === 'string' ? parsed.ErrorMessage : undefined,
        });
    }
  };

  const send = async (request: SendRequest<EsmsAccount, SmsMessage>): Promise<SendOutcome> => {
    const correlationId = correlationIdFor(request.idempotencyKey, ESMS_REQUEST_ID);
    const prepared = prepare(request.account, request.message);
    if (!prepared.ok) return prepared.failure(correlationId);
    if (request.message.purpose === 'advertising') return tooFewForAdvertising(correlationId, 1);
    return post({
      account: request.account,
      phones: [prepared.phone],
      text: prepared.text,
      correlationId,
      signal: request.signal,
    });
  };

  return {
    channel: 'sms',
    send,

    async sendBatch(request: BatchSendRequest<EsmsAccount, SmsMessage>): Promise<SendOutcome[]> {
      const outcomes = new Array<SendOutcome>(request.items.length);
      const care: number[] = [];
      const advertisingGroups = new Map<
        string,
        Array<{ index: number; phone: string; text: PreparedSmsText }>
      >();
      request.items.forEach((item, index) => {
        const prepared = prepare(request.account, item.message);
        if (!prepared.ok) {
          outcomes[index] = prepared.failure(correlationIdFor(item.idempotencyKey, ESMS_REQUEST_ID));
        } else if (item.message.purpose === 'advertising') {
          const group = advertisingGroups.get(prepared.text.text) ?? [];
          group.push({ index, phone: prepared.phone, text: prepared.text });
          advertisingGroups.set(prepared.text.text, group);
        } else {
          care.push(index);
        }
      });

      await mapConcurrent(care, CARE_BATCH_CONCURRENCY, async (index) => {
        const item = request.items[index];
        outcomes[index] = await send({ account: request.account, signal: request.signal, ...item });
      });

      for (const group of advertisingGroups.values()) {
        for (const chunk of advertisingChunks(group)) {
          const correlationId = correlationIdFor(
            chunk
              .map(({ index }) => request.items[index].idempotencyKey)
              .sort()
              .join('\n'),
            ESMS_REQUEST_ID,
          );
          const outcome =
            chunk.length < ESMS_ADVERTISING_MIN_RECIPIENTS
              ? tooFewForAdvertising(correlationId, chunk.length)
              : await post({
                  account: request.account,
                  phones: chunk.map(({ phone }) => phone),
                  text: chunk[0].text,
                  correlationId,
                  signal: request.signal,
                });
          for (const { index } of chunk) outcomes[index] = outcome;
        }
      }
      return outcomes;
    },
  };
}

function prepare(account: EsmsAccount, message: SmsMessage): Prepared {
  const phone = normalizeVietnamesePhone(message.to);
  if (!phone.ok)
    return {
      ok: false,
      failure: (correlationId) => invalidPhoneFailure({ phone: message.to, correlationId }),
    };
  const advertisingAccount = account.smsType === 'advertising';
  if (advertisingAccount !== (message.purpose === 'advertising')) {
    return {
      ok: false,
      failure: (correlationId) => ({
        status: 'failed',
        class: 'permanent',
        scope: 'message',
        code: 'loa_sms_type_mismatch',
        message: advertisingAccount
          ? 'This eSMS account sends advertising SMS only; use a customer-care account for care and OTP messages.'
          : 'Advertising SMS need an eSMS account configured for advertising (SmsType 1).',
        correlationId,
      }),
    };
  }
  return { ok: true, phone: phone.phone, text: prepareSmsText(message) };
}

/** Splits a group into requests of at most 5,000 numbers, evenly, so no request falls under 30 needlessly. */
function advertisingChunks<T>(group: T[]): T[][] {
  const count = Math.max(1, Math.ceil(group.length / ESMS_ADVERTISING_MAX_RECIPIENTS));
  const size = Math.ceil(group.length / count);
  return Array.from({ length: count }, (_, i) => group.slice(i * size, (i + 1) * size));
}

/**
 * Fewer than 30 numbers for one advertising text: eSMS would refuse the request with 107, so it is not sent. The
 * failure is permanent for this message: the same text must reach ≥30 numbers in one batch, or go as care SMS.
 */
function tooFewForAdvertising(correlationId: string, recipients: number): SendFailure {
  return {
    status: 'failed',
    class: 'permanent',
    scope: 'message',
    code: 'loa_esms_advertising_min_recipients',
    message: `eSMS advertising SMS must go to at least ${ESMS_ADVERTISING_MIN_RECIPIENTS} numbers in one request; this text had ${recipients}.`,
    correlationId,
  };
}
