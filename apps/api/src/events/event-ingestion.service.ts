import { Injectable } from '@nestjs/common';
import { problems } from '../http/problem';
import { EventIngestEnqueuer } from './event-ingest.enqueuer';
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES } from './event-limits';
import { toEventRow, type NewEventRow } from './event-row';
import { EventInsertBatcher } from './event-insert-batcher';
import { parseBatchEvent } from './parse-batch-event';
import type { BatchAnswer, BatchRejection, BatchRequest, SegmentEvent } from './segment-event.schemas';

/**
 * Stores Segment calls and answers only once they are stored: the INSERT is the acknowledgement. Contact
 * resolution happens afterwards, off the request (Bull job `event-ingest`, or the sweeper).
 */
@Injectable()
export class EventIngestionService {
  constructor(
    private readonly batcher: EventInsertBatcher,
    private readonly enqueuer: EventIngestEnqueuer,
  ) {}

  /** One `/v1/track` or `/v1/identify` call; 413 when its JSON is over 32 KB. */
  async ingestOne(input: { workspaceId: string; event: SegmentEvent; bytes: number }): Promise<void> {
    if (input.bytes > MAX_EVENT_BYTES)
      throw problems.tooLarge(
        `The event is ${input.bytes} bytes; an event may have at most ${MAX_EVENT_BYTES}`,
      );
    await this.persist([toEventRow({ ...input, receivedAt: new Date() })]);
  }

  /**
   * A `/v1/batch` call: 413 when over 500 KB; otherwise each event is checked on its own and the valid ones are
   * stored together. When none is valid the answer is 422 naming each event's first problem.
   */
  async ingestBatch(input: {
    workspaceId: string;
    request: BatchRequest;
    bytes: number;
  }): Promise<BatchAnswer> {
    if (input.bytes > MAX_BATCH_BYTES)
      throw problems.tooLarge(
        `The batch is ${input.bytes} bytes; a batch may have at most ${MAX_BATCH_BYTES}`,
      );
    const receivedAt = new Date();
    const batch = { sentAt: input.request.sentAt, context: input.request.context };
    const rows: NewEventRow[] = [];
    const rejected: BatchRejection[] = [];
    input.request.batch.forEach((item, index) => {
      const parsed = parseBatchEvent(item, index);
      if (parsed.ok)
        rows.push(toEventRow({ workspaceId: input.workspaceId, event: parsed.event, receivedAt, batch }));
      else rejected.push(parsed.rejection);
    });
    if (rows.length === 0) {
      throw problems.validation(
        rejected.map((rejection) => ({
          in: 'body' as const,
          field: `batch.${rejection.index}${rejection.field ? `.${rejection.field}` : ''}`,
          message: rejection.reason,
        })),
        'No event of the batch was accepted',
      );
    }
    await this.persist(rows);
    return { success: true, accepted: rows.map((row) => row.message_id), rejected };
  }

  private async persist(rows: NewEventRow[]): Promise<void> {
    const stored = await this.batcher.insert(rows);
    this.enqueuer.notify(stored);
  }
}
