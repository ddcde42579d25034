import { completeUntil, mergeTimeline, type TimelineEvent, type TimelineMessage } from './timeline';

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

describe('mergeTimeline', () => {
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
  it('is the later of the two oldest loaded instants while both histories have more', () => {
    expect(completeUntil('2026-11-30T08:00:00Z', false, '2026-11-30T09:00:00Z', false)).toBe(
      Date.parse('2026-11-30T09:00:00Z'),
    );
  });

  it('ignores a history that is fully loaded', () => {
    expect(completeUntil('2026-11-30T08:00:00Z', false, '2026-11-30T09:00:00Z', true)).toBe(
      Date.parse('2026-11-30T08:00:00Z'),
    );
    expect(completeUntil(undefined, true, undefined, true)).toBe(-Infinity);
  });

  it('shows nothing while a history with more pages has none loaded', () => {
    expect(completeUntil(undefined, false, '2026-11-30T09:00:00Z', true)).toBe(Infinity);
  });
});
