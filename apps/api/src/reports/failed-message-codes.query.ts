import type { EntityManager } from 'typeorm';
import { providerErrorMeaning } from './provider-error-meaning';
import { messageFigures } from './message-figures';
import { messageParams, type ReportScope } from './report-scope';

export interface FailedCode {
  /** The step id or the account id the failures are counted for. */
  key: string | null;
  channel: string;
  accountId: string;
  code: string;
  count: number;
  meaning: string | null;
}

/** The scope's failed ledger rows counted by step (or account), channel and error code, with the code's meaning. */
export async function failedMessageCodes(
  manager: EntityManager,
  scope: ReportScope,
  by: 'step' | 'account',
): Promise<FailedCode[]> {
  const key = by === 'step' ? "nullif(f.step_id, '')" : 'f.account_id::text';
  const rows: Array<{
    key: string | null;
    channel: string;
    account_id: string;
    kind: string;
    code: string;
    count: string;
  }> = await manager.query(
    `SELECT f.key, f.channel, f.account_id, a.kind, f.code, f.count
     FROM (SELECT ${key} AS key, f.channel, f.account_id, f.error_code AS code, sum(f.count) AS count
           FROM (${messageFigures(scope)}) f WHERE f.status = 'failed'
           GROUP BY 1, 2, 3, 4
           HAVING sum(f.count) > 0) f
     JOIN channel_accounts a ON a.id = f.account_id`,
    messageParams(scope),
  );
  return rows.map((row) => ({
    key: row.key,
    channel: row.channel,
    accountId: row.account_id,
    code: row.code,
    count: Number(row.count),
    meaning: providerErrorMeaning({
      channel: row.channel,
      accountKind: row.kind,
      code: row.code,
    }),
  }));
}
