import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MESSAGE_COLUMNS, type MessageRow } from './message-row';
import type { SendMessageInput } from './send-message.types';
import { SendService, STALE_SENDING_MS } from './send.service';

const PASS_EVERY_MS = 30_000;
const BATCH = 100;

/**
 * Resolves ledger rows a crash left `sending` (DESIGN §6): marketing messages are not sent again (status `unknown`),
 * OTP and transactional ones are resent from the request kept on the row (the provider correlation id is the same,
 * so a provider that deduplicates recognises it). Both are counted (`recovery`). Runs at start and on a timer.
 */
@Injectable()
export class SendRecoveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SendRecoveryService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly db: DataSource,
    private readonly sends: SendService,
  ) {}

  onApplicationBootstrap(): void {
    const pass = () => {
      this.running ??= this.resolveStale()
        .catch((error: Error) => this.logger.error(`recovery pass failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    };
    pass();
    this.timer = setInterval(pass, PASS_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over stale `sending` rows; answers how many were resent and how many were not. */
  async resolveStale(): Promise<{ resent: number; notResent: number }> {
    const counts = { resent: 0, notResent: 0 };
    const toResend = await this.db.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT ${MESSAGE_COLUMNS}, request FROM messages
          WHERE status = 'sending' AND updated_at < now() - make_interval(secs => $1)
          ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [STALE_SENDING_MS / 1000],
      )) as Array<MessageRow & { request: SendMessageInput | null }>;
      const resend: Array<{ row: MessageRow; request: SendMessageInput }> = [];
      for (const row of rows) {
        if (row.purpose === 'marketing' || !row.request) {
          await this.sends.ledger.markUnknown(manager, row.id);
          counts.notResent += 1;
          continue;
        }
        const [[claimed]] = (await manager.query(
          `UPDATE messages SET recovery = 'resent', updated_at = clock_timestamp() WHERE id = $1
           RETURNING ${MESSAGE_COLUMNS}`,
          [row.id],
        )) as [MessageRow[], number];
        resend.push({ row: claimed, request: row.request });
      }
      return resend;
    });
    for (const { row, request } of toResend) {
      counts.resent += 1;
      try {
        const account = await this.sends.sendingAccounts.get(row.workspace_id, row.account_id);
        await this.sends.deliver(row, request, account);
      } catch (error) {
        this.logger.warn(`resending message ${row.id} failed: ${(error as Error).message}`);
      }
    }
    if (counts.resent + counts.notResent > 0)
      this.logger.log(`interrupted sends: ${counts.resent} resent, ${counts.notResent} not resent`);
    return counts;
  }

  /** How many interrupted sends the workspace's ledger holds, by how they were resolved. */
  async counts(workspaceId: string): Promise<{ resent: number; notResent: number }> {
    const rows = (await this.db.query(
      `SELECT recovery, count(*)::int AS count FROM messages
        WHERE workspace_id = $1 AND recovery IS NOT NULL GROUP BY recovery`,
      [workspaceId],
    )) as Array<{ recovery: 'resent' | 'not_resent'; count: number }>;
    const of = (kind: string) => rows.find((row) => row.recovery === kind)?.count ?? 0;
    return { resent: of('resent'), notResent: of('not_resent') };
  }
}
