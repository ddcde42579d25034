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

/** The channel account a webhook URL names, when it exists and is of the provider's kind. */
@Injectable()
export class WebhookAccounts {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: ChannelAccountsService,
  ) {}

  async find(accountId: string, provider: WebhookProvider): Promise<WebhookAccount | null> {
    const [row] = (await this.db.query(`SELECT workspace_id, kind FROM channel_accounts WHERE id = $1`, [
      accountId,
    ])) as Array<{ workspace_id: string; kind: ChannelKind }>;
    if (!row || webhookProviderOf(row.kind) !== provider) return null;
    const { config } = await this.accounts.forSending(row.workspace_id, accountId);
    return { id: accountId, workspaceId: row.workspace_id, kind: row.kind, config };
  }
}
