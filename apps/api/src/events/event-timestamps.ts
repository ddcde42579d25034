const EARLIEST_STORABLE = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_STORABLE = Date.parse('9999-12-31T23:59:59.999Z');

/** An instant whose ISO text (a four-digit year, 1 to 9999) PostgreSQL reads back. */
export function isStorableInstant(moment: Date): boolean {
  const time = moment.getTime();
  return time >= EARLIEST_STORABLE && time <= LATEST_STORABLE;
}

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
  if (originalTimestamp) timestamp = originalTimestamp;
  if (originalTimestamp && sentAt) {
    const corrected = new Date(input.receivedAt.getTime() - (sentAt.getTime() - originalTimestamp.getTime()));
    // A skew of thousands of years is no clock error but a broken client: its own timestamp is kept.
    if (isStorableInstant(corrected)) timestamp = corrected;
  }
  return { timestamp, originalTimestamp, sentAt, receivedAt: input.receivedAt };
}
