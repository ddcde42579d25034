import { resolveEventTimes } from './event-timestamps';
import type { SegmentEvent } from './segment-event.schemas';

/** One event as it is stored (see the `events` table). */
export interface NewEventRow {
  workspace_id: string;
  message_id: string;
  type: 'track' | 'identify';
  name: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
  original_timestamp: string | null;
  sent_at: string | null;
  received_at: string;
}

/** What a batch request gives all its events: its `sentAt`, and a `context` each event's own context extends. */
export interface BatchDefaults {
  sentAt?: string | undefined;
  context?: Record<string, unknown> | undefined;
}

export function toEventRow(input: {
  workspaceId: string;
  event: SegmentEvent;
  receivedAt: Date;
  batch?: BatchDefaults;
}): NewEventRow {
  const { event, batch } = input;
  const times = resolveEventTimes({
    timestamp: event.timestamp ?? event.originalTimestamp,
    sentAt: event.sentAt ?? batch?.sentAt,
    receivedAt: input.receivedAt,
  });
  return {
    workspace_id: input.workspaceId,
    message_id: event.messageId,
    type: event.type,
    name: event.type === 'track' ? event.event : null,
    user_id: event.userId ?? null,
    anonymous_id: event.anonymousId ?? null,
    properties: (event.type === 'track' ? event.properties : undefined) ?? {},
    traits: (event.type === 'identify' ? event.traits : undefined) ?? {},
    context: { ...batch?.context, ...event.context },
    timestamp: times.timestamp.toISOString(),
    original_timestamp: times.originalTimestamp?.toISOString() ?? null,
    sent_at: times.sentAt?.toISOString() ?? null,
    received_at: times.receivedAt.toISOString(),
  };
}
