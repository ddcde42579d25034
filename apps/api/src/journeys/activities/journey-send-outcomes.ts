import type { SendOutcome } from '@loa/engine';
import type { DataSource } from 'typeorm';
import type { MessageStatus } from '../../messages/message-row';

interface OutcomeRow {
  idempotency_key: string;
  status: MessageStatus;
  was_sent: boolean;
  created_ms: number;
}

/**
 * What send_outcome rules see for each send step of this journey, from the ledger rows written under its
 * idempotency keys (`{workflowId}:{enrollmentId}:{stepId}:{visit}`), receipts included:
 * sent (the provider accepted it), delivered and seen (a seen message was delivered), failed (refused, failed on
 * delivery, blocked by a guard, or its outcome never became known). Every visit of a step adds its outcomes.
 *
 * A workflow id is used again by an enrollment after the previous one exited (re-entry `after_exit`): the rows of
 * this enrollment are those of its first run id (`enrollmentId`), whatever run of it asks.
 */
export async function journeySendOutcomes(
  db: Pick<DataSource, 'query'>,
  /** The journey's contact, and the contact it was merged into since (sends after the merge went to that one). */
  input: { workspaceId: string; contactIds: string[]; workflowId: string; enrollmentId: string },
): Promise<Record<string, SendOutcome[]>> {
  const prefix = `${input.workflowId}:`;
  const rows = (await db.query(
    `SELECT idempotency_key, status, sent_at IS NOT NULL AS was_sent,
            (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
       FROM messages
      WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[]) AND starts_with(idempotency_key, $3)`,
    [input.workspaceId, input.contactIds, prefix],
  )) as OutcomeRow[];
  const byRun = new Map<string, Array<{ stepId: string; row: OutcomeRow }>>();
  for (const row of rows) {
    const parts = row.idempotency_key.slice(prefix.length).split(':');
    if (parts.length < 2) continue;
    const run = parts.slice(0, -2).join(':');
    byRun.set(run, [...(byRun.get(run) ?? []), { stepId: parts[parts.length - 2] ?? '', row }]);
  }
  const outcomes: Record<string, SendOutcome[]> = {};
  for (const { stepId, row } of byRun.get(input.enrollmentId) ?? []) {
    const seen = outcomesOf(row.status, row.was_sent);
    if (seen.length > 0) outcomes[stepId] = [...new Set([...(outcomes[stepId] ?? []), ...seen])];
  }
  return outcomes;
}

function outcomesOf(status: MessageStatus, wasSent: boolean): SendOutcome[] {
  switch (status) {
    case 'sent':
      return ['sent'];
    case 'delivered':
      return ['sent', 'delivered'];
    case 'seen':
      return ['sent', 'delivered', 'seen'];
    case 'failed':
      return wasSent ? ['sent', 'failed'] : ['failed'];
    case 'blocked':
    case 'unknown':
      return ['failed'];
    case 'sending':
    case 'deferred':
      return [];
  }
}
