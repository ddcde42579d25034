import type { ChannelAccountForSending, ChannelAccountsService } from '../channels/channel-accounts.service';
import { DEFAULT_SEND_RATES } from './send-rate-limiter';

/** How long a process reuses an account's opened configuration: a change (disable, new key) applies within it. */
export const ACCOUNT_CACHE_MS = 2_000;

export interface SendingAccount extends ChannelAccountForSending {
  /** Messages per second: the account's own limit, or its provider's default. */
  ratePerSecond: number;
}

/** Channel accounts as the send service uses them, opened once per short interval instead of on every send. */
export class SendingAccounts {
  private readonly cache = new Map<string, { at: number; account: Promise<SendingAccount> }>();

  constructor(private readonly accounts: ChannelAccountsService) {}

  get(workspaceId: string, accountId: string): Promise<SendingAccount> {
    const key = `${workspaceId}:${accountId}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < ACCOUNT_CACHE_MS) return cached.account;
    const account = this.load(workspaceId, accountId);
    this.cache.set(key, { at: Date.now(), account });
    account.catch(() => this.cache.delete(key));
    return account;
  }

  /** Forgets what this process knows of an account (after this process changed it). */
  forget(): void {
    this.cache.clear();
  }

  private async load(workspaceId: string, accountId: string): Promise<SendingAccount> {
    const account = await this.accounts.forSending(workspaceId, accountId);
    const own = account.row.send_rate_per_second;
    return { ...account, ratePerSecond: own ? Number(own) : DEFAULT_SEND_RATES[account.row.kind] };
  }
}
