import { parseEsmsCallback, parseTwilioStatusCallback, parseZaloWebhookEvent } from '@loa/connectors';
import { ledgerAddress } from '../messages/recipient-address';
import type { ReceiptAction } from './receipt-action';
import type { WebhookProvider } from './webhook-urls';

/**
 * Reads a stored, verified payload into what it asks Loa to do. Pure: the payload is the raw body (Zalo, Twilio)
 * or the query string (eSMS) exactly as it arrived. `oaId` is the account's OA: events of another OA are ignored.
 */
export function parseReceipt(input: {
  provider: WebhookProvider;
  payload: string;
  oaId?: string;
  /** When Loa stored it: the time of receipts that carry none (eSMS, Twilio). */
  receivedAt: Date;
}): ReceiptAction {
  switch (input.provider) {
    case 'zalo':
      return zaloAction(input.payload, input.oaId);
    case 'esms':
      return esmsAction(input.payload, input.receivedAt);
    case 'twilio':
      return twilioAction(input.payload, input.receivedAt);
  }
}

function zaloAction(payload: string, accountOaId: string | undefined): ReceiptAction {
  const parsed = parseZaloWebhookEvent(payload);
  if (!parsed.ok) return { kind: 'ignore', reason: parsed.reason };
  const { event } = parsed;
  if (event.type === 'unknown') return { kind: 'ignore', reason: `event ${event.eventName} is not used` };
  if (accountOaId !== undefined && event.oaId !== accountOaId)
    return { kind: 'ignore', reason: `the event is for OA ${event.oaId}, not this account's` };
  switch (event.type) {
    case 'user_received_message':
      return {
        kind: 'delivery',
        update: {
          status: 'delivered',
          at: new Date(event.deliveredAt),
          targets: [{ providerMessageId: event.msgId, correlationId: event.trackingId }],
        },
      };
    case 'user_seen_message':
      return {
        kind: 'delivery',
        update: {
          status: 'seen',
          at: new Date(event.timestamp),
          targets: event.msgIds.map((msgId) => ({ providerMessageId: msgId })),
        },
      };
    case 'follow':
    case 'unfollow':
      return {
        kind: 'zalo_audience',
        event: {
          type: event.type,
          oaId: event.oaId,
          userId: event.userId,
          source: event.source,
          at: new Date(event.timestamp),
        },
      };
    case 'user_message':
      return {
        kind: 'zalo_audience',
        event: {
          type: 'message_received',
          oaId: event.oaId,
          userId: event.userId,
          msgId: event.msgId,
          eventName: event.eventName,
          text: event.text,
          attachments: event.attachments,
          at: new Date(event.timestamp),
        },
      };
    case 'user_submit_info':
      return {
        kind: 'zalo_audience',
        event: {
          type: 'user_submit_info',
          oaId: event.oaId,
          userId: event.userId,
          info: event.info,
          at: new Date(event.timestamp),
        },
      };
    case 'change_template_status':
      return {
        kind: 'template_status',
        oaId: event.oaId,
        templateId: event.templateId,
        previousStatus: event.previousStatus,
        newStatus: event.newStatus,
      };
    case 'change_oa_daily_quota':
      return { kind: 'ignore', reason: `daily quota changed to ${event.newQuota}` };
  }
}

function esmsAction(payload: string, receivedAt: Date): ReceiptAction {
  const parsed = parseEsmsCallback(new URLSearchParams(payload));
  if (!parsed.ok) return { kind: 'ignore', reason: parsed.reason };
  const { report } = parsed;
  if (report.outcome === 'pending') return { kind: 'ignore', reason: `SendStatus ${report.sendStatusCode}` };
  const recipient = report.phone === undefined ? undefined : ledgerAddress('sms', report.phone);
  return {
    kind: 'delivery',
    update: {
      status: report.outcome,
      at: receivedAt,
      targets: [
        {
          providerMessageId: report.smsId,
          correlationId: report.requestId,
          ...(recipient !== undefined && { recipient }),
        },
      ],
      ...(report.outcome === 'failed' ? { errorCode: `esms_send_status_${report.sendStatusCode}` } : {}),
    },
  };
}

function twilioAction(payload: string, receivedAt: Date): ReceiptAction {
  const parsed = parseTwilioStatusCallback(new URLSearchParams(payload));
  if (!parsed.ok) return { kind: 'ignore', reason: parsed.reason };
  const { report } = parsed;
  if (report.outcome === 'pending') return { kind: 'ignore', reason: `MessageStatus ${report.statusValue}` };
  return {
    kind: 'delivery',
    update: {
      status: report.outcome,
      at: receivedAt,
      targets: [{ providerMessageId: report.messageSid }],
      ...(report.errorCode ? { errorCode: report.errorCode } : {}),
    },
  };
}
