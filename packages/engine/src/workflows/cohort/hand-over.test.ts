import type { JourneyContinuation } from '../journey-continuation';
import { planOf } from '../testing/test-plans';
import { fitted, usableBuffer, utf8Bytes } from './hand-over';

const entry = (index: number) => ({
  stepId: 'wait',
  outcome: 'waiting',
  at: new Date(index * 1000).toISOString(),
});
const event = (id: string, name: string, receivedAtMs: number) => ({
  event: { id, name, properties: { note: 'Đơn hàng đã thanh toán' }, occurredAt: new Date(0).toISOString() },
  receivedAtMs,
});

function journey(entries: number, eventIds: number, buffered = 1): JourneyContinuation {
  return {
    version: 1,
    cursor: { stepId: 'paid', visits: { paid: 1 }, stepsTaken: entries },
    wait: { beganAtMs: 1_000, untilMs: 86_400_000 },
    seenEventIds: Array.from({ length: eventIds }, (_, index) => `event-${index}`),
    buffer: Array.from({ length: buffered }, (_, index) =>
      event(`late-${index}`, 'order.paid', 2_000 + index),
    ),
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

const bytesOf = (value: unknown) => utf8Bytes(JSON.stringify(value));

describe('fitted: the continuations a cohort carries into its next run', () => {
  it('leaves continuations that fit as they are', () => {
    const journeys = { a: journey(3, 2), b: journey(5, 0) };
    const result = fitted(journeys, 100_000);
    expect(result.journeys).toBe(journeys);
    expect(result.bytes).toBe(bytesOf(journeys));
  });

  it('keeps fewer path entries and event ids, the latest, until they fit; unrecorded entries and cursors stay', () => {
    const journeys = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [`c${index}`, journey(200, 300)]),
    );
    expect(bytesOf(journeys)).toBeGreaterThan(400_000);
    const result = fitted(journeys, 400_000);
    expect(result.bytes).toBeLessThanOrEqual(400_000);
    expect(result.bytes).toBe(bytesOf(result.journeys));
    const first = result.journeys.c0 as JourneyContinuation;
    const original = journeys.c0 as JourneyContinuation;
    expect(first.path.length).toBeLessThan(200);
    expect(first.path.at(-1)).toEqual(entry(199));
    expect(first.seenEventIds.at(-1)).toBe('event-299');
    expect(first.buffer).toEqual(original.buffer);
    expect(first.unflushed).toEqual(original.unflushed);
    expect(first.logged).toBe(201);
    expect(first.cursor).toEqual(original.cursor);
  });

  it('keeps the first buffered events last, and answers a size above the limit when nothing more can go', () => {
    const { journeys, bytes } = fitted({ a: journey(50, 50, 30) }, 10);
    expect(journeys.a?.path).toEqual([]);
    expect(journeys.a?.seenEventIds).toEqual(['event-49']);
    expect(journeys.a?.buffer.map((item) => item.event.id)).toEqual(['late-0']);
    expect(journeys.a?.unflushed).toHaveLength(1);
    expect(bytes).toBeGreaterThan(10);
  });
});

describe('usableBuffer: the buffered events a journey can still use after continuing', () => {
  const plan = planOf({
    nodes: [
      ['paid', 'wait.event', { event: 'order.paid', timeout: { amount: 1, unit: 'days' } }],
      ['thanks', 'flow.exit', { reason: 'paid' }],
      ['gaveUp', 'flow.exit', { reason: 'not_paid' }],
    ],
    edges: [
      ['paid', 'matched', 'thanks'],
      ['paid', 'timeout', 'gaveUp'],
    ],
  });

  it('keeps the events of the wait.event it resumes received since the wait began', () => {
    const parked = {
      ...journey(3, 3, 0),
      buffer: [
        event('before', 'order.paid', 999),
        event('other', 'page.view', 1_500),
        event('paid', 'order.paid', 1_000),
      ],
    };
    expect(usableBuffer(parked, plan).map((item) => item.event.id)).toEqual(['paid']);
  });

  it('keeps none for a journey not inside a wait.event (a wait that begins later drops them)', () => {
    const betweenSteps = { ...journey(3, 3, 2), wait: undefined };
    expect(usableBuffer(betweenSteps, plan)).toEqual([]);
    const elsewhere = { ...journey(3, 3, 2), cursor: { stepId: 'thanks', visits: {}, stepsTaken: 3 } };
    expect(usableBuffer(elsewhere, plan)).toEqual([]);
  });
});

describe('utf8Bytes', () => {
  it('counts bytes as UTF-8 encodes them', () => {
    for (const text of ['abc', 'Đơn hàng đã thanh toán', '🎉 ưu đãi', ''])
      expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
  });
});
