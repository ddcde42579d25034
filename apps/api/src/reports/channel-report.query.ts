import type { EntityManager } from 'typeorm';
import { failedMessageCodes } from './failed-message-codes.query';
import { conversionCount } from './conversion-count.query';
import { MESSAGES_IN_SCOPE, messageParams, scopeWindow, type ReportScope } from './report-scope';
import type { ChannelReport } from './reports.schemas';

interface Row {
  channel: string;
  account_id: string;
  name: string;
  kind: string;
  messages: string;
  sent: string;
  delivered: string;
  seen: string;
  failed: string;
  cost_vnd: string | null;
}

/** NULL when there are no conversions to divide by. */
const perConversion = (cost: number, conversions: number) => (conversions === 0 ? null : cost / conversions);

/**
 * Per channel and account, from the ledger: sent (accepted by the provider, whatever receipts said next),
 * delivered, seen, failed by error code, and the cost in VND the ledger records (ZNS counts only once delivered).
 */
export async function channelReport(manager: EntityManager, scope: ReportScope): Promise<ChannelReport> {
  const [rows, conversions, failures] = await Promise.all([
    manager.query(
      `SELECT t.channel, t.account_id, a.name, a.kind, t.messages, t.sent, t.delivered, t.seen, t.failed, t.cost_vnd
       FROM (SELECT m.channel, m.account_id,
               count(*) AS messages,
               count(*) FILTER (WHERE m.sent_at IS NOT NULL OR m.status IN ('sent', 'delivered', 'seen')) AS sent,
               count(*) FILTER (WHERE m.status IN ('delivered', 'seen')) AS delivered,
               count(*) FILTER (WHERE m.status = 'seen') AS seen,
               count(*) FILTER (WHERE m.status = 'failed') AS failed,
               sum(m.cost) FILTER (WHERE m.cost_currency = 'VND'
                 AND (m.channel <> 'zns' OR m.status IN ('delivered', 'seen'))) AS cost_vnd
             FROM messages m WHERE ${MESSAGES_IN_SCOPE}
             GROUP BY m.channel, m.account_id) t
       JOIN channel_accounts a ON a.id = t.account_id
       ORDER BY t.channel, a.name`,
      messageParams(scope),
    ) as Promise<Row[]>,
    conversionCount(manager, scope),
    failedMessageCodes(manager, scope, 'account'),
  ]);
  const accounts = rows.map((row) => {
    const costVnd = Number(row.cost_vnd ?? 0);
    return {
      channel: row.channel,
      accountId: row.account_id,
      accountName: row.name,
      accountKind: row.kind,
      messages: Number(row.messages),
      sent: Number(row.sent),
      delivered: Number(row.delivered),
      seen: Number(row.seen),
      failed: Number(row.failed),
      failedByCode: failures
        .filter((failure) => failure.key === row.account_id && failure.channel === row.channel)
        .map(({ code, count, meaning }) => ({ code, count, meaning }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      costVnd,
      costPerConversionVnd: perConversion(costVnd, conversions),
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
