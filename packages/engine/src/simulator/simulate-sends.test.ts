import { graphOf } from '../testing/graph-of';
import {
  advertisingSms,
  lan,
  smsOrderConfirmation,
  START,
  tipsEmail,
  znsOrderConfirmation,
} from '../testing/simulator-fixtures';
import { simulate } from './simulate';

const fallbackGraph = graphOf({
  nodes: [
    { id: 'start', type: 'trigger.event', data: { event: 'order.created', entryKey: 'orderId' } },
    { id: 'zns', type: 'send.zns', data: znsOrderConfirmation },
    { id: 'sms', type: 'send.sms', data: smsOrderConfirmation },
  ],
  edges: ['start:next->zns', 'zns:failure->sms'],
});

const entryEvent = { name: 'order.created', properties: { orderId: 'DH1024' } };

describe('simulate: sends', () => {
  it('renders and sends the ZNS, bills it when delivered, and completes', () => {
    const result = simulate({ graph: fallbackGraph, contacts: [{ ...lan, entryEvent }], startAt: START });
    expect(result.ok).toBe(true);
    const [contact] = result.contacts;
    expect(contact.path.map((step) => [step.stepId, step.outcome])).toEqual([
      ['start', 'entered'],
      ['zns', 'sent'],
      ['$exit:completed', 'exit:completed'],
    ]);
    expect(contact.messages).toEqual([
      expect.objectContaining({
        stepId: 'zns',
        label: 'ZNS xác nhận đơn',
        channel: 'zns',
        rendered: expect.objectContaining({
          params: { customer_name: 'Nguyễn Thị Lan', order_code: 'DH1024' },
        }),
        outcome: 'sent',
        receipts: ['sent', 'delivered'],
        costVnd: 300,
        at: '2026-05-18T10:00:00+07:00',
      }),
    ]);
    expect(contact.exitReason).toBe('completed');
    expect(result.totals).toMatchObject({ entered: 1, exited: { completed: 1 }, messages: 1, costVnd: 300 });
  });

  it('falls back to SMS when ZNS fails with -118 (no Zalo account), for that contact only', () => {
    const result = simulate({
      graph: fallbackGraph,
      contacts: [
        { ...lan, entryEvent },
        { ...lan, id: 'kh-002', entryEvent },
      ],
      outcomes: { zns: { contacts: { 'kh-002': { failure: 'zns:-118' } } } },
      startAt: START,
    });
    const [first, second] = result.contacts;
    expect(first.messages.map((message) => message.channel)).toEqual(['zns']);
    expect(second.path.map((step) => [step.stepId, step.outcome, step.detail])).toEqual([
      ['start', 'entered', undefined],
      ['zns', 'failed', 'zns:-118'],
      ['sms', 'sent', undefined],
      ['$exit:completed', 'exit:completed', undefined],
    ]);
    expect(second.messages[0]).toMatchObject({ outcome: 'failed', error: 'zns:-118', costVnd: 0 });
    expect(second.messages[1]).toMatchObject({
      channel: 'sms',
      rendered: { text: 'Don hang DH1024 da duoc xac nhan. Cam on ban!' },
      sms: { encoding: 'GSM-7', segments: 1 },
      costVnd: 520,
    });
    expect(result.nodeCounts.zns).toEqual({ entered: 2, succeeded: 1, failed: 1 });
    expect(result.nodeCounts.sms).toEqual({ entered: 1, succeeded: 1, failed: 0 });
    expect(result.totals.costVnd).toBe(300 + 520);
  });

  it('exits failed when the SMS fallback fails too (unconnected failure handle)', () => {
    const result = simulate({
      graph: fallbackGraph,
      contacts: [{ ...lan, entryEvent }],
      outcomes: { zns: 'failure', sms: 'failure' },
      startAt: START,
    });
    expect(result.contacts[0].exitReason).toBe('failed');
    expect(result.contacts[0].path.at(-1)).toMatchObject({ stepId: '$exit:failed', label: 'Exit (failed)' });
    expect(result.totals.costVnd).toBe(0);
  });

  it('does not bill a ZNS that was sent but not delivered, and uses the price table', () => {
    const result = simulate({
      graph: fallbackGraph,
      contacts: [{ ...lan, entryEvent }],
      outcomes: { zns: { success: true, receipts: [] } },
      prices: { zns: 250 },
      startAt: START,
    });
    expect(result.contacts[0].messages[0]).toMatchObject({ outcome: 'sent', receipts: ['sent'], costVnd: 0 });
    const delivered = simulate({
      graph: fallbackGraph,
      contacts: [{ ...lan, entryEvent }],
      prices: { zns: 250 },
      startAt: START,
    });
    expect(delivered.totals.costVnd).toBe(250);
  });

  it('bills SMS per segment: Vietnamese with diacritics is UCS-2, 67 characters per part', () => {
    const text =
      'Cảm ơn {{ contact.name }} đã đặt đơn {{ event.orderId }} tại LOASHOP. Đơn hàng sẽ được giao trong 2-3 ngày.';
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        { id: 'sms', type: 'send.sms', data: { ...smsOrderConfirmation, text } },
      ],
      edges: ['start:next->sms'],
    });
    const result = simulate({ graph, contacts: [{ ...lan, entryEvent }], startAt: START });
    const [message] = result.contacts[0].messages;
    expect(message.sms).toEqual({ encoding: 'UCS-2', characters: 90, segments: 2 });
    expect(message).toMatchObject({ segments: 2, costVnd: 1040 });
  });

  it('shows and bills an advertising SMS as the gateway sends it, with the [QC] label of Decree 91', () => {
    const text = 'a'.repeat(158);
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        { id: 'sms', type: 'send.sms', data: { ...smsOrderConfirmation, purpose: 'advertising', text } },
      ],
      edges: ['start:next->sms'],
    });
    const result = simulate({ graph, contacts: [{ ...lan, entryEvent }], startAt: START });
    const [message] = result.contacts[0].messages;
    expect(message.rendered).toMatchObject({ channel: 'sms', text: `[QC] ${text}` });
    // "[QC] " is 7 septets ([ and ] are GSM-7 escapes): 165 in all, two parts instead of one.
    expect(message.sms).toEqual({ encoding: 'GSM-7', characters: 165, segments: 2 });
  });

  it('reports a render error per message and takes the failure handle instead of sending', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        {
          id: 'zns',
          type: 'send.zns',
          data: { ...znsOrderConfirmation, params: { customer_name: "{% render 'greeting' %}" } },
        },
        { id: 'sms', type: 'send.sms', data: smsOrderConfirmation },
      ],
      edges: ['start:next->zns', 'zns:failure->sms'],
    });
    const result = simulate({ graph, contacts: [{ ...lan, entryEvent }], startAt: START });
    expect(result.ok).toBe(true);
    const [zns, sms] = result.contacts[0].messages;
    expect(zns).toMatchObject({
      outcome: 'failed',
      error: 'render_error',
      renderErrors: [{ field: 'params.customer_name', message: expect.stringContaining('greeting') }],
    });
    expect(sms).toMatchObject({ outcome: 'sent' });
  });

  it('blocks a send to a contact without the address the channel needs (its failure handle)', () => {
    const noPhone = {
      id: 'kh-003',
      attributes: { name: 'Trần Văn Minh' },
      email: 'minh@example.vn',
      entryEvent,
    };
    const result = simulate({ graph: fallbackGraph, contacts: [noPhone], startAt: START });
    expect(
      result.contacts[0].messages.map((message) => [message.channel, message.outcome, message.error]),
    ).toEqual([
      ['zns', 'blocked', 'no_address'],
      ['sms', 'blocked', 'no_address'],
    ]);
    expect(result.contacts[0].exitReason).toBe('failed');
  });

  it('blocks every send once a contact.update puts the contact on the do-not-contact list', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        { id: 'dnc', type: 'contact.update', data: { doNotContact: 'add' } },
        { id: 'email', type: 'send.email', data: tipsEmail },
      ],
      edges: ['start:next->dnc', 'dnc:next->email'],
    });
    const result = simulate({ graph, contacts: [{ ...lan, entryEvent }], startAt: START });
    expect(result.contacts[0].messages[0]).toMatchObject({
      channel: 'email',
      outcome: 'blocked',
      error: 'do_not_contact',
    });
  });

  it('holds advertising in quiet hours and advertising SMS outside 07:00–22:00, but not care messages', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        { id: 'care', type: 'send.sms', data: smsOrderConfirmation },
        { id: 'ad', type: 'send.sms', data: advertisingSms },
      ],
      edges: ['start:next->care', 'care:success->ad'],
      settings: { quietHours: { start: '21:00', end: '08:00' } },
    });
    const result = simulate({
      graph,
      contacts: [{ ...lan, entryEvent: { ...entryEvent, occurredAt: '2026-05-18T22:30:00+07:00' } }],
      startAt: START,
    });
    const [contact] = result.contacts;
    expect(contact.messages.map((message) => [message.stepId, message.at])).toEqual([
      ['care', '2026-05-18T22:30:00+07:00'],
      ['ad', '2026-05-19T08:00:00+07:00'],
    ]);
    expect(contact.path.find((step) => step.stepId === 'ad')).toMatchObject({
      at: '2026-05-18T22:30:00+07:00',
      endedAt: '2026-05-19T08:00:00+07:00',
      detail: 'deferred by quiet_hours',
    });
  });

  it('holds an advertising SMS at 05:00 until the Decree 91 window opens at 07:00', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        { id: 'ad', type: 'send.sms', data: advertisingSms },
      ],
      edges: ['start:next->ad'],
    });
    const result = simulate({
      graph,
      contacts: [{ ...lan, entryEvent: { ...entryEvent, occurredAt: '2026-05-19T05:00:00+07:00' } }],
      startAt: START,
    });
    expect(result.contacts[0].messages[0]).toMatchObject({
      at: '2026-05-19T07:00:00+07:00',
      outcome: 'sent',
    });
    expect(result.contacts[0].path[1].detail).toBe('deferred by advertising_sms_window');
  });

  it('fails an OA transaction message whose table value renders empty, as Zalo refuses it', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        {
          id: 'oa',
          type: 'send.oa',
          data: {
            accountId: 'oa-loa-shop',
            kind: 'transaction',
            message: {
              type: 'transaction',
              templateType: 'transaction_order',
              header: 'Đơn hàng {{ event.orderId }}',
              table: [{ key: 'Giao đến', value: '{{ event.shippingAddress }}' }],
            },
          },
        },
      ],
      edges: ['start:next->oa'],
    });
    const follower = { ...lan, zaloUserId: '5000000000000000001', entryEvent };
    const result = simulate({ graph, contacts: [follower], startAt: START });
    expect(result.contacts[0].messages[0]).toMatchObject({
      outcome: 'failed',
      error: 'render_error',
      renderErrors: [{ field: 'message.table[0].value', message: expect.stringContaining('empty') }],
    });
  });
});
