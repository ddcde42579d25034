import { graphOf } from '../testing/graph-of';
import { lan, START, tipsEmail, znsOrderConfirmation } from '../testing/simulator-fixtures';
import { simulate } from './simulate';

const orderGraph = graphOf({
  nodes: [
    {
      id: 'start',
      type: 'trigger.event',
      data: {
        event: 'order.created',
        entryKey: 'orderId',
        filter: { match: 'all', conditions: [{ field: 'payment_method', operator: 'equals', value: 'COD' }] },
      },
    },
    { id: 'zns', type: 'send.zns', data: znsOrderConfirmation },
  ],
  edges: ['start:next->zns'],
});
const cod = (orderId: string) => ({ name: 'order.created', properties: { orderId, payment_method: 'COD' } });

describe('simulate: compiling and entering', () => {
  it('returns the graph errors and runs nobody when the draft does not compile', () => {
    const graph = graphOf({
      nodes: [{ id: 'zns', type: 'send.zns', data: znsOrderConfirmation }],
      edges: [],
    });
    const result = simulate({ graph, contacts: [lan], startAt: START });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('NO_TRIGGER');
    expect(result.contacts).toEqual([]);
    expect(result.totals.entered).toBe(0);
  });

  it('reports malformed contacts, events and times with their paths instead of throwing', () => {
    const result = simulate({
      graph: orderGraph,
      contacts: [{ attributes: {} } as never],
      events: [{ contactId: 'kh-001', name: 'order.paid', at: 'next tuesday' }],
      outcomes: { zns: 'maybe' as never },
      startAt: START,
    });
    expect(result.ok).toBe(false);
    expect(result.inputErrors.map((error) => error.path)).toEqual(
      expect.arrayContaining(['contacts.0.id', 'events.0.at', 'outcomes.zns']),
    );
  });

  it('enters a contact whose entry event matches the trigger, at the event time', () => {
    const result = simulate({
      graph: orderGraph,
      contacts: [{ ...lan, entryEvent: { ...cod('DH1024'), occurredAt: '+1h' } }],
      startAt: START,
    });
    expect(result.contacts[0]).toMatchObject({ entered: true, enteredAt: '2026-05-18T11:00:00+07:00' });
    expect(result.startAt).toBe('2026-05-18T10:00:00+07:00');
    expect(result.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.nodeCounts.start).toEqual({ entered: 1, succeeded: 0, failed: 0 });
  });

  it('keeps out contacts whose entry event has another name or fails the trigger filter', () => {
    const result = simulate({
      graph: orderGraph,
      contacts: [
        { ...lan, entryEvent: { name: 'order.paid', properties: {} } },
        {
          ...lan,
          id: 'kh-002',
          entryEvent: { name: 'order.created', properties: { payment_method: 'VNPAY' } },
        },
      ],
      startAt: START,
    });
    expect(result.contacts.map((contact) => [contact.entered, contact.notEnteredReason])).toEqual([
      [false, 'its entry event is order.paid, the trigger waits for order.created'],
      [false, "its order.created event does not match the trigger's filter"],
    ]);
    expect(result.totals).toMatchObject({ entered: 0, notEntered: 2 });
  });

  it('enters once per contact unless re-entry allows more, and stops at the enrollment limit', () => {
    const contacts = [
      { ...lan, entryEvent: cod('DH1') },
      { ...lan, entryEvent: cod('DH2') },
      { ...lan, id: 'kh-002', entryEvent: cod('DH3') },
    ];
    const once = simulate({ graph: orderGraph, contacts, startAt: START });
    expect(once.contacts.map((contact) => contact.entered)).toEqual([true, false, true]);
    expect(once.contacts[1].notEnteredReason).toBe('it already entered (re-entry: never)');
    const always = simulate({
      graph: { ...orderGraph, settings: { reEntry: { mode: 'always' }, enrollmentLimit: 2 } },
      contacts,
      startAt: START,
    });
    expect(always.contacts.map((contact) => contact.entered)).toEqual([true, true, false]);
    expect(always.contacts[2].notEnteredReason).toBe('the enrollment limit of 2 is reached');
  });

  it('enters a date trigger on the next birthday at its time of day, and skips contacts without one', () => {
    const graph = graphOf({
      nodes: [
        {
          id: 'start',
          type: 'trigger.date',
          data: { attribute: 'birthday', offsetDays: 0, timeOfDay: '09:00' },
        },
        { id: 'email', type: 'send.email', data: tipsEmail },
      ],
      edges: ['start:next->email'],
    });
    const result = simulate({
      graph,
      contacts: [
        { ...lan, attributes: { ...lan.attributes, birthday: '1994-03-02' } },
        { ...lan, id: 'kh-002', attributes: { birthday: '1990-06-01' } },
        { ...lan, id: 'kh-003' },
      ],
      startAt: START,
    });
    expect(result.contacts.map((contact) => contact.enteredAt ?? contact.notEnteredReason)).toEqual([
      '2027-03-02T09:00:00+07:00',
      '2026-06-01T09:00:00+07:00',
      'it has no date in birthday',
    ]);
  });

  it('enters a broadcast at its schedule, only for contacts in a tag audience', () => {
    const graph = graphOf({
      nodes: [
        {
          id: 'start',
          type: 'trigger.schedule',
          data: {
            audience: { kind: 'tag', tag: 'newsletter' },
            schedule: { kind: 'recurring', cron: '0 9 * * 1' },
          },
        },
        { id: 'email', type: 'send.email', data: tipsEmail },
      ],
      edges: ['start:next->email'],
    });
    const result = simulate({
      graph,
      contacts: [
        { ...lan, tags: ['newsletter'] },
        { ...lan, id: 'kh-002' },
      ],
      startAt: START,
    });
    // Monday 10:00 -> next Monday 09:00.
    expect(result.contacts[0].enteredAt).toBe('2026-05-25T09:00:00+07:00');
    expect(result.contacts[1].notEnteredReason).toBe('it does not have the audience tag newsletter');
  });

  it('labels steps from the graph: the node label, else the catalogue title', () => {
    const result = simulate({
      graph: orderGraph,
      contacts: [{ ...lan, entryEvent: cod('DH1') }],
      startAt: START,
    });
    expect(result.contacts[0].path.map((step) => [step.label, step.kind])).toEqual([
      ['When an event happens', 'trigger.event'],
      ['ZNS xác nhận đơn', 'send.zns'],
      ['Exit (completed)', 'exit'],
    ]);
  });
});
