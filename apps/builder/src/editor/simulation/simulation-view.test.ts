import abandonedCart from '@loa/engine/examples/abandoned-cart.json';
import { simulate, type SimulatedContact } from '@loa/engine/browser';
import { formatOffset, messagePreview, pathDecorations, timelineOf } from './simulation-view';

const result = simulate({
  graph: abandonedCart,
  startAt: '2026-03-02T10:00:00+07:00',
  until: '+7d',
  contacts: [
    {
      id: 'lan',
      phone: '84912000001',
      attributes: { name: 'Lan' },
      entryEvent: {
        name: 'cart.abandoned',
        properties: { orderId: 'DH1', total: 459000, firstItem: 'Áo dài' },
      },
    },
  ],
  outcomes: { 'zns-reminder': { failure: 'zns:-118' } },
});
const lan = result.contacts[0] as SimulatedContact;
const nodeIds = abandonedCart.nodes.map((node) => node.id);

describe('pathDecorations', () => {
  it("marks the nodes of the graph the contact went through, not the plan's synthetic exits", () => {
    expect(pathDecorations(lan, nodeIds)).toEqual({
      start: 'path',
      'wait-paid': 'path',
      'zns-reminder': 'path',
      'sms-reminder': 'path',
    });
    expect(pathDecorations(undefined, nodeIds)).toEqual({});
  });
});

describe('timelineOf', () => {
  const rows = timelineOf(lan);

  it('lists each step with its time since entry and its tone', () => {
    expect(rows.map((row) => [row.stepId, row.outcome, row.tone, formatOffset(row.sinceEntryMs)])).toEqual([
      ['start', 'entered', 'entry', '+0m'],
      ['wait-paid', 'timeout', 'ok', '+0m'],
      ['zns-reminder', 'failed', 'failed', '+4h'],
      ['sms-reminder', 'sent', 'ok', '+4h'],
      ['$exit:completed', 'exit:completed', 'exit', '+4h'],
    ]);
  });

  it('puts each send’s rendered message beside its step, with its error and cost', () => {
    const zns = rows.find((row) => row.stepId === 'zns-reminder')!.message!;
    expect(zns).toMatchObject({ outcome: 'failed', error: 'zns:-118', costVnd: 0 });
    const sms = rows.find((row) => row.stepId === 'sms-reminder')!.message!;
    expect(sms.outcome).toBe('sent');
    expect(sms.costVnd).toBeGreaterThan(0);
    expect(messagePreview(sms).body).toContain('Don hang DH1');
    expect(messagePreview(zns)).toEqual({
      title: 'ZNS 415872',
      body: 'customer_name: Lan\norder_code: DH1\ncart_total: 459000đ\nproduct_name: Áo dài',
    });
  });
});

describe('formatOffset', () => {
  it('writes days, hours and minutes', () => {
    expect(formatOffset(0)).toBe('+0m');
    expect(formatOffset(90 * 60_000)).toBe('+1h 30m');
    expect(formatOffset((26 * 60 + 5) * 60_000)).toBe('+1d 2h 5m');
    expect(formatOffset(2 * 86_400_000)).toBe('+2d');
  });
});
