import { z } from 'zod';
import { zaloId, zaloNumber } from '../shared/zalo-schemas';

/** A Zalo webhook (ZNS or OA) as a typed value; event names Loa does not know yet arrive as `unknown`. */
export type ZaloWebhookEvent =
  | {
      type: 'user_received_message';
      appId?: string;
      /** sender.id: the OA. */
      oaId: string;
      /** recipient.id: an 84… phone, its SHA-256 (hash-phone sends) or an OA user id. */
      recipientId: string;
      msgId: string;
      /** Present on ZNS receipts: the tracking_id the message was sent with. */
      trackingId?: string;
      /**
       * Epoch ms the message reached the device: the ZNS receipt's delivery_time (not its timestamp); OA receipts
       * carry no delivery_time (providers.md §3.6), so their event timestamp.
       */
      deliveredAt: number;
      timestamp: number;
    }
  | {
      type: 'user_seen_message';
      appId?: string;
      oaId: string;
      recipientId: string;
      msgIds: string[];
      timestamp: number;
    }
  | {
      type: 'follow' | 'unfollow';
      appId?: string;
      oaId: string;
      userId: string;
      userIdByApp?: string;
      source?: string;
      timestamp: number;
    }
  | {
      type: 'user_message';
      /** The event name, e.g. user_send_text, user_send_image. */
      eventName: string;
      appId?: string;
      userId: string;
      oaId: string;
      userIdByApp?: string;
      msgId: string;
      text?: string;
      attachments: Array<{ type: string; payload: Record<string, unknown> }>;
      timestamp: number;
    }
  | {
      type: 'user_submit_info';
      appId?: string;
      userId: string;
      oaId: string;
      info: {
        name?: string;
        phone?: string;
        address?: string;
        city?: string;
        district?: string;
        ward?: string;
      };
      timestamp: number;
    }
  | {
      type: 'change_template_status';
      appId?: string;
      oaId: string;
      templateId: string;
      previousStatus: string;
      newStatus: string;
      reason?: string;
      timestamp: number;
    }
  | {
      type: 'change_oa_daily_quota';
      oaId: string;
      previousQuota: number;
      newQuota: number;
      timestamp?: number;
    }
  | { type: 'unknown'; eventName: string; payload: Record<string, unknown> };

export class ZaloWebhookParseError extends Error {
  override readonly name = 'ZaloWebhookParseError';
}

const party = z.object({ id: zaloId });
const common = { app_id: zaloId.optional(), timestamp: zaloNumber };

const receivedSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z.object({
    msg_id: zaloId,
    tracking_id: z.string().optional(),
    delivery_time: zaloNumber.optional(),
  }),
});

const seenSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z
    .object({ msg_id: zaloId.optional(), msg_ids: z.array(zaloId).optional() })
    .refine((message) => message.msg_id !== undefined || (message.msg_ids?.length ?? 0) > 0, {
      message: 'needs msg_id or msg_ids',
    }),
});

const followSchema = z.object({
  ...common,
  oa_id: zaloId,
  follower: party,
  source: z.string().optional(),
  user_id_by_app: zaloId.optional(),
});

const userMessageSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  user_id_by_app: zaloId.optional(),
  message: z.object({
    msg_id: zaloId,
    text: z.string().optional(),
    attachments: z
      .array(z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()).default({}) }))
      .optional(),
  }),
});

const submitInfoSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  info: z.object({
    name: z.string().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    district: z.string().optional(),
    ward: z.string().optional(),
  }),
});

const templateStatusSchema = z.object({
  ...common,
  oa_id: zaloId,
  template_id: zaloId,
  status: z.object({ prev_status: z.string(), new_status: z.string() }),
  reason: z.string().optional(),
});

const dailyQuotaSchema = z.object({
  oaId: zaloId,
  quota: z.object({ prev_value: zaloNumber, new_value: zaloNumber }),
  timestamp: zaloNumber.optional(),
});

function parseWith<S extends z.ZodType>(schema: S, body: unknown, eventName: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(body)';
  throw new ZaloWebhookParseError(`Zalo webhook ${eventName}: ${field}: ${issue?.message ?? 'invalid'}`);
}

/** Parses the raw body of a Zalo webhook. Throws ZaloWebhookParseError on invalid JSON or a missing field. */
export function parseZaloWebhookEvent(rawBody: Buffer | string): ZaloWebhookEvent {
  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    throw new ZaloWebhookParseError('Zalo webhook body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ZaloWebhookParseError('Zalo webhook body is not a JSON object');
  }
  const eventName = (body as { event_name?: unknown }).event_name;
  if (typeof eventName !== 'string' || eventName.length === 0) {
    throw new ZaloWebhookParseError('Zalo webhook: event_name: missing');
  }
  switch (eventName) {
    case 'user_received_message': {
      const event = parseWith(receivedSchema, body, eventName);
      return {
        type: 'user_received_message',
        appId: event.app_id,
        oaId: event.sender.id,
        recipientId: event.recipient.id,
        msgId: event.message.msg_id,
        ...(event.message.tracking_id !== undefined ? { trackingId: event.message.tracking_id } : {}),
        deliveredAt: event.message.delivery_time ?? event.timestamp,
        timestamp: event.timestamp,
      };
    }
    case 'user_seen_message': {
      const event = parseWith(seenSchema, body, eventName);
      const msgIds = event.message.msg_ids?.length ? event.message.msg_ids : [event.message.msg_id as string];
      return {
        type: 'user_seen_message',
        appId: event.app_id,
        oaId: event.sender.id,
        recipientId: event.recipient.id,
        msgIds,
        timestamp: event.timestamp,
      };
    }
    case 'follow':
    case 'unfollow': {
      const event = parseWith(followSchema, body, eventName);
      return {
        type: eventName,
        appId: event.app_id,
        oaId: event.oa_id,
        userId: event.follower.id,
        userIdByApp: event.user_id_by_app,
        source: event.source,
        timestamp: event.timestamp,
      };
    }
    case 'user_submit_info': {
      const event = parseWith(submitInfoSchema, body, eventName);
      return {
        type: 'user_submit_info',
        appId: event.app_id,
        userId: event.sender.id,
        oaId: event.recipient.id,
        info: event.info,
        timestamp: event.timestamp,
      };
    }
    case 'change_template_status': {
      const event = parseWith(templateStatusSchema, body, eventName);
      return {
        type: 'change_template_status',
        appId: event.app_id,
        oaId: event.oa_id,
        templateId: event.template_id,
        previousStatus: event.status.prev_status,
        newStatus: event.status.new_status,
        reason: event.reason,
        timestamp: event.timestamp,
      };
    }
    case 'change_oa_daily_quota': {
      const event = parseWith(dailyQuotaSchema, body, eventName);
      return {
        type: 'change_oa_daily_quota',
        oaId: event.oaId,
        previousQuota: event.quota.prev_value,
        newQuota: event.quota.new_value,
        timestamp: event.timestamp,
      };
    }
    default: {
      if (eventName.startsWith('user_send_')) {
        const event = parseWith(userMessageSchema, body, eventName);
        return {
          type: 'user_message',
          eventName,
          appId: event.app_id,
          userId: event.sender.id,
          oaId: event.recipient.id,
          userIdByApp: event.user_id_by_app,
          msgId: event.message.msg_id,
          text: event.message.text,
          attachments: event.message.attachments ?? [],
          timestamp: event.timestamp,
        };
      }
      return { type: 'unknown', eventName, payload: body as Record<string, unknown> };
    }
  }
}
