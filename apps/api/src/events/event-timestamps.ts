export interface EventTimes {
  /** When the event happened, corrected for the client's clock skew when the client said when it sent it. */
  timestamp: Date;
  /** The event's own `timestamp` as the client gave it. */
  originalTimestamp: Date | null;
  sentAt: Date | null;
  receivedAt: Date;
}

/**
 * Segment's timestamp rule: when the client gives both its event time and when it sent the request, the clock
 * difference between client and server is removed (`timestamp = receivedAt - (sentAt - originalTimestamp)`);
 * with only an event time that time is kept; with none the event happened when it was received.
 */
export function resolveEventTimes(input: {
  timestamp?: string | undefined;
  sentAt?: string | undefined;
  receivedAt: Date;
}): EventTimes {
  const originalTimestamp = input.timestamp === undefined ? null : new Date(input.timestamp);
  const sentAt = input.sentAt === undefined ? null : new Date(input.sentAt);
  let timestamp = input.receivedAt;
  if (originalTimestamp && sentAt) {
    timestamp = new Date(input.receivedAt.getTime() - (sentAt.getTime() - originalTimestamp.getTime()));
  } else if (originalTimestamp) {
    timestamp = originalTimestamp;
  }
  return { timestamp, originalTimestamp, sentAt, receivedAt: input.receivedAt };
}
