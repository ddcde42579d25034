/** An event whose time is more than this before it was received was backfilled (an import, a replay). */
export const BACKDATED_AFTER_MS = 24 * 60 * 60 * 1000;
/** Tolerance for a sender's clock running behind around the moment a campaign went live. */
export const CLOCK_SKEW_MS = 60 * 1000;

/**
 * Whether an event may enter a campaign by when it happened: not before the campaign's first publish, and not
 * backfilled (a pause in between is not looked at: the campaign's state when the event is routed decides). Without this, importing last year's orders would start a journey for each of them today.
 * Such events still reach journeys already running.
 */
export function entersByTime(
  event: { occurredAt: string; receivedAt: string },
  campaignLiveSince: Date,
): boolean {
  const occurred = Date.parse(event.occurredAt);
  const received = Date.parse(event.receivedAt);
  return occurred >= campaignLiveSince.getTime() - CLOCK_SKEW_MS && received - occurred <= BACKDATED_AFTER_MS;
}
