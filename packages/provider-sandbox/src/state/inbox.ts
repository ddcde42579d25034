import type { InboxMessage, SandboxChannel } from '../sandbox.types';

/** Messages the sandbox accepted and delivered, newest last, bounded to `limit`. */
export class Inbox {
  private messages: InboxMessage[] = [];
  private readonly byProviderId = new Map<string, InboxMessage>();

  constructor(private readonly limit: number) {}

  add(message: InboxMessage): void {
    this.messages.push(message);
    this.byProviderId.set(message.providerMessageId, message);
    if (this.messages.length > this.limit) {
      const dropped = this.messages.slice(0, Math.ceil(this.limit / 10));
      this.messages = this.messages.slice(dropped.length);
      for (const old of dropped) this.byProviderId.delete(old.providerMessageId);
    }
  }

  find(providerMessageId: string): InboxMessage | undefined {
    return this.byProviderId.get(providerMessageId);
  }

  list(filter: { channel?: SandboxChannel; recipient?: string } = {}): InboxMessage[] {
    return this.messages.filter(
      (message) =>
        (filter.channel === undefined || message.channel === filter.channel) &&
        (filter.recipient === undefined || message.recipient === filter.recipient),
    );
  }

  clear(): void {
    this.messages = [];
    this.byProviderId.clear();
  }
}
