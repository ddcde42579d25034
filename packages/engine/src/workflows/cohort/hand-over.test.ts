import type { JourneyContinuation } from '../journey-continuation';
import { fitted } from './hand-over';

const entry = (index: number) => ({
  stepId: 'wait',
  outcome: 'waiting',
  at: new Date(index * 1000).toISOString(),
});

function journey(entries: number, eventIds: number): JourneyContinuation {
  return {
    version: 1,
    cursor: { stepId: 'wait', visits: { wait: 1 }, stepsTaken: entries },
    wait: { beganAtMs: 0, untilMs: 86_400_000 },
    seenEventIds: Array.from({ length: eventIds }, (_, index) => `event-${index}`),
    buffer: [
      {
        event: {
          id: 'event-late',
          name: 'order.paid',
          properties: {},
          occurredAt: new Date(0).toISOString(),
        },
        receivedAtMs: 0,
      },
    ],
    converted: false,
    entryAtMs: 0,
    campaignState: 'active',
    path: Array.from({ length: entries }, (_, index) => entry(index)),
    unflushed: [entry(entries)],
    logged: entries + 1,
    runs: 1,
    eventsReceived: eventIds,
  };
}

describe('fitted: the continuations a cohort carries into its next run', () => {
  it('leaves continuations that fit as they are', () => {
    const journeys = { a: journey(3, 2), b: journey(5, 0) };
    expect(fitted(journeys, 100_000)).toBe(journeys);
  });

  it('keeps fewer path entries and event ids, the latest, until they fit; never buffered events or unrecorded entries', () => {
    const journeys = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [`c${index}`, journey(200, 300)]),
    );
    const before = JSON.stringify(journeys).length;
    const result = fitted(journeys, 400_000);
    expect(before).toBeGreaterThan(400_000);
    expect(JSON.stringify(result).length).toBeLessThanOrEqual(400_000);
    const first = result.c0 as JourneyContinuation;
    const original = journeys.c0 as JourneyContinuation;
    expect(first.path.length).toBeLessThan(200);
    expect(first.path.at(-1)).toEqual(entry(199));
    expect(first.seenEventIds.at(-1)).toBe('event-299');
    expect(first.buffer).toEqual(original.buffer);
    expect(first.unflushed).toEqual(original.unflushed);
    expect(first.logged).toBe(201);
    expect(first.cursor).toEqual(original.cursor);
  });

  it('keeps no path or event ids at all when nothing else fits', () => {
    const journeys = { a: journey(50, 50) };
    const { a } = fitted(journeys, 10);
    expect(a?.path).toEqual([]);
    expect(a?.seenEventIds).toEqual([]);
    expect(a?.buffer).toHaveLength(1);
  });
});
