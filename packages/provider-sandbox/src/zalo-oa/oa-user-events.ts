import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';
import type { ZaloOa, ZaloUser } from '../state/zalo-directory';
import type { CallbackResult } from '../webhooks/callback-client';
import { postZaloEvent, type ZaloEvent } from '../webhooks/zalo-webhook';
import { userIdByApp } from './oa-events';

export type UserEventName = 'follow' | 'unfollow' | 'user_send_text' | 'user_submit_info';
const USER_EVENTS: readonly string[] = ['follow', 'unfollow', 'user_send_text', 'user_submit_info'];

export type UserEventOutcome =
  | { ok: true; event: ZaloEvent; webhook: CallbackResult | { ok: false; error: string } }
  | { ok: false; error: string };

function userOf(oa: ZaloOa, userId: string, displayName: string | undefined, now: number): ZaloUser {
  const known = oa.users.get(userId);
  if (known) return known;
  const user: ZaloUser = {
    userId,
    displayName: displayName ?? `Sandbox user ${userId}`,
    follower: false,
    lastInteractionAt: now,
  };
  oa.users.set(userId, user);
  return user;
}

function eventBody(input: {
  name: UserEventName;
  oa: ZaloOa;
  user: ZaloUser;
  body: Record<string, unknown>;
  msgId: string;
  now: number;
}): ZaloEvent {
  const { name, oa, user, now } = input;
  const timestamp = String(now);
  const appId = oa.app.appId;
  switch (name) {
    case 'follow':
    case 'unfollow':
      return {
        app_id: appId,
        oa_id: oa.seed.oaId,
        event_name: name,
        follower: { id: user.userId },
        source: 'oa_profile',
        user_id_by_app: userIdByApp(user.userId),
        timestamp,
      };
    case 'user_send_text':
      return {
        app_id: appId,
        sender: { id: user.userId },
        recipient: { id: oa.seed.oaId },
        user_id_by_app: userIdByApp(user.userId),
        event_name: name,
        message: { text: stringField(input.body, 'text') ?? 'Xin chào', msg_id: input.msgId },
        timestamp,
      };
    case 'user_submit_info':
      return {
        app_id: appId,
        sender: { id: user.userId },
        recipient: { id: oa.seed.oaId },
        user_id_by_app: userIdByApp(user.userId),
        event_name: name,
        info: asRecord(input.body['info']) ?? { name: user.displayName, phone: user.phone ?? '' },
        timestamp,
      };
  }
}

/**
 * Simulates a user acting on the OA: updates follower state and last interaction, remembers inbound messages for
 * `recipient.message_id` replies, and posts the signed webhook.
 */
export async function simulateUserEvent(context: SandboxContext, input: unknown): Promise<UserEventOutcome> {
  const body = asRecord(input) ?? {};
  const name = stringField(body, 'event');
  if (!name || !USER_EVENTS.includes(name))
    return { ok: false, error: `event must be one of ${USER_EVENTS.join(', ')}` };
  const directory = context.state.directory;
  const oaId = stringField(body, 'oaId') ?? directory.oas.keys().next().value;
  const oa = oaId === undefined ? undefined : directory.oas.get(oaId);
  if (!oa) return { ok: false, error: 'unknown oaId' };
  const userId = stringField(body, 'userId');
  if (!userId) return { ok: false, error: 'userId is required' };
  const now = context.now();
  const user = userOf(oa, userId, stringField(body, 'displayName'), now);
  const eventName = name as UserEventName;
  if (eventName === 'unfollow') user.follower = false;
  else {
    user.lastInteractionAt = now;
    if (eventName === 'follow') user.follower = true;
  }
  const msgId = context.state.ids.next(32);
  if (eventName === 'user_send_text') directory.inboundMessages.set(msgId, { oaId: oa.seed.oaId, userId });
  const event = eventBody({ name: eventName, oa, user, body, msgId, now });
  return { ok: true, event, webhook: await postZaloEvent({ context, oa, event }) };
}
