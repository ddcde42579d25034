import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField, type JsonRecord } from '../state/records';
import { inVietnamHours, vietnamDay } from '../state/vietnam-time';
import type { ZaloOa, ZaloUser } from '../state/zalo-directory';
import { isOaError, oaFromToken } from './oa-access';
import { scheduleOaReceipts } from './oa-events';
import { checkOaMessage, type OaMessageKind } from './oa-message-rules';
import { OA_ERRORS, type OaError } from './oa.errors';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const DAYTIME = { fromHour: 6, toHour: 22 };

function recipientUser(
  oa: ZaloOa,
  recipient: JsonRecord | undefined,
  inbound: Map<string, { oaId: string; userId: string }>,
): ZaloUser | undefined {
  const userId = stringField(recipient, 'user_id');
  if (userId !== undefined) return oa.users.get(userId);
  const repliedTo = inbound.get(stringField(recipient, 'message_id') ?? '');
  return repliedTo && repliedTo.oaId === oa.seed.oaId ? oa.users.get(repliedTo.userId) : undefined;
}

/** The sending rules of providers.md §3.4: interaction windows, followers, hours, one promotion a day. */
function checkWindow(kind: OaMessageKind, user: ZaloUser, now: number): OaError | null {
  const sinceInteraction = now - user.lastInteractionAt;
  switch (kind) {
    case 'cs':
      return sinceInteraction > 7 * DAY_MS ? OA_ERRORS.noInteraction7Days() : null;
    case 'transaction':
      return sinceInteraction > 365 * DAY_MS ? OA_ERRORS.interactionExpired() : null;
    case 'promotion':
      if (!user.follower) return OA_ERRORS.notFollower();
      if (!inVietnamHours(now, DAYTIME)) return OA_ERRORS.night();
      return user.lastPromotionDay === vietnamDay(now) ? OA_ERRORS.promotionQuota() : null;
  }
}

/** Free CS replies within 48 h carry a `reply` quota; anything else is a paid message without `quota` (§3.3). */
function quotaOf(kind: OaMessageKind, user: ZaloUser, now: number): Record<string, unknown> | undefined {
  if (kind === 'cs' && now - user.lastInteractionAt <= 48 * HOUR_MS) return { quota_type: 'reply' };
  return undefined;
}

/** Who an OA fault rule's `recipients` match: `recipient.user_id` of a message send. */
export function oaFaultRecipient(request: FastifyRequest): string | undefined {
  return stringField(asRecord(asRecord(request.body)?.['recipient']), 'user_id');
}

/** OA API v3 consultation, transaction and promotion messages (providers.md §3.2–3.4). */
export function registerOaSendRoutes(app: FastifyInstance, context: SandboxContext): void {
  for (const kind of ['cs', 'transaction', 'promotion'] as const) {
    app.post(`/zalo-oa/v3.0/oa/message/${kind}`, async (request) => {
      const body = asRecord(request.body);
      const recipient = asRecord(body?.['recipient']);
      const now = context.now();
      const state = context.state;
      const oa = oaFromToken(context, request.headers['access_token']);
      if (isOaError(oa)) return oa;
      if (!body || !recipient) return OA_ERRORS.paramInvalid('recipient');
      const user = recipientUser(oa, recipient, state.directory.inboundMessages);
      if (!user) return OA_ERRORS.paramInvalid('recipient is not a user of this OA');
      const messageError = checkOaMessage({ kind, message: body['message'], uploads: state.oaUploads, now });
      if (messageError) return messageError;
      const windowError = checkWindow(kind, user, now);
      if (windowError) return windowError;
      if (kind === 'promotion') user.lastPromotionDay = vietnamDay(now);
      const messageId = state.ids.next(32);
      state.inbox.add({
        id: messageId,
        channel: 'zalo_oa',
        account: oa.seed.oaId,
        recipient: user.userId,
        providerMessageId: messageId,
        content: { kind, message: body['message'] },
        acceptedAt: new Date(now).toISOString(),
      });
      scheduleOaReceipts({ context, oa, userId: user.userId, messageId });
      const quota = quotaOf(kind, user, now);
      return {
        error: 0,
        message: 'Success',
        data: { message_id: messageId, user_id: user.userId, ...(quota ? { quota } : {}) },
      };
    });
  }
}
