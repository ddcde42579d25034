import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MessageRow } from './message-row';
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

  /**
   * One pass over stale `sending` rows; answers how many were resent and how many were not. A resend goes through
   * the send service under the row's own key, so the guards run again (a contact may have asked not to be contacted
   * since) and only one process wins the row.
   */
  async resolveStale(): Promise<{ resent: number; notResent: number }> {
    const counts = { resent: 0, notResent: 0 };
    const rows = (await this.db.query(
      `SELECT id, purpose, request FROM messages
        WHERE status = 'sending' AND updated_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT ${BATCH}`,
      [STALE_SENDING_MS / 1000],
    )) as Array<Pick<MessageRow, 'id' | 'purpose'> & { request: SendMessageInput | null }>;
    for (const row of rows) {
      if (row.purpose === 'marketing' || !row.request) {
        if (await this.sends.ledger.markUnknown(this.db.manager, row.id)) counts.notResent += 1;
        continue;
      }
      try {
        await this.sends.send(row.request);
        counts.resent += 1;
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
