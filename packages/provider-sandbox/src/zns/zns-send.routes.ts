import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { InboxMessage } from '../sandbox.types';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField, type JsonRecord } from '../state/records';
import { inVietnamHours } from '../state/vietnam-time';
import { toZaloPhone } from '../state/vietnamese-phone';
import type { ZaloOa } from '../state/zalo-directory';
import { postZaloEvent } from '../webhooks/zalo-webhook';
import { znsOa } from './zns-access';
import { checkTemplateData } from './zns-template-data';
import { ZNS_ERRORS } from './zns.errors';

const NIGHT = { fromHour: 22, toHour: 6 };
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The recipient as Zalo sees it: `id` is the 84… phone, or the SHA-256 hash for hash-phone sends. */
interface Recipient {
  id: string;
  /** The phone behind the recipient, when known (always for phone sends; for hashes of seeded phones). */
  phone?: string;
}

function phoneRecipient(body: JsonRecord): Recipient | null {
  const raw = stringField(body, 'phone');
  const phone = raw === undefined ? null : toZaloPhone(raw);
  return phone ? { id: phone, phone } : null;
}

function hashRecipient(body: JsonRecord, phoneByHash: Map<string, string>): Recipient | null {
  const hash = stringField(body, 'hash_phone')?.toLowerCase();
  return hash && SHA256_HEX.test(hash) ? { id: hash, phone: phoneByHash.get(hash) } : null;
}

/** Who a ZNS fault rule's `recipients` match: the 84… phone, or the lower-case hash of a hash-phone send. */
export function znsFaultRecipient(request: FastifyRequest): string | undefined {
  const body = asRecord(request.body);
  if (!body) return undefined;
  const hash = stringField(body, 'hash_phone');
  if (hash !== undefined) return hash.toLowerCase();
  const phone = stringField(body, 'phone');
  return phone === undefined ? undefined : (toZaloPhone(phone) ?? phone);
}

/** ZNS send by phone and by hashed phone (providers.md §2.1–2.2, §2.5). */
export function registerZnsSendRoutes(app: FastifyInstance, context: SandboxContext): void {
  const send = (recipientOf: (body: JsonRecord) => Recipient | null) =>
    async function znsSend(request: FastifyRequest) {
      const body = asRecord(request.body);
      if (!body) return ZNS_ERRORS.bodyEmpty();
      const state = context.state;
      const recipient = recipientOf(body);
      const now = context.now();
      const oa = znsOa(context, request.headers['access_token']);
      if (!oa) return ZNS_ERRORS.tokenInvalid();
      if (!recipient) return ZNS_ERRORS.phoneInvalid();
      const template = oa.templates.get(stringField(body, 'template_id') ?? '');
      if (!template) return ZNS_ERRORS.templateInvalid();
      if (template.status !== 'ENABLE') return ZNS_ERRORS.templateNotApproved();
      const dataError = checkTemplateData(template, body['template_data']);
      if (dataError) return dataError;
      const trackingId = body['tracking_id'];
      if (typeof trackingId !== 'string' || trackingId.length === 0 || trackingId.length > 48) {
        return ZNS_ERRORS.parameterInvalid('tracking_id is required, at most 48 characters');
      }
      const sendingMode = body['sending_mode'] ?? '1';
      if (sendingMode !== '1' && sendingMode !== '3') return ZNS_ERRORS.sendingModeInvalid();
      if (sendingMode === '3') return ZNS_ERRORS.tag3NotAllowed();
      const mode = body['mode'];
      if (mode !== undefined && mode !== 'development') return ZNS_ERRORS.parameterInvalid('mode');
      const development = mode === 'development';
      if (development && !(recipient.phone && oa.adminPhones.has(recipient.phone)))
        return ZNS_ERRORS.devModeAdminsOnly();
      if (recipient.phone && state.directory.phonesNotOnZalo.has(recipient.phone))
        return ZNS_ERRORS.notOnZalo();
      if (context.options.znsNightWindow && inVietnamHours(now, NIGHT)) return ZNS_ERRORS.night();
      const dailyQuota = oa.seed.dailyQuota;
      if (!development) {
        const taken = state.znsQuota.take({
          oaId: oa.seed.oaId,
          dailyQuota,
          promotion: template.templateTag === 'PROMOTION',
          now,
        });
        if (!taken) return ZNS_ERRORS.dailyQuota();
      }
      const msgId = state.ids.next(20);
      const sentTime = String(now);
      const message: InboxMessage = {
        id: msgId,
        channel: 'zns',
        account: oa.seed.oaId,
        recipient: recipient.id,
        providerMessageId: msgId,
        correlationId: trackingId,
        content: {
          template_id: template.templateId,
          template_data: body['template_data'],
          tracking_id: trackingId,
          mode: development ? 'development' : 'normal',
          sent_time: sentTime,
        },
        acceptedAt: new Date(now).toISOString(),
      };
      state.inbox.add(message);
      scheduleReceipt({ context, oa, message });
      return {
        error: 0,
        message: 'Success',
        data: {
          msg_id: msgId,
          sent_time: sentTime,
          sending_mode: sendingMode,
          quota: {
            dailyQuota: String(dailyQuota),
            remainingQuota: String(state.znsQuota.remaining({ oaId: oa.seed.oaId, dailyQuota, now })),
          },
        },
      };
    };

  app.post('/zns/message/template', send(phoneRecipient));
  app.post(
    '/zns/message/template/hashphone',
    send((body) => hashRecipient(body, context.state.directory.phoneByHash)),
  );
}

/** Marks the message delivered after the receipt delay and posts `user_received_message` (providers.md §2.5). */
function scheduleReceipt(input: { context: SandboxContext; oa: ZaloOa; message: InboxMessage }): void {
  const { context, oa, message } = input;
  const delay = context.options.receiptDelayMs;
  context.later(delay, async (signal) => {
    const deliveryTime = String(Number(message.content['sent_time']) + delay);
    message.content['delivery_time'] = deliveryTime;
    await postZaloEvent({
      context,
      oa,
      server: 'ZNS',
      signal,
      event: {
        sender: { id: oa.seed.oaId },
        recipient: { id: message.recipient },
        event_name: 'user_received_message',
        message: {
          delivery_time: deliveryTime,
          msg_id: message.providerMessageId,
          tracking_id: message.correlationId,
        },
        app_id: oa.app.appId,
        timestamp: String(context.now()),
      },
    });
  });
}
