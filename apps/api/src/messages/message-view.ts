import { z } from 'zod';
import { MESSAGE_CHANNELS } from '../channels/channel-kinds';
import type { MessageRow } from './message-row';

const MESSAGE_STATUSES = [
  'sending',
  'sent',
  'delivered',
  'seen',
  'failed',
  'blocked',
  'deferred',
  'unknown',
] as const;

export const messageSchema = z
  .object({
    id: z.uuid(),
    idempotencyKey: z.string(),
    channel: z.enum(MESSAGE_CHANNELS),
    purpose: z.enum(['marketing', 'transactional', 'otp']),
    accountId: z.uuid(),
    contactId: z.uuid().nullable(),
    campaignId: z.uuid().nullable(),
    campaignVersion: z.number().int().nullable(),
    stepId: z.string().nullable(),
    recipient: z.string().nullable().meta({ description: 'Cleared when the contact is erased' }),
    templateRef: z.string().nullable(),
    correlationId: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    status: z.enum(MESSAGE_STATUSES),
    reason: z.string().nullable().meta({ description: 'Why a guard blocked or deferred it' }),
    retryAt: z.iso.datetime().nullable(),
    error: z
      .object({ class: z.string().nullable(), code: z.string().nullable(), message: z.string().nullable() })
      .nullable(),
    cost: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    billableUnits: z.number().int().nullable(),
    recovery: z.enum(['resent', 'not_resent']).nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    seenAt: z.iso.datetime().nullable(),
    failedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Message' });

export type MessageView = z.infer<typeof messageSchema>;

export const messageListSchema = z
  .object({ items: z.array(messageSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'MessageList' });

export const messageListQuerySchema = z.object({
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  contactId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Created at or after' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Created before' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const messageIdParamsSchema = z.object({ id: z.uuid() });

export const recoveryCountsSchema = z
  .object({
    resent: z
      .number()
      .int()
      .meta({ description: 'OTP and transactional sends resent after an interruption' }),
    notResent: z
      .number()
      .int()
      .meta({ description: 'Marketing sends left unknown after an interruption, not sent again' }),
  })
  .meta({ id: 'MessageRecoveryCounts' });

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toMessageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    channel: row.channel,
    purpose: row.purpose,
    accountId: row.account_id,
    contactId: row.contact_id,
    campaignId: row.campaign_id,
    campaignVersion: row.campaign_version,
    stepId: row.step_id,
    recipient: row.recipient,
    templateRef: row.template_ref,
    correlationId: row.correlation_id,
    providerMessageId: row.provider_message_id,
    status: row.status,
    reason: row.reason,
    retryAt: iso(row.retry_at),
    error:
      row.error_class || row.error_code
        ? { class: row.error_class, code: row.error_code, message: row.error_message }
        : null,
    cost: row.cost !== null ? { amount: Number(row.cost), currency: row.cost_currency ?? 'VND' } : null,
    billableUnits: row.billable_units,
    recovery: row.recovery,
    createdAt: row.created_at.toISOString(),
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    seenAt: iso(row.seen_at),
    failedAt: iso(row.failed_at),
    updatedAt: row.updated_at.toISOString(),
  };
}
