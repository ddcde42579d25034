import { DateTime } from 'luxon';
import type { CampaignGraph } from '../../graph/graph.schema';
import type {
  NodeOutcomeScript,
  SampleContactInput,
  ScriptedEventInput,
} from '../../simulator/simulation-input.schema';

/** One sample contact's run through an example campaign: what it is, does and what the providers answer. */
export interface ExampleScenario {
  example: string;
  name: string;
  /** Local time (campaign timezone) at which the simulation starts, on the next day it comes. */
  startsAt: string;
  contact: SampleContactInput;
  /** Offsets from the contact's entry, e.g. +1h30m. */
  events?: Array<Omit<ScriptedEventInput, 'contactId'>>;
  outcomes?: Record<string, NodeOutcomeScript>;
  /** How the simulated journey ends, and steps it must go through (`stepId:outcome`): what the scenario covers. */
  exitReason: string;
  through?: string[];
  converted?: boolean;
  /** The send-time guards that hold a send on the way (none when absent). */
  heldBy?: string[];
  /** A change to the example for this scenario (a variant a marketer could draw). */
  variant?: (graph: CampaignGraph) => void;
  /** Records the journey's history as this replay fixture (LOA_RECORD_HISTORIES=1). */
  recordAs?: string;
}

/** The example without the trigger's entry key: a wait.event's matchEntryKey then reads the entry event itself. */
const withoutTriggerEntryKey = (graph: CampaignGraph) => {
  for (const node of graph.nodes)
    if (node.type === 'trigger.event') delete (node.data as { entryKey?: string }).entryKey;
};

const lan = {
  id: 'kh-001',
  attributes: { name: 'Nguyễn Thị Lan' },
  tags: ['newsletter'],
  phone: '0912345678',
  email: 'lan@example.vn',
  zaloUserId: '2512004185711739851',
};
const noPhone = { ...lan, phone: undefined };

const contactCreated = { name: 'contact.created', properties: { createdAt: '2026-05-18T10:00:00+07:00' } };
const cartAbandoned = {
  name: 'cart.abandoned',
  properties: { orderId: 'DH10245', total: 459000, firstItem: 'Son kem lì Loa 03' },
};
const orderPaid = (orderId = 'DH10245') => ({ name: 'order.paid', properties: { orderId, amount: 459000 } });
const orderCreated = {
  name: 'order.created',
  properties: { orderId: 'DH20001', total: 250000, createdAt: '2026-05-18T09:58:00+07:00' },
};
const codOrder = {
  name: 'order.created',
  // The OA confirmation's table shows the shipping address; Zalo refuses an empty table value.
  properties: {
    orderId: 'DH30001',
    total: 320000,
    payment_method: 'COD',
    shippingAddress: '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội',
  },
};

const { shippingAddress: _shippingAddress, ...withoutAddress } = codOrder.properties;
const codOrderWithoutAddress = { ...codOrder, properties: withoutAddress };

/** The birthday the date trigger fires on: the day after the scenario starts (the year is ignored). */
export const BIRTHDAY_IN_DAYS = 1;

/** The next moment, after `nowMs`, at local time `hhmm` in `timezone`. */
export function nextLocalTime(nowMs: number, hhmm: string, timezone: string): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  const today = DateTime.fromMillis(nowMs, { zone: timezone }).set({
    hour,
    minute,
    second: 0,
    millisecond: 0,
  });
  return (today.toMillis() > nowMs ? today : today.plus({ days: 1 })).toMillis();
}

export const exampleScenarios: ExampleScenario[] = [
  {
    example: 'welcome-series',
    name: 'a new contact gets the SMS voucher, held by Decree 91 until 07:00',
    startsAt: '23:00',
    contact: { ...lan, entryEvent: contactCreated },
    exitReason: 'completed',
    through: ['purchased:no', 'sms-voucher:sent'],
    heldBy: ['advertising_sms_window'],
  },
  {
    example: 'welcome-series',
    name: 'a buyer leaves before the voucher',
    startsAt: '10:00',
    contact: { ...lan, tags: ['purchased'], entryEvent: contactCreated },
    exitReason: 'purchased',
    through: ['purchased:yes'],
  },
  {
    example: 'welcome-series',
    name: 'a contact without phone: the ZNS is blocked, the series goes on, the SMS is blocked',
    startsAt: '10:00',
    contact: { ...noPhone, entryEvent: contactCreated },
    exitReason: 'failed',
    through: ['zns-welcome:blocked', 'email-tips:sent', 'sms-voucher:blocked'],
  },
  {
    example: 'abandoned-cart',
    name: 'pays within the 4 hours: the wait ends, and the goal counts the conversion',
    startsAt: '19:30',
    contact: { ...lan, entryEvent: cartAbandoned },
    events: [{ ...orderPaid(), at: '+1h30m' }],
    exitReason: 'converted',
    through: ['wait-paid:matched', 'exit-paid:exit:converted'],
    converted: true,
  },
  {
    example: 'abandoned-cart',
    name: 'pays another order: the goal counts it, but this cart is still reminded',
    startsAt: '19:30',
    contact: { ...lan, entryEvent: cartAbandoned },
    events: [{ ...orderPaid('DH99999'), at: '+1h' }],
    exitReason: 'completed',
    through: ['wait-paid:timeout', 'zns-reminder:sent'],
    converted: true,
  },
  {
    example: 'abandoned-cart',
    name: 'pays after the reminder: the journey has ended, no conversion of it',
    startsAt: '19:30',
    contact: { ...lan, entryEvent: cartAbandoned },
    events: [{ ...orderPaid(), at: '+6h' }],
    exitReason: 'completed',
    through: ['wait-paid:timeout', 'zns-reminder:sent'],
    converted: false,
  },
  {
    example: 'abandoned-cart',
    name: 'no Zalo account (-118): the SMS reminder',
    startsAt: '19:30',
    contact: { ...lan, entryEvent: cartAbandoned },
    outcomes: { 'zns-reminder': { failure: 'zns:-118' } },
    exitReason: 'completed',
    through: ['zns-reminder:failed', 'sms-reminder:sent'],
  },
  {
    example: 'zns-sms-fallback',
    name: 'the ZNS confirmation goes out',
    startsAt: '10:00',
    contact: { ...lan, entryEvent: orderCreated },
    exitReason: 'confirmed',
    through: ['zns-confirm:sent'],
  },
  {
    example: 'zns-sms-fallback',
    name: 'ZNS -118 then the SMS',
    startsAt: '10:00',
    contact: { ...lan, entryEvent: orderCreated },
    outcomes: { 'zns-confirm': { failure: 'zns:-118' } },
    exitReason: 'confirmed',
    through: ['zns-confirm:failed', 'sms-confirm:sent'],
  },
  {
    example: 'zns-sms-fallback',
    name: 'on the do-not-contact list: both blocked',
    startsAt: '10:00',
    contact: { ...lan, doNotContact: true, entryEvent: orderCreated },
    exitReason: 'failed',
    through: ['zns-confirm:blocked', 'sms-confirm:blocked'],
  },
  {
    example: 'cod-order-confirmation-oa',
    name: 'confirms within 24 hours',
    startsAt: '14:00',
    contact: { ...lan, entryEvent: codOrder },
    events: [{ name: 'order.confirmed', properties: { orderId: 'DH30001' }, at: '+3h' }],
    exitReason: 'confirmed',
    through: ['oa-confirm:sent', 'wait-confirmed:matched', 'mark-confirmed:updated'],
  },
  {
    example: 'cod-order-confirmation-oa',
    name: 'drawn without the trigger entry key: the wait still matches the order of the entry event',
    startsAt: '14:00',
    contact: { ...lan, entryEvent: codOrder },
    events: [
      { name: 'order.confirmed', properties: { orderId: 'DH39999' }, at: '+1h' },
      { name: 'order.confirmed', properties: { orderId: 'DH30001' }, at: '+3h' },
    ],
    variant: withoutTriggerEntryKey,
    recordAs: 'wait-key-from-entry-event',
    exitReason: 'confirmed',
    through: ['wait-confirmed:matched'],
  },
  {
    example: 'cod-order-confirmation-oa',
    name: 'an order without a shipping address: Zalo refuses the empty table value, the SMS asks instead',
    startsAt: '14:00',
    contact: { ...lan, entryEvent: codOrderWithoutAddress },
    events: [{ name: 'order.confirmed', properties: { orderId: 'DH30001' }, at: '+3h' }],
    exitReason: 'confirmed',
    through: ['oa-confirm:failed', 'sms-confirm:sent', 'wait-confirmed:matched'],
  },
  {
    example: 'cod-order-confirmation-oa',
    name: 'not a follower: SMS instead of OA, no answer, the shop is told',
    startsAt: '14:00',
    contact: { ...lan, zaloUserId: undefined, entryEvent: codOrder },
    exitReason: 'unconfirmed',
    through: ['oa-confirm:blocked', 'sms-confirm:sent', 'wait-confirmed:timeout', 'notify-shop:success'],
  },
  {
    example: 'cod-order-confirmation-oa',
    name: 'no answer and the webhook fails: the last-call SMS',
    startsAt: '14:00',
    contact: { ...lan, entryEvent: codOrder },
    outcomes: { 'notify-shop': 'failure' },
    exitReason: 'completed',
    through: ['notify-shop:failure', 'sms-last-call:sent'],
  },
  {
    example: 'birthday-voucher',
    name: 'the ZNS voucher on the birthday',
    startsAt: '10:00',
    contact: lan,
    exitReason: 'completed',
    through: ['tag-birthday:updated', 'zns-voucher:sent'],
  },
  {
    example: 'birthday-voucher',
    name: 'the ZNS fails: the SMS voucher',
    startsAt: '10:00',
    contact: lan,
    outcomes: { 'zns-voucher': 'failure' },
    exitReason: 'completed',
    through: ['zns-voucher:failed', 'sms-voucher:sent'],
  },
  {
    example: 'ab-test-zns',
    name: 'one variant, held by quiet hours until 08:00, converts meanwhile without leaving',
    startsAt: '23:30',
    contact: { ...lan, id: 'kh-001' },
    events: [{ ...orderPaid('DH1'), at: '+1h' }],
    exitReason: 'completed',
    through: ['split:variant:discount', 'zns-discount:sent'],
    heldBy: ['quiet_hours'],
    converted: true,
  },
  {
    example: 'ab-test-zns',
    name: 'the other variant fails: the failure handle is not connected',
    startsAt: '12:00',
    contact: { ...lan, id: 'kh-004' },
    outcomes: { 'zns-freeship': 'failure' },
    exitReason: 'failed',
    through: ['split:variant:freeship', 'zns-freeship:failed'],
  },
  {
    example: 'scheduled-broadcast',
    name: 'Friday 10:00: the advertising SMS and the email',
    startsAt: '10:00',
    contact: lan,
    exitReason: 'completed',
    through: ['sms-promo:sent', 'email-promo:sent'],
  },
  {
    example: 'scheduled-broadcast',
    name: 'the SMS fails, the email has no address',
    startsAt: '10:00',
    contact: { ...lan, email: undefined },
    outcomes: { 'sms-promo': { failure: 'sms:99' } },
    exitReason: 'failed',
    through: ['sms-promo:failed', 'email-promo:blocked'],
  },
];
