import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelAccountsService } from '../channels/channel-accounts.service';
import type { ChannelKind } from '../channels/channel-kinds';
import { webhookProviderOf, type WebhookProvider } from './webhook-urls';

export interface WebhookAccount {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  /** The whole configuration, secrets opened: what verifies the provider's signature. */
  config: Record<string, unknown>;
}

/** How long an account read for a webhook is reused: a changed secret takes effect within this time. */
export const WEBHOOK_ACCOUNT_CACHE_MS = 10_000;
const CACHE_LIMIT = 1000;

/**
 * The channel account a webhook URL names, when it exists and is of the provider's kind. Providers post receipts in
 * bursts, so each account is read (and its secrets opened) once per few seconds, not once per call.
 */
@Injectable()
export class WebhookAccounts {
  private readonly cache = new Map<string, { account: WebhookAccount | null; until: number }>();

  constructor(
    private readonly db: DataSource,
    private readonly accounts: ChannelAccountsService,
  ) {}

  async find(accountId: string, provider: WebhookProvider): Promise<WebhookAccount | null> {
    const key = `${provider}:${accountId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.account;
    const account = await this.read(accountId, provider);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, { account, until: Date.now() + WEBHOOK_ACCOUNT_CACHE_MS });
    return account;
  }

  private async read(accountId: string, provider: WebhookProvider): Promise<WebhookAccount | null> {
    const [row] = (await this.db.query(`SELECT workspace_id, kind FROM channel_accounts WHERE id = $1`, [
      accountId,
    ])) as Array<{ workspace_id: string; kind: ChannelKind }>;
    if (!row || webhookProviderOf(row.kind) !== provider) return null;
    const { config } = await this.accounts.forSending(row.workspace_id, accountId);
    return { id: accountId, workspaceId: row.workspace_id, kind: row.kind, config };
  }
}
