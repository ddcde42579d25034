import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  EsmsAccountSchema,
  esmsBalance,
  SmtpAccountSchema,
  SmtpTransportCache,
  speedSmsAccountInfo,
  SpeedSmsAccountSchema,
  twilioAccountStatus,
  TwilioAccountSchema,
  ZaloOaClient,
  ZnsClient,
} from '@loa/connectors';
import { DataSource } from 'typeorm';
import type { ChannelAccountView } from './channel-accounts.schemas';
import { ChannelAccountsService } from './channel-accounts.service';
import { describeZaloFailure } from './zalo/zalo-failure';
import { ZaloAccess } from './zalo/zalo-access.service';

type TestResult = { ok: boolean; detail: string };

/**
 * "Test connection": one harmless call to the account's provider with its settings (the OA's profile and ZNS quota,
 * the eSMS balance, SpeedSMS account info, the Twilio account, an SMTP login), recorded on the account (last_test_at / ok / detail) and answered.
 */
@Injectable()
export class ConnectionTestService implements OnModuleDestroy {
  private readonly smtp = new SmtpTransportCache({ maxPools: 20, idleMs: 60_000 });

  constructor(
    private readonly db: DataSource,
    private readonly accounts: ChannelAccountsService,
    private readonly zalo: ZaloAccess,
  ) {}

  async test(workspaceId: string, accountId: string): Promise<ChannelAccountView> {
    const { row, config } = await this.accounts.forSending(workspaceId, accountId);
    let result: TestResult;
    switch (row.kind) {
      case 'zalo_oa':
        result = await this.testZalo(workspaceId, accountId);
        break;
      case 'speedsms': {
        const info = await speedSmsAccountInfo(this.zalo.http, SpeedSmsAccountSchema.parse(config));
        result = info.ok
          ? { ok: true, detail: `SpeedSMS account ${info.email}: balance ${info.balance} ${info.currency}` }
          : info;
        break;
      }
      case 'esms':
        result = await esmsBalance(this.zalo.http, EsmsAccountSchema.parse(config));
        break;
      case 'twilio':
        result = await twilioAccountStatus(this.zalo.http, TwilioAccountSchema.parse(config));
        break;
      case 'smtp':
        result = await this.testSmtp(config);
        break;
    }
    await this.db.query(
      `UPDATE channel_accounts SET last_test_at = now(), last_test_ok = $2, last_test_detail = $3 WHERE id = $1`,
      [accountId, result.ok, result.detail.slice(0, 500)],
    );
    return this.accounts.get(workspaceId, accountId);
  }

  private async testZalo(workspaceId: string, accountId: string): Promise<TestResult> {
    const outcome = await this.zalo.withAccessToken(workspaceId, accountId, async (accessToken, handle) => {
      const profile = await new ZaloOaClient(handle.http).profile({ account: handle.account, accessToken });
      if (!profile.ok) return { ok: false, detail: describeZaloFailure(profile) };
      const quota = await new ZnsClient(handle.http).quota({ account: handle.account, accessToken });
      if (!quota.ok) return { ok: false, detail: `OA ${profile.data.name}: ${describeZaloFailure(quota)}` };
      return {
        ok: true,
        detail: `OA ${profile.data.name}: ZNS quota ${quota.data.remainingQuota} of ${quota.data.dailyQuota} left today`,
      };
    });
    return outcome.ok ? outcome.value : { ok: false, detail: outcome.message };
  }

  private async testSmtp(config: Record<string, unknown>): Promise<TestResult> {
    const account = SmtpAccountSchema.parse(config);
    try {
      await this.smtp.verify(account);
      return { ok: true, detail: `Logged in to ${account.host}:${account.port}` };
    } catch (error) {
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      const why = [code, responseCode].filter((part) => part !== undefined).join(' ') || 'refused';
      return {
        ok: false,
        detail: `The SMTP server ${account.host}:${account.port} refused the login or could not be reached (${why})`,
      };
    }
  }

  onModuleDestroy(): void {
    this.smtp.close();
  }
}
