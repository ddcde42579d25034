import type { SendOutcome } from '@loa/engine';
import type { DataSource } from 'typeorm';
import type { MessageStatus } from '../../messages/message-row';

/**
 * What send_outcome rules see for each send step of this journey, from the ledger rows written under the journey's
 * idempotency keys (`{workflowId}:{stepId}:{visit}`), receipts included: sent (the provider accepted it), delivered
 * and seen (a seen message was delivered), failed (refused, failed on delivery, blocked by a guard, or its outcome
 * never became known). Every visit of a step adds its outcomes.
 */
export async function journeySendOutcomes(
  db: Pick<DataSource, 'query'>,
  /** The journey's contact, and the contact it was merged into since (sends after the merge went to that one). */
  input: { workspaceId: string; contactIds: string[]; workflowId: string },
): Promise<Record<string, SendOutcome[]>> {
  const prefix = `${input.workflowId}:`;
  const rows = (await db.query(
    `SELECT idempotency_key, status, sent_at IS NOT NULL AS was_sent FROM messages
      WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[]) AND starts_with(idempotency_key, $3)`,
    [input.workspaceId, input.contactIds, prefix],
  )) as Array<{ idempotency_key: string; status: MessageStatus; was_sent: boolean }>;
  const outcomes: Record<string, SendOutcome[]> = {};
  for (const row of rows) {
    const stepId = stepOfKey(row.idempotency_key, prefix);
    if (stepId === undefined) continue;
    const seen = outcomesOf(row.status, row.was_sent);
    if (seen.length > 0) outcomes[stepId] = [...new Set([...(outcomes[stepId] ?? []), ...seen])];
  }
  return outcomes;
}

function stepOfKey(key: string, prefix: string): string | undefined {
  const rest = key.slice(prefix.length);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? rest.slice(0, colon) : undefined;
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
