import type { EntityManager } from 'typeorm';
import { failedMessageCodes } from './failed-message-codes.query';
import { conversionCount } from './conversion-count.query';
import { MESSAGES_IN_SCOPE, messageParams, scopeWindow, type ReportScope } from './report-scope';
import type { ChannelReport } from './reports.schemas';
import { accountRows, type ChannelRow } from './channel-rows';

/** NULL when there are no conversions to divide by. */
const perConversion = (cost: number, conversions: number) => (conversions === 0 ? null : cost / conversions);

/**
 * Per channel and account, from the ledger: sent (accepted by the provider, whatever receipts said next),
 * delivered, seen, failed by error code, and the cost in VND the ledger records (ZNS counts only once delivered);
 * costs billed in another currency are listed as such, never converted.
 */
export async function channelReport(manager: EntityManager, scope: ReportScope): Promise<ChannelReport> {
  const [rows, conversions, failures] = await Promise.all([
    manager.query(
      `SELECT t.channel, t.account_id, a.name, a.kind, t.messages, t.sent, t.delivered, t.seen, t.failed,
         t.cost_currency, t.cost
       FROM (SELECT m.channel, m.account_id, m.cost_currency,
               count(*) AS messages,
               count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('sent', 'delivered', 'seen')) AS sent,
               count(*) FILTER (WHERE m.status IN ('delivered', 'seen')) AS delivered,
               count(*) FILTER (WHERE m.status = 'seen') AS seen,
               count(*) FILTER (WHERE m.status = 'failed') AS failed,
               sum(m.cost) FILTER (WHERE m.channel <> 'zns' OR m.status IN ('delivered', 'seen')) AS cost
             FROM messages m WHERE ${MESSAGES_IN_SCOPE}
             GROUP BY m.channel, m.account_id, m.cost_currency) t
       JOIN channel_accounts a ON a.id = t.account_id
       ORDER BY t.channel, a.name, t.account_id`,
      messageParams(scope),
    ) as Promise<ChannelRow[]>,
    conversionCount(manager, scope),
    failedMessageCodes(manager, scope, 'account'),
  ]);
  const accounts = accountRows(rows).map((row) => {
    const costVnd = row.costs.get('VND') ?? 0;
    return {
      channel: row.channel,
      accountId: row.accountId,
      accountName: row.name,
      accountKind: row.kind,
      messages: row.messages,
      sent: row.sent,
      delivered: row.delivered,
      seen: row.seen,
      failed: row.failed,
      failedByCode: failures
        .filter((failure) => failure.key === row.accountId && failure.channel === row.channel)
        .map(({ code, count, meaning }) => ({ code, count, meaning }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      costVnd,
      costPerConversionVnd: perConversion(costVnd, conversions),
      otherCosts: [...row.costs]
        .filter(([currency]) => currency !== 'VND')
        .map(([currency, amount]) => ({ currency, amount })),
    };
  });
  const totalCostVnd = accounts.reduce((sum, account) => sum + account.costVnd, 0);
  return {
    campaignId: scope.campaignId,
    window: scopeWindow(scope),
    conversions,
    totalCostVnd,
    costPerConversionVnd: perConversion(totalCostVnd, conversions),
    accounts,
  };
}
