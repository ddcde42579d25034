import type { JourneyEvent } from '../journey/journey-contract';
import { EVENT_BUFFER_LIMIT, EventInbox, isJourneyEvent, SEEN_EVENT_IDS_LIMIT } from './event-inbox';

const event = (id: string, name = 'ping'): JourneyEvent => ({
  id,
  name,
  properties: {},
  occurredAt: '2026-01-01T00:00:00Z',
});

describe('EventInbox', () => {
  it('accepts each id once, the entry event included', () => {
    const inbox = new EventInbox({ seenEventIds: [], buffer: [] });
    inbox.markSeen('entry');
    expect(inbox.accept(event('entry'), 1)).toBe(false);
    expect(inbox.accept(event('a'), 1)).toBe(true);
    expect(inbox.accept(event('a'), 2)).toBe(false);
    expect(inbox.snapshot().seenEventIds).toEqual(['entry', 'a']);
  });

  it('gives a wait only events received since it began, and each one once', () => {
    const inbox = new EventInbox({ seenEventIds: [], buffer: [] });
    inbox.accept(event('early'), 10);
    inbox.accept(event('late'), 20);
    expect(inbox.take(15, () => true)?.id).toBe('late');
    expect(inbox.take(15, () => true)).toBeUndefined();
    expect(inbox.take(10, () => true)?.id).toBe('early');
  });

  it('drops events no wait can match any more', () => {
    const inbox = new EventInbox({ seenEventIds: [], buffer: [] });
    inbox.accept(event('old'), 1);
    inbox.accept(event('now'), 5);
    inbox.dropBefore(5);
    expect(inbox.snapshot().buffer.map((item) => item.event.id)).toEqual(['now']);
  });

  it('stays bounded: the oldest ids and events go first', () => {
    const inbox = new EventInbox({ seenEventIds: [], buffer: [] });
    for (let index = 0; index < SEEN_EVENT_IDS_LIMIT + 10; index += 1)
      inbox.accept(event(`e${index}`), index);
    const { seenEventIds, buffer } = inbox.snapshot();
    expect(seenEventIds).toHaveLength(SEEN_EVENT_IDS_LIMIT);
    expect(seenEventIds[0]).toBe('e10');
    expect(buffer).toHaveLength(EVENT_BUFFER_LIMIT);
    expect(inbox.accept(event(`e${SEEN_EVENT_IDS_LIMIT + 9}`), 0)).toBe(false);
  });

  it('recognises well-formed events only', () => {
    expect(isJourneyEvent(event('a'))).toBe(true);
    expect(isJourneyEvent({ id: '', name: 'x' })).toBe(false);
    expect(isJourneyEvent({ id: 'a', name: 'x', properties: 'text' })).toBe(false);
    expect(isJourneyEvent(null)).toBe(false);
  });
});
