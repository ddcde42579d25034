import { parseZaloWebhookEvent } from './webhook-events';

const parsed = (body: unknown) => parseZaloWebhookEvent(Buffer.from(JSON.stringify(body)));

/** The event of a body that parses; the test fails with the parser's reason otherwise. */
const parse = (body: unknown) => {
  const result = parsed(body);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
};

describe('parseZaloWebhookEvent', () => {
  it('parses a ZNS delivery receipt with its tracking_id and delivery time', () => {
    expect(
      parse({
        sender: { id: 'oa1' },
        recipient: { id: '84123456789' },
        event_name: 'user_received_message',
        message: { delivery_time: '1602960467432', msg_id: '15a0cc0bbb13bd4ce403', tracking_id: 'order_1' },
        app_id: '2074138120372622546',
        timestamp: '1602560967477',
      }),
    ).toEqual({
      type: 'user_received_message',
      appId: '2074138120372622546',
      oaId: 'oa1',
      recipientId: '84123456789',
      msgId: '15a0cc0bbb13bd4ce403',
      trackingId: 'order_1',
      deliveredAt: 1602960467432,
      timestamp: 1602560967477,
    });
  });

  it('parses an OA receipt, which has neither tracking_id nor delivery_time: delivered at its timestamp', () => {
    const event = parse({
      app_id: 'app1',
      sender: { id: 'oa1' },
      recipient: { id: 'user1' },
      user_id_by_app: '8000000000000000001',
      event_name: 'user_received_message',
      message: { msg_id: 'm1' },
      timestamp: '1602560967477',
    });
    expect(event).toEqual({
      type: 'user_received_message',
      appId: 'app1',
      oaId: 'oa1',
      recipientId: 'user1',
      msgId: 'm1',
      deliveredAt: 1602560967477,
      timestamp: 1602560967477,
    });
  });

  it('parses seen events with msg_id or msg_ids', () => {
    const base = {
      sender: { id: 'oa1' },
      recipient: { id: 'user1' },
      event_name: 'user_seen_message',
      timestamp: '1',
    };
    expect(parse({ ...base, message: { msg_id: 'm1' } })).toMatchObject({ msgIds: ['m1'] });
    expect(parse({ ...base, message: { msg_ids: ['m1', 'm2'] } })).toMatchObject({ msgIds: ['m1', 'm2'] });
    expect(parsed({ ...base, message: {} })).toEqual({
      ok: false,
      reason: 'Zalo webhook user_seen_message: message: needs msg_id or msg_ids',
    });
  });

  it('parses follow and unfollow', () => {
    const body = {
      oa_id: 'oa1',
      follower: { id: 'user1' },
      source: 'oa_profile',
      app_id: 'a',
      timestamp: '5',
    };
    expect(parse({ ...body, event_name: 'follow' })).toEqual({
      type: 'follow',
      appId: 'a',
      oaId: 'oa1',
      userId: 'user1',
      source: 'oa_profile',
      timestamp: 5,
    });
    expect(parse({ ...body, event_name: 'unfollow' })).toMatchObject({ type: 'unfollow', userId: 'user1' });
  });

  it('parses user messages of every user_send_* kind', () => {
    expect(
      parse({
        event_name: 'user_send_text',
        sender: { id: 'user1' },
        recipient: { id: 'oa1' },
        message: { msg_id: 'm1', text: 'Xin chào' },
        timestamp: '7',
      }),
    ).toMatchObject({
      type: 'user_message',
      eventName: 'user_send_text',
      userId: 'user1',
      oaId: 'oa1',
      text: 'Xin chào',
    });
    expect(
      parse({
        event_name: 'user_send_image',
        sender: { id: 'user1' },
        recipient: { id: 'oa1' },
        message: { msg_id: 'm2', attachments: [{ type: 'image', payload: { url: 'https://x/y.jpg' } }] },
        timestamp: '7',
      }),
    ).toMatchObject({
      type: 'user_message',
      attachments: [{ type: 'image', payload: { url: 'https://x/y.jpg' } }],
    });
  });

  it('parses submitted info, template status changes and daily quota changes', () => {
    expect(
      parse({
        event_name: 'user_submit_info',
        sender: { id: 'user1' },
        recipient: { id: 'oa1' },
        info: { name: 'Hương', phone: '0987654321', city: 'Hà Nội' },
        timestamp: '9',
      }),
    ).toMatchObject({
      type: 'user_submit_info',
      userId: 'user1',
      info: { name: 'Hương', phone: '0987654321' },
    });
    expect(
      parse({
        event_name: 'change_template_status',
        oa_id: 'oa1',
        app_id: 'a',
        template_id: '123',
        status: { prev_status: 'PENDING_REVIEW', new_status: 'ENABLE' },
        reason: '',
        timestamp: '10',
      }),
    ).toMatchObject({
      type: 'change_template_status',
      templateId: '123',
      previousStatus: 'PENDING_REVIEW',
      newStatus: 'ENABLE',
    });
    expect(
      parse({
        event_name: 'change_oa_daily_quota',
        oaId: 'oa1',
        quota: { prev_value: '2000', new_value: 5000 },
      }),
    ).toEqual({ type: 'change_oa_daily_quota', oaId: 'oa1', previousQuota: 2000, newQuota: 5000 });
  });

  it('never throws on an event name it does not know', () => {
    expect(parse({ event_name: 'user_reacted_message', anything: 1 })).toEqual({
      type: 'unknown',
      eventName: 'user_reacted_message',
      payload: { event_name: 'user_reacted_message', anything: 1 },
    });
  });

  it('answers a value naming the problem, never throws, on invalid JSON or a missing field', () => {
    expect(parseZaloWebhookEvent(Buffer.from('{not json'))).toEqual({
      ok: false,
      reason: 'Zalo webhook body is not valid JSON',
    });
    expect(parseZaloWebhookEvent('[1]')).toEqual({
      ok: false,
      reason: 'Zalo webhook body is not a JSON object',
    });
    expect(parsed({ timestamp: '1' })).toEqual({ ok: false, reason: 'Zalo webhook: event_name: missing' });
    expect(
      parsed({
        event_name: 'user_received_message',
        sender: { id: 'oa1' },
        recipient: { id: 'u' },
        timestamp: '1',
        message: { tracking_id: 't' },
      }),
    ).toEqual({ ok: false, reason: expect.stringContaining('user_received_message: message.msg_id') });
  });

  it('reads optional fields that are null or of another type as absent', () => {
    expect(
      parse({
        event_name: 'user_received_message',
        app_id: null,
        sender: { id: 'oa1' },
        recipient: { id: '84123456789' },
        message: { msg_id: 'm1', tracking_id: null, delivery_time: null, delivery_channel: 'zalo' },
        timestamp: '1602560967477',
      }),
    ).toEqual({
      type: 'user_received_message',
      oaId: 'oa1',
      recipientId: '84123456789',
      msgId: 'm1',
      deliveredAt: 1602560967477,
      timestamp: 1602560967477,
    });
    expect(
      parse({
        event_name: 'follow',
        oa_id: 'oa1',
        follower: { id: 'user1' },
        source: null,
        user_id_by_app: null,
        timestamp: '5',
      }),
    ).toEqual({ type: 'follow', oaId: 'oa1', userId: 'user1', timestamp: 5 });
    expect(
      parse({
        event_name: 'user_submit_info',
        sender: { id: 'user1' },
        recipient: { id: 'oa1' },
        info: { name: 'Hương', phone: '0987654321', address: null, ward: 12 },
        timestamp: '9',
      }),
    ).toMatchObject({ info: { name: 'Hương', phone: '0987654321' } });
  });
});
