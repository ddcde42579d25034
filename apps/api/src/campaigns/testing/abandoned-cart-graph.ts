import type { defaultSeed } from '@loa/provider-sandbox';

type ZnsTemplateSeed = ReturnType<typeof defaultSeed>['zalo'][number]['oas'][number]['templates'][number];

/** An approved ZNS template for the cart reminder, added to the sandbox OA's seed. */
export const CART_TEMPLATE: ZnsTemplateSeed = {
  templateId: '300010',
  templateName: 'Nhắc giỏ hàng',
  status: 'ENABLE',
  templateTag: 'CUSTOMER_CARE',
  price: '300',
  params: ['customer_name', 'order_code', 'cart_total', 'product_name'].map((name) => ({
    name,
    type: 'STRING',
    require: true,
    maxLength: 30,
    minLength: 0,
    acceptNull: false,
  })),
};

/**
 * packages/engine/examples/abandoned-cart.json on the workspace's accounts and the template above, its wait cut to
 * the schema's shortest (one minute) so a test on the dev server's real clock sees the timeout.
 */
export function abandonedCartGraph(accounts: { znsAccountId: string; smsAccountId: string }) {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'start',
        type: 'trigger.event',
        position: { x: 0, y: 0 },
        data: { label: 'Bỏ quên giỏ hàng', event: 'cart.abandoned', entryKey: 'orderId' },
      },
      {
        id: 'wait-paid',
        type: 'wait.event',
        position: { x: 0, y: 150 },
        data: {
          label: 'Chờ thanh toán',
          event: 'order.paid',
          matchEntryKey: 'orderId',
          timeout: { amount: 1, unit: 'minutes' },
        },
      },
      {
        id: 'exit-paid',
        type: 'flow.exit',
        position: { x: -250, y: 300 },
        data: { label: 'Đã thanh toán', reason: 'converted' },
      },
      {
        id: 'zns-reminder',
        type: 'send.zns',
        position: { x: 250, y: 300 },
        data: {
          label: 'ZNS nhắc giỏ hàng',
          accountId: accounts.znsAccountId,
          templateId: CART_TEMPLATE.templateId,
          params: {
            customer_name: '{{ contact.name }}',
            order_code: '{{ event.orderId }}',
            cart_total: '{{ event.total | default: 0 }}đ',
            product_name: '{{ event.firstItem }}',
          },
          purpose: 'care',
        },
      },
      {
        id: 'sms-reminder',
        type: 'send.sms',
        position: { x: 500, y: 450 },
        data: {
          label: 'SMS nhắc giỏ hàng',
          accountId: accounts.smsAccountId,
          brandName: 'SANDBOX',
          text: 'SANDBOX: Don hang {{ event.orderId }} cua ban van dang cho thanh toan. Hoan tat tai loashop.vn/gio-hang',
          purpose: 'care',
        },
      },
    ],
    edges: [
      { id: 'e-start-next', source: 'start', sourceHandle: 'next', target: 'wait-paid' },
      { id: 'e-wait-paid-matched', source: 'wait-paid', sourceHandle: 'matched', target: 'exit-paid' },
      { id: 'e-wait-paid-timeout', source: 'wait-paid', sourceHandle: 'timeout', target: 'zns-reminder' },
      {
        id: 'e-zns-reminder-failure',
        source: 'zns-reminder',
        sourceHandle: 'failure',
        target: 'sms-reminder',
      },
    ],
    settings: {
      timezone: 'Asia/Ho_Chi_Minh',
      reEntry: { mode: 'always' },
      goal: { event: 'order.paid', window: { amount: 3, unit: 'days' }, exitOnGoal: true },
    },
  };
}
