import { graphOf } from '../testing/graph-of';
import {
  lan,
  START,
  smsOrderConfirmation,
  tipsEmail,
  znsOrderConfirmation,
} from '../testing/simulator-fixtures';
import { simulate } from './simulate';

const outcomes = (result: ReturnType<typeof simulate>, index = 0) =>
  result.contacts[index].path.map((step) => `${step.stepId}:${step.outcome}`);

describe('simulate: branches, updates and goals', () => {
  it('evaluates conditions on the sample contact: attributes and tags', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        {
          id: 'vip',
          type: 'branch.condition',
          data: {
            label: 'Khách VIP ở Hà Nội?',
            rule: {
              match: 'all',
              rules: [
                { kind: 'tag', tag: 'vip', has: true },
                { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' },
              ],
            },
          },
        },
      ],
      edges: ['start:next->vip'],
    });
    const result = simulate({
      graph,
      contacts: [
        { ...lan, tags: ['vip'] },
        { ...lan, id: 'kh-002' },
      ],
      startAt: START,
    });
    expect(result.contacts[0].path[1]).toMatchObject({ label: 'Khách VIP ở Hà Nội?', outcome: 'yes' });
    expect(result.contacts[1].path[1]).toMatchObject({ outcome: 'no' });
  });

  it('sees only scripted events before now, within the rule window, for event_seen', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        { id: 'wait', type: 'wait.delay', data: { amount: 1, unit: 'days' } },
        {
          id: 'viewed',
          type: 'branch.condition',
          data: {
            rule: { match: 'all', rules: [{ kind: 'event_seen', event: 'product.viewed', withinDays: 3 }] },
          },
        },
      ],
      edges: ['start:next->wait', 'wait:next->viewed'],
    });
    const run = (at: string) =>
      simulate({
        graph,
        contacts: [lan],
        events: [{ contactId: 'kh-001', name: 'product.viewed', properties: { sku: 'AO-01' }, at }],
        startAt: START,
      }).contacts[0].path[2].outcome;
    expect(run('+12h')).toBe('yes');
    expect(run('-1d')).toBe('yes');
    expect(run('+2d')).toBe('no');
    expect(run('-5d')).toBe('no');
  });

  it('feeds scripted receipts to send_outcome rules', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        { id: 'zns', type: 'send.zns', data: znsOrderConfirmation },
        { id: 'wait', type: 'wait.delay', data: { amount: 1, unit: 'days' } },
        {
          id: 'seen',
          type: 'branch.condition',
          data: { rule: { match: 'all', rules: [{ kind: 'send_outcome', nodeId: 'zns', outcome: 'seen' }] } },
        },
        { id: 'sms', type: 'send.sms', data: smsOrderConfirmation },
      ],
      edges: ['start:next->zns', 'zns:success->wait', 'wait:next->seen', 'seen:no->sms'],
    });
    const result = simulate({
      graph,
      contacts: [lan, { ...lan, id: 'kh-002' }],
      outcomes: { zns: { contacts: { 'kh-001': { success: true, receipts: ['seen'] } } } },
      startAt: START,
    });
    expect(outcomes(result, 0)).toContain('seen:yes');
    expect(outcomes(result, 1)).toEqual([
      'start:entered',
      'zns:sent',
      'wait:elapsed',
      'seen:no',
      'sms:sent',
      '$exit:completed:exit:completed',
    ]);
  });

  it('splits through the interpreter: deterministic per contact, recorded as the variant', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        {
          id: 'ab',
          type: 'branch.split',
          data: {
            variants: [
              { id: 'a', label: 'Mẫu A', weight: 50 },
              { id: 'b', label: 'Mẫu B', weight: 50 },
            ],
          },
        },
        { id: 'email-a', type: 'send.email', data: tipsEmail },
        {
          id: 'email-b',
          type: 'send.email',
          data: { ...tipsEmail, subject: 'Ưu đãi cho {{ contact.name }}' },
        },
      ],
      edges: ['start:next->ab', 'ab:a->email-a', 'ab:b->email-b'],
    });
    const contacts = Array.from({ length: 40 }, (_, index) => ({ ...lan, id: `kh-${index}` }));
    const first = simulate({ graph, contacts, startAt: START });
    const second = simulate({ graph, contacts, startAt: START });
    expect(second.contacts).toEqual(first.contacts);
    const variants = first.contacts.map((contact) => contact.path[1].outcome);
    expect(new Set(variants)).toEqual(new Set(['variant:a', 'variant:b']));
    for (const contact of first.contacts) {
      expect(contact.messages[0].stepId).toBe(
        contact.path[1].outcome === 'variant:a' ? 'email-a' : 'email-b',
      );
    }
    expect(first.nodeCounts['email-a'].entered + first.nodeCounts['email-b'].entered).toBe(40);
  });

  it('applies contact.update: later conditions and templates see the new tags and attributes', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        {
          id: 'tag',
          type: 'contact.update',
          data: { set: { lastOrder: '{{ event.orderId }}' }, addTags: ['buyer'], scoreDelta: 10 },
        },
        {
          id: 'buyer',
          type: 'branch.condition',
          data: { rule: { match: 'all', rules: [{ kind: 'tag', tag: 'buyer', has: true }] } },
        },
        {
          id: 'sms',
          type: 'send.sms',
          data: { ...smsOrderConfirmation, text: 'Don {{ contact.lastOrder }}, diem {{ contact.score }}' },
        },
      ],
      edges: ['start:next->tag', 'tag:next->buyer', 'buyer:yes->sms'],
    });
    const result = simulate({
      graph,
      contacts: [{ ...lan, entryEvent: { name: 'order.created', properties: { orderId: 'DH1024' } } }],
      startAt: START,
    });
    expect(result.contacts[0].path[1]).toMatchObject({
      outcome: 'updated',
      detail: 'set lastOrder = "DH1024"; score +10 = 10; +tag buyer',
    });
    expect(result.contacts[0].messages[0].rendered).toMatchObject({ text: 'Don DH1024, diem 10' });
  });

  it('calls webhooks only on paper: scripted success or failure picks the handle', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'order.created' } },
        {
          id: 'hook',
          type: 'http.request',
          data: {
            method: 'POST',
            url: 'https://shop.example.vn/hooks/{{ event.orderId }}',
            body: '{"phone":"{{ contact.phone }}"}',
          },
        },
        { id: 'sms', type: 'send.sms', data: smsOrderConfirmation },
      ],
      edges: ['start:next->hook', 'hook:failure->sms'],
    });
    const contact = { ...lan, entryEvent: { name: 'order.created', properties: { orderId: 'DH1024' } } };
    const ok = simulate({ graph, contacts: [contact], startAt: START });
    expect(ok.contacts[0].path[1]).toMatchObject({
      outcome: 'success',
      detail: 'POST https://shop.example.vn/hooks/DH1024',
    });
    const failed = simulate({
      graph,
      contacts: [contact],
      outcomes: { hook: { failure: 'http:503' } },
      startAt: START,
    });
    expect(outcomes(failed)).toEqual([
      'start:entered',
      'hook:failure',
      'sms:sent',
      '$exit:completed:exit:completed',
    ]);
    expect(failed.nodeCounts.hook).toEqual({ entered: 1, succeeded: 0, failed: 1 });
  });

  it('stops a looping journey after 1,000 steps, through the interpreter guard', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.manual', data: {} },
        { id: 'wait', type: 'wait.delay', data: { amount: 1, unit: 'hours' } },
        {
          id: 'again',
          type: 'branch.condition',
          data: { rule: { match: 'all', rules: [{ kind: 'tag', tag: 'active', has: true }] } },
        },
      ],
      edges: ['start:next->wait', 'wait:next->again', 'again:yes->wait'],
    });
    const result = simulate({ graph, contacts: [{ ...lan, tags: ['active'] }], startAt: START });
    const [contact] = result.contacts;
    expect(contact.exitReason).toBe('step_limit');
    expect(contact.path.at(-1)).toMatchObject({
      stepId: 'wait',
      outcome: 'exit:step_limit',
      detail: 'stopped here: a journey takes at most 1000 steps',
    });
    expect(result.nodeCounts.wait.entered).toBe(500);
  });

  describe('campaign goal', () => {
    const graph = graphOf({
      nodes: [
        { id: 'start', type: 'trigger.event', data: { event: 'cart.abandoned' } },
        { id: 'wait', type: 'wait.delay', data: { amount: 1, unit: 'days' } },
        { id: 'email', type: 'send.email', data: tipsEmail },
      ],
      edges: ['start:next->wait', 'wait:next->email'],
      settings: { goal: { event: 'order.paid', window: { amount: 7, unit: 'days' }, exitOnGoal: true } },
    });

    it('exits with reason goal when the goal event arrives during a wait, at that wait', () => {
      const result = simulate({
        graph,
        contacts: [lan],
        events: [{ contactId: 'kh-001', name: 'order.paid', properties: {}, at: '+3h' }],
        startAt: START,
      });
      const [contact] = result.contacts;
      expect(outcomes(result)).toEqual(['start:entered', 'wait:exit:goal']);
      expect(contact).toMatchObject({
        exitReason: 'goal',
        converted: true,
        convertedAt: '2026-05-18T13:00:00+07:00',
        exitedAt: '2026-05-18T13:00:00+07:00',
        messages: [],
      });
      expect(result.totals).toMatchObject({ converted: 1, exited: { goal: 1 } });
    });

    it('counts no conversion after the journey ended, as the journey cannot see it', () => {
      const result = simulate({
        graph,
        contacts: [lan],
        events: [{ contactId: 'kh-001', name: 'order.paid', properties: {}, at: '+3d' }],
        startAt: START,
      });
      expect(result.contacts[0]).toMatchObject({ exitReason: 'completed', converted: false });
    });
  });
});
