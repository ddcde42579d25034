import { z } from 'zod';
import { lenient, zaloId, zaloNumber } from '../shared/zalo-schemas';

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

/** A parsed webhook, or why its body is not one; like the eSMS and Twilio callback parsers, never thrown. */
export type ParsedZaloWebhook = { ok: true; event: ZaloWebhookEvent } | { ok: false; reason: string };

const party = z.object({ id: zaloId });
const common = { app_id: lenient(zaloId), timestamp: zaloNumber };
/** Optional text of an event: null or another type reads as absent. */
const optionalText = lenient(z.string());

const receivedSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z.object({
    msg_id: zaloId,
    tracking_id: lenient(zaloId),
    delivery_time: lenient(zaloNumber),
  }),
});

const seenSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  message: z
    .object({ msg_id: lenient(zaloId), msg_ids: lenient(z.array(zaloId)) })
    .refine((message) => message.msg_id !== undefined || (message.msg_ids?.length ?? 0) > 0, {
      message: 'needs msg_id or msg_ids',
    }),
});

const followSchema = z.object({
  ...common,
  oa_id: zaloId,
  follower: party,
  source: optionalText,
  user_id_by_app: lenient(zaloId),
});

const userMessageSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  user_id_by_app: lenient(zaloId),
  message: z.object({
    msg_id: zaloId,
    text: optionalText,
    attachments: lenient(
      z.array(
        z.object({
          type: z.string(),
          payload: lenient(z.record(z.string(), z.unknown())).transform((payload) => payload ?? {}),
        }),
      ),
    ),
  }),
});

const submitInfoSchema = z.object({
  ...common,
  sender: party,
  recipient: party,
  info: z.object({
    name: optionalText,
    phone: optionalText,
    address: optionalText,
    city: optionalText,
    district: optionalText,
    ward: optionalText,
  }),
});

const templateStatusSchema = z.object({
  ...common,
  oa_id: zaloId,
  template_id: zaloId,
  status: z.object({ prev_status: z.string(), new_status: z.string() }),
  reason: optionalText,
});

const dailyQuotaSchema = z.object({
  oaId: zaloId,
  quota: z.object({ prev_value: zaloNumber, new_value: zaloNumber }),
  timestamp: lenient(zaloNumber),
});

function parseWith<S extends z.ZodType, E extends ZaloWebhookEvent>(
  schema: S,
  body: unknown,
  eventName: string,
  toEvent: (parsed: z.output<S>) => E,
): ParsedZaloWebhook {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, event: toEvent(parsed.data) };
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(body)';
  return { ok: false, reason: `Zalo webhook ${eventName}: ${field}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Parses the raw body of a Zalo webhook (verify its signature first). Invalid JSON or a missing field the event
 * cannot do without is a `{ ok: false, reason }` value; fields Loa can do without are read leniently.
 */
export function parseZaloWebhookEvent(rawBody: Buffer | string): ParsedZaloWebhook {
  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return { ok: false, reason: 'Zalo webhook body is not valid JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'Zalo webhook body is not a JSON object' };
  }
  const eventName = (body as { event_name?: unknown }).event_name;
  if (typeof eventName !== 'string' || eventName.length === 0) {
    return { ok: false, reason: 'Zalo webhook: event_name: missing' };
  }
  switch (eventName) {
    case 'user_received_message':
      return parseWith(receivedSchema, body, eventName, (event) => ({
        type: 'user_received_message',
        appId: event.app_id,
        oaId: event.sender.id,
        recipientId: event.recipient.id,
        msgId: event.message.msg_id,
        ...(event.message.tracking_id !== undefined ? { trackingId: event.message.tracking_id } : {}),
        deliveredAt: event.message.delivery_time ?? event.timestamp,
        timestamp: event.timestamp,
      }));
    case 'user_seen_message':
      return parseWith(seenSchema, body, eventName, (event) => ({
        type: 'user_seen_message',
        appId: event.app_id,
        oaId: event.sender.id,
        recipientId: event.recipient.id,
        msgIds: event.message.msg_ids?.length ? event.message.msg_ids : [event.message.msg_id as string],
        timestamp: event.timestamp,
      }));
    case 'follow':
    case 'unfollow':
      return parseWith(followSchema, body, eventName, (event) => ({
        type: eventName,
        appId: event.app_id,
        oaId: event.oa_id,
        userId: event.follower.id,
        userIdByApp: event.user_id_by_app,
        source: event.source,
        timestamp: event.timestamp,
      }));
    case 'user_submit_info':
      return parseWith(submitInfoSchema, body, eventName, (event) => ({
        type: 'user_submit_info',
        appId: event.app_id,
        userId: event.sender.id,
        oaId: event.recipient.id,
        info: event.info,
        timestamp: event.timestamp,
      }));
    case 'change_template_status':
      return parseWith(templateStatusSchema, body, eventName, (event) => ({
        type: 'change_template_status',
        appId: event.app_id,
        oaId: event.oa_id,
        templateId: event.template_id,
        previousStatus: event.status.prev_status,
        newStatus: event.status.new_status,
        reason: event.reason,
        timestamp: event.timestamp,
      }));
    case 'change_oa_daily_quota':
      return parseWith(dailyQuotaSchema, body, eventName, (event) => ({
        type: 'change_oa_daily_quota',
        oaId: event.oaId,
        previousQuota: event.quota.prev_value,
        newQuota: event.quota.new_value,
        timestamp: event.timestamp,
      }));
    default:
      if (eventName.startsWith('user_send_')) {
        return parseWith(userMessageSchema, body, eventName, (event) => ({
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
        }));
      }
      return { ok: true, event: { type: 'unknown', eventName, payload: body as Record<string, unknown> } };
  }
}
