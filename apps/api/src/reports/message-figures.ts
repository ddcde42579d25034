import { messagesInScope, onWholeHours, type ReportScope } from './report-scope';

/**
 * A subquery of the scope's ledger figures, one row per group of messages: channel, account_id, step_id ('' for
 * none), cost_currency ('' for none), status, accepted (the provider took it, whatever receipts said next),
 * error_code (failed rows only, else ''), hour (of creation, UTC), count and cost (numeric, 0 for none). From the
 * maintained counters (campaign_message_counts) whenever the window is on whole hours; otherwise from the ledger
 * rows, which alone can answer.
 * Parameters as `messagesInScope`: $1 workspace, $2 campaign, `versionParam` version number, $4 from, $5 to.
 */
export function messageFigures(scope: ReportScope, versionParam = '$3'): string {
  if (onWholeHours(scope))
    return `SELECT c.channel, c.account_id, c.step_id, c.cost_currency, c.status, c.accepted, c.error_code, c.hour,
         c.count, c.cost
       FROM campaign_message_counts c
       WHERE c.workspace_id = $1 AND c.campaign_id = $2
         AND (${versionParam}::int IS NULL OR c.campaign_version = ${versionParam})
         AND ($4::timestamptz IS NULL OR c.hour >= $4) AND ($5::timestamptz IS NULL OR c.hour < $5)`;
  return `SELECT m.channel, m.account_id, coalesce(m.step_id, '') AS step_id,
       coalesce(m.cost_currency, '') AS cost_currency, m.status,
       (m.sent_at IS NOT NULL OR m.status IN ('sent', 'delivered', 'seen')) AS accepted,
       CASE WHEN m.status = 'failed' THEN coalesce(m.error_code, 'unknown') ELSE '' END AS error_code,
       date_trunc('hour', m.created_at, 'UTC') AS hour, 1 AS count, coalesce(m.cost, 0) AS cost
     FROM messages m WHERE ${messagesInScope(versionParam)}`;
}
