import type { SandboxContext } from '../state/sandbox-context';
import type { ZaloOa } from '../state/zalo-directory';
import { postZaloEvent, type ZaloEvent } from '../webhooks/zalo-webhook';

/** The user's id as the app sees it (a different id space from the OA-scoped user_id). */
export function userIdByApp(userId: string): string {
  return `8${userId.slice(1)}`;
}

/** After the receipt delay: `user_received_message`, then (optionally) `user_seen_message`, sender = OA. */
export function scheduleOaReceipts(input: {
  context: SandboxContext;
  oa: ZaloOa;
  userId: string;
  messageId: string;
}): void {
  const { context, oa, userId, messageId } = input;
  const base = {
    app_id: oa.app.appId,
    sender: { id: oa.seed.oaId },
    recipient: { id: userId },
    user_id_by_app: userIdByApp(userId),
  };
  const delay = context.options.receiptDelayMs;
  context.later(delay, async (signal) => {
    const received: ZaloEvent = {
      ...base,
      event_name: 'user_received_message',
      message: { msg_id: messageId },
      timestamp: String(context.now()),
    };
    await postZaloEvent({ context, oa, event: received, signal });
    if (!context.options.zaloOaSeenEvents || signal.aborted) return;
    const seen: ZaloEvent = {
      ...base,
      event_name: 'user_seen_message',
      message: { msg_id: messageId, msg_ids: [messageId] },
      timestamp: String(context.now()),
    };
    await postZaloEvent({ context, oa, event: seen, signal });
  });
}
