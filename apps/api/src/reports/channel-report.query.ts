import type { EntityManager } from 'typeorm';
import { failedMessageCodes } from './failed-message-codes.query';
import { conversionCount } from './conversion-count.query';
import { messageFigures } from './message-figures';
import { messageParams, scopeWindow, type ReportScope } from './report-scope';
import type { ChannelReport } from './reports.schemas';
import { accountRows, type ChannelRow } from './channel-rows';

/** NULL when there are no conversions to divide by. */
const perConversion = (cost: number, conversions: number) => (conversions === 0 ? null : cost / conversions);

/**
 * Per channel and account, from the ledger's figures: sent (accepted by the provider, whatever receipts said next),
 * delivered, seen, failed by error code, and the cost in VND the ledger records (ZNS counts only once delivered);
 * costs billed in another currency are listed as such, never converted.
 */
export async function channelReport(manager: EntityManager, scope: ReportScope): Promise<ChannelReport> {
  const [rows, conversions, failures] = await Promise.all([
    manager.query(
      `SELECT t.channel, t.account_id, a.name, a.kind, t.messages, t.sent, t.delivered, t.seen, t.failed,
         t.cost_currency, t.cost
       FROM (SELECT f.channel, f.account_id, nullif(f.cost_currency, '') AS cost_currency,
               sum(f.count) AS messages,
               coalesce(sum(f.count) FILTER (WHERE f.accepted), 0) AS sent,
               coalesce(sum(f.count) FILTER (WHERE f.status IN ('delivered', 'seen')), 0) AS delivered,
               coalesce(sum(f.count) FILTER (WHERE f.status = 'seen'), 0) AS seen,
               coalesce(sum(f.count) FILTER (WHERE f.status = 'failed'), 0) AS failed,
               sum(f.cost) FILTER (WHERE f.channel <> 'zns' OR f.status IN ('delivered', 'seen')) AS cost
             FROM (${messageFigures(scope)}) f
             GROUP BY f.channel, f.account_id, f.cost_currency
             HAVING sum(f.count) > 0) t
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
