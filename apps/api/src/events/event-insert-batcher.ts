import { Injectable } from '@nestjs/common';
import type { NewEventRow } from './event-row';
import { EventStore, type StoredEvent } from './event-store';

/** Flushes running at once; while they run, requests arriving meanwhile gather into the next one. */
export const MAX_FLUSHES_IN_FLIGHT = 4;
export const MAX_ROWS_PER_FLUSH = 1000;

interface Waiter {
  rows: NewEventRow[];
  resolve: (stored: StoredEvent[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the events of concurrent requests into one multi-row INSERT (one commit) instead of one per request.
 * It never waits on a timer: with a free flush slot a request is written at once, so a quiet API adds no latency,
 * and under load the requests that arrive while the slots are busy share the next commit. Each caller's promise
 * settles only when its own rows have committed. When a shared INSERT fails, each request is retried on its own,
 * so one request's bad row never fails another.
 */
@Injectable()
export class EventInsertBatcher {
  private waiting: Waiter[] = [];
  private inFlight = 0;

  constructor(private readonly store: EventStore) {}

  /** Stores the rows; answers the events stored for the first time. */
  insert(rows: NewEventRow[]): Promise<StoredEvent[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_FLUSHES_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private take(): Waiter[] {
    let rows = 0;
    let count = 0;
    while (count < this.waiting.length) {
      const next = this.waiting[count]?.rows.length ?? 0;
      if (count > 0 && rows + next > MAX_ROWS_PER_FLUSH) break;
      rows += next;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async flush(batch: Waiter[]): Promise<void> {
    if (batch.length === 1) return this.flushAlone(batch[0] as Waiter);
    try {
      const stored = await this.store.insert(batch.flatMap((waiter) => waiter.rows));
      const byKey = new Map(stored.map((event) => [`${event.workspaceId}:${event.messageId}`, event]));
      for (const waiter of batch) {
        waiter.resolve(
          waiter.rows.flatMap((row) => {
            const event = byKey.get(`${row.workspace_id}:${row.message_id}`);
            byKey.delete(`${row.workspace_id}:${row.message_id}`);
            return event ? [event] : [];
          }),
        );
      }
    } catch {
      await Promise.all(batch.map((waiter) => this.flushAlone(waiter)));
    }
  }

  private async flushAlone(waiter: Waiter): Promise<void> {
    try {
      waiter.resolve(await this.store.insert(waiter.rows));
    } catch (error) {
      waiter.reject(error);
    }
  }
}
