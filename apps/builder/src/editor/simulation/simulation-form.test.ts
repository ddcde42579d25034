import abandonedCart from '@loa/engine/examples/abandoned-cart.json';
import { simulate } from '@loa/engine/browser';
import {
  entryEventOf,
  entryKeyOf,
  eventNamesOf,
  newSampleContact,
  newWorkspaceContact,
  parseValue,
  sampleOfWorkspaceContact,
  sendNodesOf,
  simulationInputOf,
  type FormContact,
  type SimulationForm,
  type WorkspaceContact,
} from './simulation-form';

const lan: FormContact = {
  key: 'sample-1',
  source: { kind: 'sample' },
  segmentIds: [],
  name: 'Nguyễn Thị Lan',
  phone: '84912000001',
  email: '',
  zaloUserId: 'zalo-lan',
  attributes: [
    { key: 'city', value: 'Huế' },
    { key: 'orders', value: '3' },
    { key: '', value: 'ignored' },
  ],
  entryProperties: [
    { key: 'orderId', value: 'DH1' },
    { key: 'total', value: '459000' },
  ],
};

const workspaceContact: WorkspaceContact = {
  id: '4f1c0e6e-0000-4000-8000-000000000001',
  externalId: 'KH-9',
  phone: '84912000002',
  email: 'minh@example.vn',
  name: 'Trần Minh',
  attributes: { city: 'Đà Nẵng' },
  tags: ['vip'],
  score: 12,
  doNotContact: false,
  consents: { zns: { state: 'granted' }, sms: { state: 'denied' } },
  identities: [{ userId: 'zalo-minh' }],
};

const form: SimulationForm = {
  contacts: [
    lan,
    {
      ...lan,
      key: workspaceContact.id,
      source: { kind: 'workspace', contact: workspaceContact },
      segmentIds: ['seg-vip'],
    },
  ],
  events: [
    {
      contactKey: 'sample-1',
      name: 'order.paid',
      properties: [{ key: 'orderId', value: 'DH1' }],
      after: 90,
      unit: 'minutes',
    },
    { contactKey: 'sample-1', name: ' ', properties: [], after: 1, unit: 'hours' },
  ],
  outcomes: { 'zns-reminder': { outcome: 'failed', errorCode: 'zns:-118' } },
  startAt: '2026-03-02T10:00:00+07:00',
  untilDays: 7,
};

describe('parseValue', () => {
  it('reads numbers and booleans, and keeps phone-like texts as text', () => {
    expect(parseValue('459000')).toBe(459000);
    expect(parseValue('-1.5')).toBe(-1.5);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('0912345678')).toBe('0912345678');
    expect(parseValue('Huế')).toBe('Huế');
  });
});

describe('simulationInputOf', () => {
  const input = simulationInputOf(form, abandonedCart, 'cart.abandoned');

  it('types sample contacts, with the entry event of the trigger', () => {
    expect(input.contacts[0]).toEqual({
      id: 'sample-1',
      attributes: { city: 'Huế', orders: 3, name: 'Nguyễn Thị Lan' },
      phone: '84912000001',
      zaloUserId: 'zalo-lan',
      entryEvent: { name: 'cart.abandoned', properties: { orderId: 'DH1', total: 459000 } },
    });
  });

  it('loads a workspace contact as the API does: name, external id and score beside the attributes', () => {
    expect(sampleOfWorkspaceContact(workspaceContact, ['seg-vip'])).toEqual({
      id: workspaceContact.id,
      attributes: { city: 'Đà Nẵng', name: 'Trần Minh', externalId: 'KH-9', score: 12 },
      tags: ['vip'],
      phone: '84912000002',
      email: 'minh@example.vn',
      zaloUserId: 'zalo-minh',
      doNotContact: false,
      consents: { zns: 'granted', sms: 'denied' },
      segments: ['seg-vip'],
    });
    expect(input.contacts[1]).toMatchObject({ id: workspaceContact.id, segments: ['seg-vip'] });
  });

  it('scripts events as offsets from entry, leaving out unnamed ones, and outcomes per node', () => {
    expect(input.events).toEqual([
      { contactId: 'sample-1', name: 'order.paid', properties: { orderId: 'DH1' }, at: '+90m' },
    ]);
    expect(input.outcomes).toEqual({ 'zns-reminder': { failure: 'zns:-118' } });
    expect(input.until).toBe('+7d');
    expect(input.startAt).toBe('2026-03-02T10:00:00+07:00');
  });

  it('maps each outcome choice to the simulator vocabulary', () => {
    const outcomes = (outcome: 'delivered' | 'seen' | 'sent' | 'failed', errorCode = '') =>
      simulationInputOf({ ...form, outcomes: { n: { outcome, errorCode } } }, abandonedCart, undefined)
        .outcomes;
    expect(outcomes('delivered')).toEqual({ n: 'success' });
    expect(outcomes('seen')).toEqual({ n: { success: true, receipts: ['delivered', 'seen'] } });
    expect(outcomes('sent')).toEqual({ n: { success: true, receipts: [] } });
    expect(outcomes('failed')).toEqual({ n: 'failure' });
  });

  it('is an input the engine simulator runs: the paying contact converts, the other falls back to SMS', () => {
    const result = simulate(input);
    expect(result.inputErrors).toEqual([]);
    expect(result.ok).toBe(true);
    const [paid, unpaid] = result.contacts;
    expect(paid!.path.map((step) => step.stepId)).toEqual(['start', 'wait-paid', 'exit-paid']);
    expect(unpaid!.path.map((step) => [step.stepId, step.outcome])).toEqual([
      ['start', 'entered'],
      ['wait-paid', 'timeout'],
      ['zns-reminder', 'failed'],
      ['sms-reminder', 'sent'],
      ['$exit:completed', 'exit:completed'],
    ]);
  });
});

describe('segment memberships', () => {
  const vipCheck = {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'vip',
        type: 'branch.condition',
        position: { x: 0, y: 100 },
        data: { rule: { match: 'all', rules: [{ kind: 'segment', segmentId: 'seg-vip' }] } },
      },
    ],
    edges: [{ id: 'e-start', source: 'start', sourceHandle: 'next', target: 'vip' }],
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  };

  it('takes the segment branch by the workspace contact’s real memberships and a sample’s chosen ones', () => {
    const contacts: FormContact[] = [
      { ...form.contacts[1]!, segmentIds: [] },
      {
        ...form.contacts[1]!,
        key: 'ws-member',
        source: { kind: 'workspace', contact: { ...workspaceContact, id: 'ws-member' } },
        segmentIds: ['seg-vip'],
      },
      { ...lan, key: 'sample-member', segmentIds: ['seg-vip'] },
      { ...lan, key: 'sample-outside', segmentIds: ['seg-other'] },
    ];
    const input = simulationInputOf({ ...form, contacts, events: [], outcomes: {} }, vipCheck, undefined);
    const result = simulate(input);
    expect(result.inputErrors).toEqual([]);
    expect(result.contacts.map((contact) => contact.path[1]?.outcome)).toEqual(['no', 'yes', 'yes', 'no']);
  });
});

describe('graph helpers', () => {
  it('finds the entry event and the send nodes', () => {
    expect(entryEventOf(abandonedCart)).toBe('cart.abandoned');
    expect(entryEventOf({ nodes: [{ type: 'trigger.manual', data: {} }] })).toBeUndefined();
    expect(sendNodesOf(abandonedCart).map((node) => node.id)).toEqual(['zns-reminder', 'sms-reminder']);
  });
});

describe('new contacts and suggestions', () => {
  it('starts a sample contact with the entry key to fill', () => {
    expect(newSampleContact(2, 'orderId')).toMatchObject({
      key: 'sample-2',
      source: { kind: 'sample' },
      entryProperties: [{ key: 'orderId', value: '' }],
    });
    expect(entryKeyOf(abandonedCart)).toBe('orderId');
    expect(newWorkspaceContact(workspaceContact, ['seg-vip'], undefined)).toMatchObject({
      key: workspaceContact.id,
      segmentIds: ['seg-vip'],
      entryProperties: [],
    });
  });

  it('suggests the events the graph waits for and its goal, once each', () => {
    expect(eventNamesOf(abandonedCart)).toEqual(['order.paid']);
  });
});
