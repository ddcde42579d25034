import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebhookProvider } from './webhook-urls';

export interface NewReceipt {
  workspace_id: string;
  account_id: string;
  provider: WebhookProvider;
  dedupe_key: string;
  payload: string;
}

/** Flushes running at once; receipts arriving meanwhile gather into the next one. */
const MAX_FLUSHES_IN_FLIGHT = 4;
const MAX_ROWS_PER_FLUSH = 500;

interface Waiter {
  row: NewReceipt;
  resolve: (ids: string[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the receipts of concurrent webhook calls into one multi-row INSERT (one commit), the way
 * EventInsertBatcher does for events: never on a timer (a free slot writes at once), and each caller's promise
 * settles only once its row has committed. When a shared INSERT fails, each receipt is written on its own.
 */
@Injectable()
export class ReceiptInsertBatcher {
  private waiting: Waiter[] = [];
  private inFlight = 0;

  constructor(private readonly db: DataSource) {}

  /** Stores the receipt; answers the ids stored for the first time by the statement that stored it. */
  insert(row: NewReceipt): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_FLUSHES_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_ROWS_PER_FLUSH);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: Waiter[]): Promise<void> {
    try {
      const ids = await this.write(batch.map((waiter) => waiter.row));
      batch.forEach((waiter, index) => waiter.resolve(index === 0 ? ids : []));
    } catch (error) {
      const [alone] = batch;
      if (batch.length === 1 && alone) return alone.reject(error);
      await Promise.all(batch.map((waiter) => this.flush([waiter])));
    }
  }

  private async write(rows: NewReceipt[]): Promise<string[]> {
    const stored = (await this.db.query(
      `INSERT INTO webhook_receipts (workspace_id, account_id, provider, dedupe_key, payload)
       SELECT r.workspace_id, r.account_id, r.provider, r.dedupe_key, r.payload
         FROM jsonb_to_recordset($1::jsonb) AS r(workspace_id uuid, account_id uuid, provider text, dedupe_key text,
                                                 payload text)
       ON CONFLICT (account_id, dedupe_key) DO NOTHING
       RETURNING id::text AS id`,
      [JSON.stringify(rows)],
    )) as Array<{ id: string }>;
    return stored.map((row) => row.id);
  }
}
