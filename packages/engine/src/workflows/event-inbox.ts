import type { JourneyEvent } from '../journey/journey-contract';

/** An event as the journey received it, with the workflow time it arrived. */
export interface BufferedEvent {
  event: JourneyEvent;
  receivedAtMs: number;
}

/** Event ids remembered for deduplication (oldest forgotten first); keeps continue-as-new input bounded. */
export const SEEN_EVENT_IDS_LIMIT = 5000;
/** Unconsumed events kept for waits (oldest dropped first). */
export const EVENT_BUFFER_LIMIT = 200;

/**
 * The journey's events: each id accepted once over the whole journey (continue-as-new included), kept until a
 * wait consumes it or it can no longer match one.
 */
export class EventInbox {
  private readonly seen: Set<string>;
  private readonly seenOrder: string[];
  private buffer: BufferedEvent[];

  constructor(state: { seenEventIds: string[]; buffer: BufferedEvent[] }) {
    this.seenOrder = state.seenEventIds.slice(-SEEN_EVENT_IDS_LIMIT);
    this.seen = new Set(this.seenOrder);
    this.buffer = state.buffer.slice(-EVENT_BUFFER_LIMIT);
  }

  /** Marks an id as seen without buffering the event (the entry event). */
  markSeen(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.seenOrder.push(id);
    if (this.seenOrder.length > SEEN_EVENT_IDS_LIMIT) this.seen.delete(this.seenOrder.shift() as string);
  }

  /** Buffers an event the first time its id arrives; false for a duplicate. */
  accept(event: JourneyEvent, receivedAtMs: number): boolean {
    if (this.seen.has(event.id)) return false;
    this.markSeen(event.id);
    this.buffer.push({ event, receivedAtMs });
    if (this.buffer.length > EVENT_BUFFER_LIMIT) this.buffer.shift();
    return true;
  }

  /** Removes and returns the first event received at or after `sinceMs` that passes `test`. */
  take(sinceMs: number, test: (event: JourneyEvent) => boolean): JourneyEvent | undefined {
    const index = this.buffer.findIndex((item) => item.receivedAtMs >= sinceMs && test(item.event));
    if (index < 0) return undefined;
    const [taken] = this.buffer.splice(index, 1);
    return taken.event;
  }

  /** Forgets events received before `sinceMs`: no wait that begins now can match them. */
  dropBefore(sinceMs: number): void {
    this.buffer = this.buffer.filter((item) => item.receivedAtMs >= sinceMs);
  }

  snapshot(): { seenEventIds: string[]; buffer: BufferedEvent[] } {
    return { seenEventIds: [...this.seenOrder], buffer: [...this.buffer] };
  }
}

/** Signals come from outside: anything without a string id and name is ignored. */
export function isJourneyEvent(value: unknown): value is JourneyEvent {
  if (value === null || typeof value !== 'object') return false;
  const event = value as Partial<JourneyEvent>;
  return (
    typeof event.id === 'string' &&
    event.id.length > 0 &&
    typeof event.name === 'string' &&
    (event.properties === undefined || (typeof event.properties === 'object' && event.properties !== null))
  );
}
