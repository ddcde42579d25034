import type { DemoChannels } from './demo-channels';

export const DEMO_CAMPAIGN_NAME = 'Chăm sóc sau mua (thử A/B)';
/** The conversion the campaign counts, sent through /v1/track as the shop's website would. */
export const DEMO_GOAL_EVENT = 'order_completed';
export const DEMO_WAIT_STEP = 'wait-order';
/**
 * How long a journey waits for a repeat order: longer than the whole audience takes to be sent its message (a
 * minute or two on a busy machine), so that every buyer's journey is still waiting when the seed sends the orders.
 */
export const DEMO_WAIT_MINUTES = 3;

/**
 * Zalo sends no ZNS 22:00–06:00 Vietnam time (the sandbox answers -133 and the journey would wait for 06:00), so by
 * night the first variant goes by SMS; 21:30 leaves the run's few minutes inside the window.
 */
export function znsOpenAt(now: Date): boolean {
  const vietnam = new Date(now.getTime() + 7 * 3_600_000);
  const minutes = vietnam.getUTCHours() * 60 + vietnam.getUTCMinutes();
  return minutes >= 6 * 60 && minutes < 21 * 60 + 30;
}

const position = (x: number, y: number) => ({ x, y });

/**
 * trigger.manual → A/B split: A a ZNS order confirmation (an SMS when it fails, and by night in its place), B the same
 * by e-mail → wait for a repeat order (DEMO_WAIT_MINUTES unless told otherwise, so the seed ends soon) → exit `purchased`.
 * Every send is customer care or transactional: never held by quiet hours or Decree 91's 07:00–22:00 window for
 * advertising SMS, and needing no marketing consent, so the run finishes whatever the time of day.
 */
export function demoCampaignGraph(
  channels: DemoChannels,
  options: { zns: boolean; orderDate: string; waitMinutes?: number },
) {
  const sms = {
    id: 'sms',
    type: 'send.sms',
    position: position(options.zns ? -120 : -300, 560),
    data: {
      label: options.zns ? 'SMS khi ZNS không tới' : 'SMS xác nhận',
      accountId: channels.esms,
      brandName: channels.brandname,
      text: 'Cam on {{ contact.name }} da mua hang tai Shop Loa. Don hang cua ban dang duoc giao.',
      purpose: 'care',
    },
  };
  const zns = {
    id: 'zns',
    type: 'send.zns',
    position: position(-300, 380),
    data: {
      label: 'ZNS xác nhận đơn',
      accountId: channels.zaloOa,
      templateId: '300001',
      params: {
        customer_name: '{{ contact.name }}',
        order_code: 'DH-{{ contact.externalId }}',
        amount: '459000',
        order_date: options.orderDate,
      },
      purpose: 'transactional',
    },
  };
  const email = {
    id: 'email',
    type: 'send.email',
    position: position(300, 380),
    data: {
      label: 'E-mail xác nhận đơn',
      accountId: channels.smtp,
      from: { email: 'news@shop-loa.vn', name: 'Shop Loa' },
      subject: 'Cảm ơn {{ contact.name }} đã mua hàng',
      html: '<p>Chào {{ contact.name }},</p><p>Đơn hàng của bạn đang được giao. Cảm ơn bạn đã mua hàng tại Shop Loa!</p>',
      text: 'Chào {{ contact.name }}, đơn hàng của bạn đang được giao. Cảm ơn bạn đã mua hàng tại Shop Loa!',
      purpose: 'transactional',
    },
  };
  const first = options.zns ? zns : sms;
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: position(0, 0), data: { label: 'Khách vừa mua' } },
      {
        id: 'split',
        type: 'branch.split',
        position: position(0, 180),
        data: {
          label: 'Thử A/B',
          variants: [
            { id: 'a', label: options.zns ? 'ZNS' : 'SMS', weight: 50 },
            { id: 'b', label: 'E-mail', weight: 50 },
          ],
        },
      },
      ...(options.zns ? [zns, sms] : [sms]),
      email,
      {
        id: DEMO_WAIT_STEP,
        type: 'wait.event',
        position: position(0, 760),
        data: {
          label: 'Chờ đơn tiếp theo',
          event: DEMO_GOAL_EVENT,
          timeout: { amount: options.waitMinutes ?? DEMO_WAIT_MINUTES, unit: 'minutes' },
        },
      },
      {
        id: 'exit',
        type: 'flow.exit',
        position: position(0, 940),
        data: { label: 'Mua lại', reason: 'purchased' },
      },
    ],
    edges: [
      { id: 'e-start', source: 'start', sourceHandle: 'next', target: 'split' },
      { id: 'e-a', source: 'split', sourceHandle: 'a', target: first.id },
      { id: 'e-b', source: 'split', sourceHandle: 'b', target: 'email' },
      ...(options.zns
        ? [
            { id: 'e-zns', source: 'zns', sourceHandle: 'success', target: DEMO_WAIT_STEP },
            { id: 'e-fallback', source: 'zns', sourceHandle: 'failure', target: 'sms' },
          ]
        : []),
      { id: 'e-sms', source: 'sms', sourceHandle: 'success', target: DEMO_WAIT_STEP },
      { id: 'e-email', source: 'email', sourceHandle: 'success', target: DEMO_WAIT_STEP },
      { id: 'e-bought', source: DEMO_WAIT_STEP, sourceHandle: 'matched', target: 'exit' },
    ],
    settings: {
      timezone: 'Asia/Ho_Chi_Minh',
      goal: { event: DEMO_GOAL_EVENT, window: { amount: 1, unit: 'days' }, exitOnGoal: false },
    },
  };
}
