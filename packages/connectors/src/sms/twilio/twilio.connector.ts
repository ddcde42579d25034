import type { BatchSendRequest, ChannelConnector, SendRequest } from '../../contract/channel-connector';
import type { SendOutcome } from '../../contract/send-outcome';
import type { HttpClient } from '../../http/http-client';
import { mapConcurrent } from '../../shared/map-concurrent';
import { invalidPhoneFailure, smsNetworkFailure } from '../sms-failures';
import type { SmsMessage } from '../sms-message';
import { prepareSmsText } from '@loa/sms-text';
import type { TwilioAccount } from './twilio.config';
import { twilioSendOutcome } from './twilio.send-answer';
import { toE164 } from './twilio.phone';

const BATCH_CONCURRENCY = 8;

export interface TwilioConnectorOptions {
  http: HttpClient;
  now?: () => Date;
}

/**
 * Twilio Programmable Messaging: form-encoded `POST /2010-04-01/Accounts/{sid}/Messages.json`, Basic
 * `AccountSid:AuthToken`. Twilio's message API takes no idempotency key, so a retry after a lost answer may send
 * twice: a send that may have reached Twilio and got no answer is `outcome_unknown`, not retryable. The correlation
 * id (the idempotency key) stays in Loa's send ledger.
 */
export function createTwilioConnector(
  options: TwilioConnectorOptions,
): ChannelConnector<TwilioAccount, SmsMessage> {
  const now = options.now ?? (() => new Date());

  const send = async (request: SendRequest<TwilioAccount, SmsMessage>): Promise<SendOutcome> => {
    const { account, message } = request;
    const correlationId = request.idempotencyKey;
    const to = toE164(message.to);
    if (!to.ok) return invalidPhoneFailure({ phone: message.to, correlationId });
    const text = prepareSmsText(message);
    const form = new URLSearchParams({ To: to.phone, Body: text.text });
    if (account.messagingServiceSid) form.set('MessagingServiceSid', account.messagingServiceSid);
    else if (account.from) form.set('From', account.from);
    if (account.statusCallbackUrl) form.set('StatusCallback', account.statusCallbackUrl);

    let response;
    try {
      response = await options.http.send({
        method: 'POST',
        url: `${account.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`,
        headers: {
          authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
        signal: request.signal,
      });
    } catch (error) {
      return smsNetworkFailure(error, correlationId);
    }

    return twilioSendOutcome({ response, correlationId, segments: text.segments, now: now() });
  };

  return {
    channel: 'sms',
    send,
    sendBatch: (request: BatchSendRequest<TwilioAccount, SmsMessage>) =>
      mapConcurrent(request.items, BATCH_CONCURRENCY, (item) =>
        send({ account: request.account, signal: request.signal, ...item }),
      ),
  };
}
