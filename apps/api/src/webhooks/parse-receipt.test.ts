import { parseReceipt } from './parse-receipt';

const receivedAt = new Date('2026-03-10T03:00:00Z');

describe('parseReceipt reads a verified payload into what it asks for', () => {
  it('reads a ZNS delivery by msg_id and tracking_id, at its delivery_time', () => {
    const payload = JSON.stringify({
      sender: { id: '2001' },
      recipient: { id: '84900000011' },
      event_name: 'user_received_message',
      message: { delivery_time: '1773111600500', msg_id: 'm1', tracking_id: 't1' },
      app_id: '1001',
      timestamp: '1773111600900',
    });
    expect(parseReceipt({ provider: 'zalo', payload, oaId: '2001', receivedAt })).toEqual({
      kind: 'delivery',
      update: {
        status: 'delivered',
        at: new Date(1773111600500),
        targets: [{ providerMessageId: 'm1', correlationId: 't1' }],
      },
    });
  });

  it("ignores another OA's events, unknown events and bodies that do not parse", () => {
    const follow = JSON.stringify({
      app_id: '1001',
      oa_id: '9999',
      event_name: 'follow',
      follower: { id: 'u1' },
      timestamp: '1773111600900',
    });
    expect(parseReceipt({ provider: 'zalo', payload: follow, oaId: '2001', receivedAt }).kind).toBe('ignore');
    expect(
      parseReceipt({
        provider: 'zalo',
        payload: '{"event_name":"shop_has_order","timestamp":"1"}',
        receivedAt,
      }),
    ).toMatchObject({ kind: 'ignore' });
    expect(parseReceipt({ provider: 'zalo', payload: '{"event_name":"follow"}', receivedAt })).toMatchObject({
      kind: 'ignore',
    });
  });

  it('reads eSMS SendStatus 5 as delivered, 4 as failed and the rest as nothing yet', () => {
    const query = (status: string) => `SMSID=s1&SendStatus=${status}&RequestId=r1&Totalprice=520`;
    expect(parseReceipt({ provider: 'esms', payload: query('5'), receivedAt })).toEqual({
      kind: 'delivery',
      update: {
        status: 'delivered',
        at: receivedAt,
        targets: [{ providerMessageId: 's1', correlationId: 'r1' }],
      },
    });
    expect(parseReceipt({ provider: 'esms', payload: query('4'), receivedAt })).toMatchObject({
      kind: 'delivery',
      update: { status: 'failed', errorCode: 'esms_send_status_4' },
    });
    expect(parseReceipt({ provider: 'esms', payload: query('7'), receivedAt }).kind).toBe('ignore');
  });

  it("names the eSMS receipt's recipient as the ledger writes it: one advertising SMSID covers many numbers", () => {
    for (const phonenumber of ['0912345678', '84912345678', '+84 912 345 678'])
      expect(
        parseReceipt({
          provider: 'esms',
          payload: `SMSID=s1&SendStatus=5&RequestId=r1&phonenumber=${encodeURIComponent(phonenumber)}`,
          receivedAt,
        }),
      ).toMatchObject({ update: { targets: [{ providerMessageId: 's1', recipient: '84912345678' }] } });
  });

  it('reads Twilio delivered and undelivered, and skips queued and sent', () => {
    const form = (status: string) => `MessageSid=SM1&MessageStatus=${status}&ErrorCode=30003`;
    expect(parseReceipt({ provider: 'twilio', payload: form('delivered'), receivedAt })).toMatchObject({
      kind: 'delivery',
      update: { status: 'delivered', targets: [{ providerMessageId: 'SM1' }] },
    });
    expect(parseReceipt({ provider: 'twilio', payload: form('undelivered'), receivedAt })).toMatchObject({
      kind: 'delivery',
      update: { status: 'failed', errorCode: '30003' },
    });
    expect(parseReceipt({ provider: 'twilio', payload: form('sent'), receivedAt }).kind).toBe('ignore');
  });
});
