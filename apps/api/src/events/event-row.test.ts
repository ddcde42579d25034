import { toEventRow } from './event-row';

const receivedAt = new Date('2026-11-30T10:00:00.000Z');
const workspaceId = '00000000-0000-4000-8000-000000000001';

describe('toEventRow', () => {
  it('stores a track with its name and properties, merging the batch context under its own', () => {
    const row = toEventRow({
      workspaceId,
      receivedAt,
      event: {
        type: 'track',
        messageId: 'm-1',
        userId: 'u-1',
        event: 'Order Completed',
        properties: { total: 450000 },
        context: { ip: '1.2.3.4' },
        timestamp: '2026-11-30T10:04:00Z',
      },
      batch: {
        sentAt: '2026-11-30T10:05:00Z',
        context: { ip: '9.9.9.9', library: { name: 'analytics-node' } },
      },
    });
    expect(row).toEqual({
      workspace_id: workspaceId,
      message_id: 'm-1',
      type: 'track',
      name: 'Order Completed',
      user_id: 'u-1',
      anonymous_id: null,
      properties: { total: 450000 },
      traits: {},
      context: { ip: '1.2.3.4', library: { name: 'analytics-node' } },
      timestamp: '2026-11-30T09:59:00.000Z',
      original_timestamp: '2026-11-30T10:04:00.000Z',
      sent_at: '2026-11-30T10:05:00.000Z',
      received_at: '2026-11-30T10:00:00.000Z',
    });
  });

  it("stores an identify's traits, and takes originalTimestamp when timestamp is absent", () => {
    const row = toEventRow({
      workspaceId,
      receivedAt,
      event: {
        type: 'identify',
        messageId: 'm-2',
        anonymousId: 'a-1',
        traits: { email: 'lan@example.vn' },
        originalTimestamp: '2026-11-29T10:00:00Z',
        sentAt: '2026-11-30T10:00:00Z',
      },
    });
    expect(row).toEqual(
      expect.objectContaining({
        type: 'identify',
        name: null,
        anonymous_id: 'a-1',
        traits: { email: 'lan@example.vn' },
        properties: {},
        timestamp: '2026-11-29T10:00:00.000Z',
      }),
    );
  });
});
