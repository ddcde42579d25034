import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { UserPrincipal } from '../../auth/principal';
import { ChannelAccountsService } from '../../channels/channel-accounts.service';
import { problems } from '../../http/problem';
import { defaultSmsPrice, isSmsAccountKind, type SmsPrice } from './sms-price';

interface PriceRow {
  currency: string;
  per_segment: string;
}

/**
 * The per-segment price of each SMS account: one row in `sms_prices` when an admin set it, else the indicative
 * price of the account's kind. `priceFor` is the single lookup for previews and for the cost the send service
 * records on the ledger.
 */
@Injectable()
export class SmsPricesService {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: ChannelAccountsService,
    private readonly audit: AuditService,
  ) {}

  /** The account's price; null when the account does not send SMS; 404 when it is not in the workspace. */
  async priceFor(workspaceId: string, accountId: string): Promise<SmsPrice | null> {
    const account = await this.accounts.get(workspaceId, accountId);
    if (!isSmsAccountKind(account.kind)) return null;
    const [row] = (await this.db.query(
      `SELECT currency, per_segment FROM sms_prices WHERE account_id = $1 AND workspace_id = $2`,
      [accountId, workspaceId],
    )) as PriceRow[];
    if (row)
      return { accountId, currency: row.currency, perSegment: Number(row.per_segment), source: 'account' };
    return { accountId, ...defaultSmsPrice(account.kind, account.settings), source: 'default' };
  }

  /** Like `priceFor`, but an account that sends no SMS is a 422 naming `field`. */
  async smsPriceOf(workspaceId: string, accountId: string, field: string): Promise<SmsPrice> {
    const price = await this.priceFor(workspaceId, accountId);
    if (!price) throw problems.field('body', field, 'is not an SMS account (eSMS, SpeedSMS or Twilio)');
    return price;
  }

  async set(
    actor: UserPrincipal,
    accountId: string,
    input: { currency: string; perSegment: number },
  ): Promise<SmsPrice> {
    const account = await this.accounts.get(actor.workspaceId, accountId);
    if (!isSmsAccountKind(account.kind))
      throw problems.field('path', 'id', 'is not an SMS account (eSMS, SpeedSMS or Twilio)');
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO sms_prices (account_id, workspace_id, currency, per_segment, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (account_id) DO UPDATE
           SET currency = EXCLUDED.currency, per_segment = EXCLUDED.per_segment,
               updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [accountId, actor.workspaceId, input.currency, input.perSegment, actor.userId],
      );
      await this.audit.record(
        {
          workspaceId: actor.workspaceId,
          actor,
          action: 'channel_account.sms_pricing_set',
          targetKind: 'channel_account',
          targetId: accountId,
          details: { currency: input.currency, perSegment: input.perSegment },
        },
        manager,
      );
    });
    return { accountId, currency: input.currency, perSegment: input.perSegment, source: 'account' };
  }
}
