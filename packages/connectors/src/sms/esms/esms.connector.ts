import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import { correlationIdFor, ESMS_REQUEST_ID } from '../../contract/correlation-id';
import type { SendFailure, SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import { mapConcurrent } from '../../shared/map-concurrent';
import { prepareVietnameseSms, type PreparedSms } from '../prepared-sms';
import { smsNetworkFailure } from '../sms-failures';
import type { SmsMessage } from '../sms-message';
import type { PreparedSmsText } from '@loa/sms-text';
import { ESMS_SMS_TYPES, type EsmsAccount } from './esms.config';
import { advertisingRequests, ESMS_ADVERTISING_MIN_RECIPIENTS } from './esms.advertising';
import { esmsSendOutcome } from './esms.send-answer';

const CARE_BATCH_CONCURRENCY = 8;

/** Care/OTP and fixed-number SMS (SmsType 2 and 8): `Phone` is one number. */
const CARE_PATH = 'SendMultipleMessage_V4_post_json/';
/** Advertising SMS (SmsType 1): the same keys, with `Phones`, a list of 30–5,000 numbers. */
const ADVERTISING_PATH = 'SendMultipleSMSBrandname_json/';

export interface EsmsConnectorOptions {
  http: HttpClient;
  now?: () => Date;
}

interface AdvertisingEntry {
  index: number;
  idempotencyKey: string;
  phone: string;
  text: PreparedSmsText;
}

/**
 * eSMS brand-name SMS. `RequestId` comes from the idempotency key, so a retried send is deduplicated by eSMS
 * (code 124) instead of charged twice. Care/OTP SMS go one number per request to SendMultipleMessage_V4; advertising
 * SMS (SmsType 1) go to SendMultipleSMSBrandname, 30–5,000 numbers per request, so they are sent with `sendBatch`,
 * which groups identical texts and derives each request's RequestId from the batch key (see
 * `advertisingRequests`).
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
    const advertising = account.smsType === 'advertising';
    const body = {
      ApiKey: account.apiKey,
      SecretKey: account.secretKey,
      ...(advertising ? { Phones: input.phones } : { Phone: input.phones.join(',') }),
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
        url: `${account.baseUrl.replace(/\/+$/, '')}/${advertising ? ADVERTISING_PATH : CARE_PATH}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: input.signal,
      });
    } catch (error) {
      // Even when eSMS may have had the request, a resend carries the same RequestId: eSMS answers 124, never twice.
      return smsNetworkFailure(error, correlationId, { resendRecognised: true });
    }
    return esmsSendOutcome({ response, correlationId, segments: input.text.segments, now: now() });
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
      const advertising: AdvertisingEntry[] = [];
      request.items.forEach((item, index) => {
        const prepared = prepare(request.account, item.message);
        if (!prepared.ok) {
          outcomes[index] = prepared.failure(correlationIdFor(item.idempotencyKey, ESMS_REQUEST_ID));
        } else if (item.message.purpose === 'advertising') {
          advertising.push({
            index,
            idempotencyKey: item.idempotencyKey,
            phone: prepared.phone,
            text: prepared.text,
          });
        } else {
          care.push(index);
        }
      });

      await mapConcurrent(care, CARE_BATCH_CONCURRENCY, async (index) => {
        const item = request.items[index];
        outcomes[index] = await send({ account: request.account, signal: request.signal, ...item });
      });

      if (advertising.length > 0 && !request.batchKey) {
        for (const { index, idempotencyKey } of advertising) {
          outcomes[index] = batchKeyMissing(correlationIdFor(idempotencyKey, ESMS_REQUEST_ID));
        }
        return outcomes;
      }
      for (const { correlationId, entries } of advertisingRequests(request.batchKey ?? '', advertising)) {
        const outcome =
          entries.length < ESMS_ADVERTISING_MIN_RECIPIENTS
            ? tooFewForAdvertising(correlationId, entries.length)
            : await post({
                account: request.account,
                phones: entries.map(({ phone }) => phone),
                text: entries[0].text,
                correlationId,
                signal: request.signal,
              });
        for (const { index } of entries) outcomes[index] = outcome;
      }
      return outcomes;
    },
  };
}

function prepare(account: EsmsAccount, message: SmsMessage): PreparedSms {
  const advertisingAccount = account.smsType === 'advertising';
  return prepareVietnameseSms({
    message,
    typeRefusal:
      advertisingAccount === (message.purpose === 'advertising')
        ? undefined
        : advertisingAccount
          ? 'This eSMS account sends advertising SMS only; use a customer-care account for care and OTP messages.'
          : 'Advertising SMS need an eSMS account configured for advertising (SmsType 1).',
  });
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

/** Without a batch key a retried advertising batch could not be recognised by eSMS, so nothing is sent. */
function batchKeyMissing(correlationId: string): SendFailure {
  return {
    status: 'failed',
    class: 'permanent',
    scope: 'message',
    code: 'loa_esms_batch_key_missing',
    message: 'eSMS advertising SMS are sent in batches that need a batch key; the batch was not sent.',
    correlationId,
  };
}
