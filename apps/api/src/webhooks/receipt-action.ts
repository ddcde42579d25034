import type { WebhookProvider } from './webhook-urls';

/** What a delivery receipt says happened to one or more sent messages. */
export interface DeliveryUpdate {
  status: 'delivered' | 'seen' | 'failed';
  /** When it happened, by the provider's clock. */
  at: Date;
  /** One entry per message the receipt is about; each is found by any of its ids (per account). */
  targets: Array<{
    providerMessageId?: string;
    correlationId?: string;
    /** The address the receipt is for, when one provider id names many messages (an eSMS advertising request). */
    recipient?: string;
  }>;
  errorCode?: string;
}

/** A Zalo user acting on the OA: follow, unfollow, a message, the answer to a request-user-info form. */
export type ZaloAudienceEvent =
  | { type: 'follow' | 'unfollow'; oaId: string; userId: string; source?: string; at: Date }
  | {
      type: 'message_received';
      oaId: string;
      userId: string;
      msgId: string;
      eventName: string;
      text?: string;
      attachments: Array<{ type: string; payload: Record<string, unknown> }>;
      at: Date;
    }
  | {
      type: 'user_submit_info';
      oaId: string;
      userId: string;
      info: {
        name?: string;
        phone?: string;
        address?: string;
        city?: string;
        district?: string;
        ward?: string;
      };
      at: Date;
    };

/** What processing a stored receipt does. */
export type ReceiptAction =
  | { kind: 'delivery'; update: DeliveryUpdate }
  | { kind: 'zalo_audience'; event: ZaloAudienceEvent }
  | { kind: 'template_status'; oaId: string; templateId: string; previousStatus: string; newStatus: string }
  | { kind: 'ignore'; reason: string };

export interface StoredReceipt {
  id: string;
  workspaceId: string;
  accountId: string;
  provider: WebhookProvider;
  payload: string;
}
