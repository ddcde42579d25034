import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import { mapConcurrent } from '../../shared/map-concurrent';
import { groupByText, prepareVietnameseSms, type PreparedSms } from '../prepared-sms';
import { smsNetworkFailure } from '../sms-failures';
import type { SmsMessage } from '../sms-message';
import type { PreparedSmsText } from '@loa/sms-text';
import type { SpeedSmsAccount } from './speedsms.config';
import { speedSmsSendOutcomes } from './speedsms.send-answer';

/** Numbers per request when a batch shares one text (fewer requests under the 60-a-minute limit). */
const SPEEDSMS_RECIPIENTS_PER_REQUEST = 100;
const BATCH_CONCURRENCY = 4;

export interface SpeedSmsConnectorOptions {
  http: HttpClient;
  now?: () => Date;
}

/**
 * SpeedSMS: HTTP Basic with the access token as user name and `x` as password, `POST /sms/send`.
 *
 * SpeedSMS has no idempotency field: a send whose answer was lost (timeout, reset connection) and is retried may
 * reach the phone twice, and nothing at SpeedSMS can tell, so such a send is `outcome_unknown`, never retryable. The
 * correlation id is the idempotency key itself and stays on Loa's side (the send ledger); only the ledger's recorded
 * outcome prevents a second send.
 */
export function createSpeedSmsConnector(
  options: SpeedSmsConnectorOptions,
): ChannelConnector<SpeedSmsAccount, SmsMessage> {
  const now = options.now ?? (() => new Date());

  const post = async (input: {
    account: SpeedSmsAccount;
    phones: string[];
    text: PreparedSmsText;
    correlationIds: string[];
    signal?: AbortSignal;
  }): Promise<SendOutcome[]> => {
    const { account, phones, correlationIds } = input;
    let response;
    try {
      response = await options.http.send({
        method: 'POST',
        url: `${account.baseUrl.replace(/\/+$/, '')}/sms/send`,
        headers: {
          authorization: `Basic ${Buffer.from(`${account.accessToken}:x`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          to: phones,
          content: input.text.text,
          sms_type: account.smsType,
          sender: account.sender,
        }),
        signal: input.signal,
      });
    } catch (error) {
      return correlationIds.map((correlationId) => smsNetworkFailure(error, correlationId));
    }
    return speedSmsSendOutcomes({
      response,
      phones,
      correlationIds,
      segments: input.text.segments,
      now: now(),
    });
  };

  const send = async (request: SendRequest<SpeedSmsAccount, SmsMessage>): Promise<SendOutcome> => {
    const correlationId = request.idempotencyKey;
    const prepared = prepare(request.account, request.message);
    if (!prepared.ok) return prepared.failure(correlationId);
    const [outcome] = await post({
      account: request.account,
      phones: [prepared.phone],
      text: prepared.text,
      correlationIds: [correlationId],
      signal: request.signal,
    });
    return outcome;
  };

  return {
    channel: 'sms',
    send,
    async sendBatch(request: BatchSendRequest<SpeedSmsAccount, SmsMessage>): Promise<SendOutcome[]> {
      const outcomes = new Array<SendOutcome>(request.items.length);
      const prepared: Array<{ index: number; phone: string; text: PreparedSmsText }> = [];
      request.items.forEach((item, index) => {
        const result = prepare(request.account, item.message);
        if (result.ok) prepared.push({ index, phone: result.phone, text: result.text });
        else outcomes[index] = result.failure(item.idempotencyKey);
      });
      const chunks = groupByText(prepared).flatMap((group) => {
        const unique = uniquePhones(group);
        return Array.from({ length: Math.ceil(unique.length / SPEEDSMS_RECIPIENTS_PER_REQUEST) }, (_, i) =>
          unique.slice(i * SPEEDSMS_RECIPIENTS_PER_REQUEST, (i + 1) * SPEEDSMS_RECIPIENTS_PER_REQUEST),
        );
      });
      await mapConcurrent(chunks, BATCH_CONCURRENCY, async (chunk) => {
        const results = await post({
          account: request.account,
          phones: chunk.map(({ phone }) => phone),
          text: chunk[0].text,
          correlationIds: chunk.map(({ index }) => request.items[index].idempotencyKey),
          signal: request.signal,
        });
        chunk.forEach(({ index }, i) => (outcomes[index] = results[i]));
      });
      // A number listed twice with the same text in one batch is sent once; its other items are sent one by one.
      await mapConcurrent(
        [...outcomes.keys()].filter((index) => outcomes[index] === undefined),
        BATCH_CONCURRENCY,
        async (index) => {
          outcomes[index] = await send({
            account: request.account,
            signal: request.signal,
            ...request.items[index],
          });
        },
      );
      return outcomes;
    },
  };
}

function prepare(account: SpeedSmsAccount, message: SmsMessage): PreparedSms {
  return prepareVietnameseSms({
    message,
    typeRefusal:
      message.purpose === 'advertising' && account.smsType !== 3
        ? 'Advertising SMS must leave from your registered brand name (SpeedSMS type 3).'
        : undefined,
  });
}

function uniquePhones<T extends { phone: string }>(group: T[]): T[] {
  const seen = new Set<string>();
  return group.filter(({ phone }) => (seen.has(phone) ? false : (seen.add(phone), true)));
}
