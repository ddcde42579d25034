/** One contact's history: its events and its messages, newest first, in one list. */
export interface TimelineEvent {
  id: string;
  type: 'track' | 'identify';
  name: string | null;
  timestamp: string;
  properties: Record<string, unknown>;
}

export interface TimelineMessage {
  id: string;
  channel: string;
  status: string;
  templateRef: string | null;
  campaignId: string | null;
  cost: { amount: number; currency: string } | null;
  createdAt: string;
}

export type TimelineEntry =
  | { kind: 'event'; at: string; key: string; event: TimelineEvent }
  | { kind: 'message'; at: string; key: string; message: TimelineMessage };

/** Newest first; entries at the same instant keep a stable order (events before messages, then by id). */
export function mergeTimeline(events: TimelineEvent[], messages: TimelineMessage[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...events.map((event) => ({
      kind: 'event' as const,
      at: event.timestamp,
      key: `event:${event.id}`,
      event,
    })),
    ...messages.map((message) => ({
      kind: 'message' as const,
      at: message.createdAt,
      key: `message:${message.id}`,
      message,
    })),
  ];
  return entries.sort((a, b) => {
    const byTime = Date.parse(b.at) - Date.parse(a.at);
    if (byTime !== 0) return byTime;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}

/**
 * Of two histories each loaded newest first page by page, the merged list is complete only back to the later of
 * the two oldest loaded instants (older entries of one may still be unloaded in the other): show no further.
 */
export function completeUntil(
  oldestEvent: string | undefined,
  eventsDone: boolean,
  oldestMessage: string | undefined,
  messagesDone: boolean,
): number {
  const bounds = [
    eventsDone ? -Infinity : oldestEvent ? Date.parse(oldestEvent) : Infinity,
    messagesDone ? -Infinity : oldestMessage ? Date.parse(oldestMessage) : Infinity,
  ];
  return Math.max(...bounds);
}
