import { graphOf } from '../testing/graph-of';
import { lan, START, tipsEmail, znsOrderConfirmation } from '../testing/simulator-fixtures';
import { simulate } from './simulate';

const steps = (result: ReturnType<typeof simulate>, index = 0) =>
  result.contacts[index].path.map((step) => `${step.stepId}:${step.outcome}@${step.at}`);

describe('simulate: waits on the virtual clock', () => {
  it('advances the clock by a delay, and stamps later sends with the new time', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        { id: 'wait', type: 'wait.delay', data: { amount: 2, unit: 'days' } },
        { id: 'email', type: 'send.email', data: tipsEmail },
      ],
      edges: ['start:next->wait', 'wait:next->email'],
    });
    const result = simulate({ graph, contacts: [lan], startAt: START });
    expect(result.contacts[0].path[1]).toMatchObject({
      stepId: 'wait',
      label: 'Wait for a while',
      kind: 'wait.delay',
      outcome: 'elapsed',
      at: '2026-05-18T10:00:00+07:00',
      endedAt: '2026-05-20T10:00:00+07:00',
    });
    expect(result.contacts[0].messages[0].at).toBe('2026-05-20T10:00:00+07:00');
    expect(result.contacts[0].exitedAt).toBe('2026-05-20T10:00:00+07:00');
  });

  it('waits until the next allowed weekday at a time of day, in the campaign timezone', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        {
          id: 'until',
          type: 'wait.until',
          data: { until: { kind: 'time_of_day', time: '09:00', weekdays: [6, 7] } },
        },
      ],
      edges: ['start:next->until'],
      settings: { timezone: 'Asia/Ho_Chi_Minh' },
    });
    const result = simulate({ graph, contacts: [lan], startAt: START });
    // Monday 10:00 -> Saturday 09:00.
    expect(result.contacts[0].path[1]).toMatchObject({
      outcome: 'elapsed',
      endedAt: '2026-05-23T09:00:00+07:00',
    });
  });

  it('waits until a date attribute plus an offset, and goes on at once when the contact has no such date', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        {
          id: 'until',
          type: 'wait.until',
          data: {
            until: { kind: 'date_attribute', attribute: 'renewalDate', offsetDays: -3, time: '08:30' },
          },
        },
      ],
      edges: ['start:next->until'],
    });
    const result = simulate({
      graph,
      contacts: [
        { ...lan, attributes: { renewalDate: '2026-06-30' } },
        { ...lan, id: 'kh-002' },
      ],
      startAt: START,
    });
    expect(result.contacts[0].path[1]).toMatchObject({ endedAt: '2026-06-27T08:30:00+07:00' });
    expect(result.contacts[1].path[1]).toMatchObject({
      outcome: 'elapsed',
      detail: 'no date in renewalDate: continues at once',
    });
    expect(result.contacts[1].path[1].endedAt).toBeUndefined();
  });

  describe('wait.event', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'checkout.started', entryKey: 'orderId' } },
        {
          id: 'paid',
          type: 'wait.event',
          data: {
            event: 'order.paid',
            matchEntryKey: 'orderId',
            filter: { match: 'all', conditions: [{ field: 'amount', operator: 'greater_than', value: 0 }] },
            timeout: { amount: 4, unit: 'hours' },
          },
        },
        { id: 'won', type: 'flow.exit', data: { reason: 'converted' } },
        { id: 'remind', type: 'send.zns', data: znsOrderConfirmation },
      ],
      edges: ['start:next->paid', 'paid:matched->won', 'paid:timeout->remind'],
    });
    const contact = { ...lan, entryEvent: { name: 'checkout.started', properties: { orderId: 'DH1024' } } };

    it('takes the first matching event after the wait began: same entry key, filter satisfied', () => {
      const result = simulate({
        graph,
        contacts: [contact],
        events: [
          {
            contactId: 'kh-001',
            name: 'order.paid',
            properties: { orderId: 'DH0999', amount: 100 },
            at: '+30m',
          },
          {
            contactId: 'kh-001',
            name: 'order.paid',
            properties: { orderId: 'DH1024', amount: 0 },
            at: '+1h',
          },
          {
            contactId: 'kh-001',
            name: 'order.paid',
            properties: { orderId: 'DH1024', amount: 450000 },
            at: '+2h',
          },
          {
            contactId: 'kh-002',
            name: 'order.paid',
            properties: { orderId: 'DH1024', amount: 1 },
            at: '+10m',
          },
        ],
        startAt: START,
      });
      expect(steps(result)).toEqual([
        'start:entered@2026-05-18T10:00:00+07:00',
        'paid:matched@2026-05-18T10:00:00+07:00',
        'won:exit:converted@2026-05-18T12:00:00+07:00',
      ]);
      expect(result.contacts[0].path[1]).toMatchObject({
        endedAt: '2026-05-18T12:00:00+07:00',
        detail: 'order.paid',
      });
    });

    it('times out when no matching event arrives within the timeout, and ignores events before the wait began', () => {
      const result = simulate({
        graph,
        contacts: [contact],
        events: [
          {
            contactId: 'kh-001',
            name: 'order.paid',
            properties: { orderId: 'DH1024', amount: 5 },
            at: '-1h',
          },
          {
            contactId: 'kh-001',
            name: 'order.paid',
            properties: { orderId: 'DH1024', amount: 5 },
            at: '+5h',
          },
        ],
        startAt: START,
      });
      expect(steps(result)).toEqual([
        'start:entered@2026-05-18T10:00:00+07:00',
        'paid:timeout@2026-05-18T10:00:00+07:00',
        'remind:sent@2026-05-18T14:00:00+07:00',
        '$exit:completed:exit:completed@2026-05-18T14:00:00+07:00',
      ]);
    });

    it('lets each scripted event be consumed once, so a second wait needs a second event', () => {
      const twice = graphOf({
        nodes: [
          { id: 'start', type: 'trigger.manual', data: {} },
          {
            id: 'first',
            type: 'wait.event',
            data: { event: 'app.opened', timeout: { amount: 1, unit: 'days' } },
          },
          {
            id: 'second',
            type: 'wait.event',
            data: { event: 'app.opened', timeout: { amount: 1, unit: 'days' } },
          },
        ],
        edges: ['start:next->first', 'first:matched->second'],
      });
      const result = simulate({
        graph: twice,
        contacts: [lan],
        events: [{ contactId: 'kh-001', name: 'app.opened', at: '2026-05-18T11:00:00+07:00' }],
        startAt: START,
      });
      expect(result.contacts[0].path.map((step) => step.outcome)).toEqual([
        'entered',
        'matched',
        'timeout',
        'exit:completed',
      ]);
    });
  });

  it('stops the clock at `until`: contacts still waiting have no exit reason and count as waiting', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        { id: 'wait', type: 'wait.delay', data: { amount: 7, unit: 'days' } },
        { id: 'email', type: 'send.email', data: tipsEmail },
      ],
      edges: ['start:next->wait', 'wait:next->email'],
    });
    const result = simulate({ graph, contacts: [lan], startAt: START, until: '+3d' });
    expect(result.contacts[0]).toMatchObject({ exitReason: null, messages: [] });
    expect(result.contacts[0].path[1]).toMatchObject({ stepId: 'wait', outcome: 'waiting' });
    expect(result.nodeCounts.wait).toEqual({ entered: 1, succeeded: 0, failed: 0, waiting: 1 });
    expect(result.totals).toMatchObject({ entered: 1, waiting: 1, exited: {} });
  });
});
