/** One contact's history: its events, messages and journeys, newest first, in one list. */
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

export interface TimelineJourney {
  id: string;
  campaignId: string;
  campaignName: string;
  /** The campaign version the journey runs; null when it is not known. */
  version?: number | null;
  status: 'active' | 'exited';
  currentStep: string | null;
  exitReason: string | null;
  enteredAt: string;
}

export type TimelineEntry =
  | { kind: 'event'; at: string; key: string; event: TimelineEvent }
  | { kind: 'message'; at: string; key: string; message: TimelineMessage }
  | { kind: 'journey'; at: string; key: string; journey: TimelineJourney };

/** Newest first; entries at the same instant keep a stable order (by kind, then by id). */
export function mergeTimeline(
  events: TimelineEvent[],
  messages: TimelineMessage[],
  journeys: TimelineJourney[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...journeys.map((journey) => ({
      kind: 'journey' as const,
      at: journey.enteredAt,
      key: `journey:${journey.id}`,
      journey,
    })),
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

/** How far back one history, loaded newest first page by page, is known. */
export interface LoadedHistory {
  /** The oldest loaded instant; undefined when nothing is loaded. */
  oldest: string | undefined;
  done: boolean;
}

/**
 * Of histories each loaded newest first page by page, the merged list is complete only back to the latest of their
 * oldest loaded instants (older entries of one may still be unloaded in another): show no further.
 */
export function completeUntil(histories: LoadedHistory[]): number {
  return Math.max(
    -Infinity,
    ...histories.map(({ oldest, done }) => (done ? -Infinity : oldest ? Date.parse(oldest) : Infinity)),
  );
}
