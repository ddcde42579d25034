import type { SendOutcome } from './send-outcome';

/**
 * One message to send: the account it leaves from (credentials come with every call, so no connector holds a
 * tenant's secrets), the message, and the idempotency key the provider correlation id derives from.
 */
export interface SendRequest<Account, Message> {
  account: Account;
  message: Message;
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface BatchSendRequest<Account, Message> {
  account: Account;
  items: ReadonlyArray<{ message: Message; idempotencyKey: string }>;
  /**
   * Names this batch for providers that send many recipients in one request and deduplicate by request (eSMS
   * advertising): each request's correlation id derives from it and from the items the request carries, so a
   * resend of the same items under the same key is recognised. Required for eSMS advertising; connectors that send
   * one request per item ignore it.
   */
  batchKey?: string;
  signal?: AbortSignal;
}

/** A channel's sender. Outcomes of a batch are in the order of its items. */
export interface ChannelConnector<Account, Message> {
  readonly channel: 'zns' | 'zalo_oa' | 'sms' | 'email';
  send(request: SendRequest<Account, Message>): Promise<SendOutcome>;
  sendBatch(request: BatchSendRequest<Account, Message>): Promise<SendOutcome[]>;
}
