import type { CampaignSettings, SendActivityResult, SendBlockReason, SendDeferralReason } from '@loa/engine';
import type { TransactionTemplateType } from '@loa/connectors';
import type { MessageChannel } from '../channels/channel-kinds';

export type MessagePurpose = 'marketing' | 'transactional' | 'otp';

/** What is sent: the content of one message on its channel (the address comes from `to` or the contact). */
export type MessageContent =
  | { channel: 'sms'; text: string }
  | { channel: 'email'; subject: string; html?: string; text?: string }
  | { channel: 'zns'; templateId: string; templateData: Record<string, string> }
  | { channel: 'zalo_oa'; text: string }
  | { channel: 'zalo_oa'; transaction: OaTransactionContent };

/** An OA transaction message (order, booking…): a header, an optional paragraph, a key-value table, link buttons. */
export interface OaTransactionContent {
  templateType: TransactionTemplateType;
  language: 'VI' | 'EN';
  header: string;
  text?: string;
  table: Array<{ key: string; value: string }>;
  buttons: Array<{ title: string; url: string }>;
}

/** One message for the send service. The idempotency key is unique per workspace: a repeat sends nothing. */
export interface SendMessageInput {
  workspaceId: string;
  accountId: string;
  idempotencyKey: string;
  purpose: MessagePurpose;
  content: MessageContent;
  /** The contact it is for: guards (do-not-contact, consent, caps) and the address come from it. */
  contactId?: string;
  /** The address (84… phone, e-mail, Zalo user id); the contact's own when absent. */
  to?: string;
  /** The campaign (its uuid), version and step the message belongs to. */
  campaign?: { id: string; version?: number; stepId?: string };
  /** The campaign's time and cap settings; absent = Vietnam time, no quiet hours, Decree 91 caps only. */
  settings?: Partial<Pick<CampaignSettings, 'timezone' | 'quietHours' | 'frequencyCaps'>>;
}

/** Why a guard stops a send for good (the engine's reasons, plus consent never given and a closed OA window). */
export type BlockReason = SendBlockReason | 'no_consent' | 'outside_oa_window';

/**
 * Why a send waits: the engine's `SendDeferralReason` (`frequency_cap` and the send-time guard's `quiet_hours`,
 * `advertising_sms_window`), the ZNS daily quota; and, for a repeated key whose provider said so, the provider's own
 * quota or hours (`quota_exhausted`, `outside_window`: the first attempt threw the engine's error for them).
 */
export type DeferReason = SendDeferralReason | 'zns_quota' | 'quota_exhausted' | 'outside_window';

/** The engine's `SendActivityResult`, with the guards' wider reasons; permanent failures carry their class. */
export type SendResult =
  | Extract<SendActivityResult, { status: 'sent' }>
  | { status: 'failed'; errorCode: string; errorMessage: string; messageId: string }
  | { status: 'blocked'; reason: BlockReason; messageId: string }
  | { status: 'deferred'; reason: DeferReason; retryAtMs: number; messageId: string };

export const CHANNEL_OF_CONTENT: Record<MessageContent['channel'], MessageChannel> = {
  sms: 'sms',
  email: 'email',
  zns: 'zns',
  zalo_oa: 'zalo_oa',
};
