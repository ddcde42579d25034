import {
  completeUntil,
  mergeTimeline,
  type TimelineEvent,
  type TimelineJourney,
  type TimelineMessage,
} from './timeline';

const event = (id: string, timestamp: string): TimelineEvent => ({
  id,
  type: 'track',
  name: `event ${id}`,
  timestamp,
  properties: {},
});
const message = (id: string, createdAt: string): TimelineMessage => ({
  id,
  channel: 'sms',
  status: 'sent',
  templateRef: null,
  campaignId: null,
  cost: null,
  createdAt,
});

const journey = (id: string, enteredAt: string): TimelineJourney => ({
  id,
  campaignId: 'c1',
  campaignName: 'Chào mừng',
  status: 'exited',
  currentStep: 'done',
  exitReason: 'done',
  enteredAt,
});

describe('mergeTimeline', () => {
  it('places journeys by when the contact entered them', () => {
    const merged = mergeTimeline(
      [event('e1', '2026-11-30T10:00:00Z')],
      [message('m1', '2026-11-30T10:00:01Z')],
      [journey('j1', '2026-11-30T10:00:00.500Z'), journey('j0', '2026-11-01T00:00:00Z')],
    );
    expect(merged.map((entry) => entry.key)).toEqual(['message:m1', 'journey:j1', 'event:e1', 'journey:j0']);
  });

  it('mixes events and messages newest first, whatever their time zone notation', () => {
    const merged = mergeTimeline(
      [event('e1', '2026-11-30T10:00:00Z'), event('e2', '2026-11-30T08:00:00Z')],
      [message('m1', '2026-11-30T16:30:00+07:00'), message('m2', '2026-11-30T07:00:00.000Z')],
    );
    expect(merged.map((entry) => entry.key)).toEqual(['event:e1', 'message:m1', 'event:e2', 'message:m2']);
  });

  it('orders entries of the same instant the same way every time', () => {
    const at = '2026-11-30T10:00:00Z';
    const once = mergeTimeline([event('b', at), event('a', at)], [message('c', at)]);
    const again = mergeTimeline([event('a', at), event('b', at)], [message('c', at)]);
    expect(once.map((entry) => entry.key)).toEqual(['event:a', 'event:b', 'message:c']);
    expect(again).toEqual(once);
  });

  it('is empty without history', () => {
    expect(mergeTimeline([], [])).toEqual([]);
  });
});

describe('completeUntil', () => {
  const at = (iso: string) => Date.parse(iso);

  it('is the latest of the oldest loaded instants of the histories with more pages', () => {
    expect(
      completeUntil([
        { oldest: '2026-11-30T08:00:00Z', done: false },
        { oldest: '2026-11-30T09:00:00Z', done: false },
        { oldest: '2026-11-29T00:00:00Z', done: false },
      ]),
    ).toBe(at('2026-11-30T09:00:00Z'));
  });

  it('ignores a history that is fully loaded', () => {
    expect(
      completeUntil([
        { oldest: '2026-11-30T08:00:00Z', done: false },
        { oldest: '2026-11-30T09:00:00Z', done: true },
      ]),
    ).toBe(at('2026-11-30T08:00:00Z'));
    expect(completeUntil([{ oldest: undefined, done: true }])).toBe(-Infinity);
  });

  it('shows nothing while a history with more pages has none loaded', () => {
    expect(
      completeUntil([
        { oldest: undefined, done: false },
        { oldest: '2026-11-30T09:00:00Z', done: true },
      ]),
    ).toBe(Infinity);
  });
});
