import type { MessageChannel } from '../channels/channel-kinds';
import type { MessagePurpose, SendResult } from './send-message.types';

export type MessageStatus =
  'sending' | 'sent' | 'delivered' | 'seen' | 'failed' | 'blocked' | 'deferred' | 'unknown';

export interface MessageRow {
  id: string;
  workspace_id: string;
  idempotency_key: string;
  channel: MessageChannel;
  purpose: MessagePurpose;
  account_id: string;
  contact_id: string | null;
  campaign_id: string | null;
  campaign_version: number | null;
  step_id: string | null;
  recipient: string | null;
  template_ref: string | null;
  correlation_id: string | null;
  provider_message_id: string | null;
  status: MessageStatus;
  reason: string | null;
  retry_at: Date | null;
  error_class: string | null;
  error_code: string | null;
  error_message: string | null;
  cost: string | null;
  cost_currency: string | null;
  billable_units: number | null;
  recovery: 'resent' | 'not_resent' | null;
  created_at: Date;
  sent_at: Date | null;
  delivered_at: Date | null;
  seen_at: Date | null;
  failed_at: Date | null;
  updated_at: Date;
}

export const MESSAGE_COLUMNS = `id, workspace_id, idempotency_key, channel, purpose, account_id, contact_id, campaign_id,
  campaign_version, step_id, recipient, template_ref, correlation_id, provider_message_id, status, reason, retry_at,
  error_class, error_code, error_message, cost, cost_currency, billable_units, recovery, created_at, sent_at,
  delivered_at, seen_at, failed_at, updated_at`;

/** What the send service reads back from its own writes (fewer columns to parse on the hot path). */
export type LedgerRow = Pick<
  MessageRow,
  | 'id'
  | 'workspace_id'
  | 'idempotency_key'
  | 'channel'
  | 'purpose'
  | 'account_id'
  | 'recipient'
  | 'provider_message_id'
  | 'status'
  | 'reason'
  | 'retry_at'
  | 'error_class'
  | 'error_code'
  | 'error_message'
>;

export const LEDGER_ROW_COLUMNS = `id, workspace_id, idempotency_key, channel, purpose, account_id, recipient,
  provider_message_id, status, reason, retry_at, error_class, error_code, error_message`;

/** Statuses that say the provider accepted the message. */
export const SENT_STATUSES: readonly MessageStatus[] = ['sent', 'delivered', 'seen'];

/** The outcome a row records, as the send service answers it (undefined while it is still to be attempted). */
export function recordedResult(row: LedgerRow): SendResult | undefined {
  if (SENT_STATUSES.includes(row.status))
    return {
      status: 'sent',
      messageId: row.id,
      ...(row.provider_message_id !== null && { providerMessageId: row.provider_message_id }),
    };
  if (row.status === 'blocked') return { status: 'blocked', reason: row.reason as never, messageId: row.id };
  // A delivery receipt's failure (the message went out, the phone never got it) is as final as a refusal.
  if (row.status === 'failed' && (row.error_class === 'permanent' || row.error_class === 'delivery_failed'))
    return {
      status: 'failed',
      errorCode: row.error_code ?? 'unknown',
      errorMessage: row.error_message ?? '',
      messageId: row.id,
    };
  if (row.status === 'unknown')
    return {
      status: 'failed',
      errorCode: 'loa_outcome_unknown',
      errorMessage: row.error_message ?? 'The send was interrupted; it was not sent again',
      messageId: row.id,
    };
  return undefined;
}
