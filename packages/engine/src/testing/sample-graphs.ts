import type { CampaignGraphInput } from '../graph/graph.schema';

/** The canonical Vietnamese pattern: ZNS first, SMS when ZNS fails (DESIGN §3). */
export function znsWithSmsFallbackGraph(): CampaignGraphInput {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'start',
        type: 'trigger.event',
        position: { x: 0, y: 0 },
        data: { label: 'Order created', event: 'order.created', entryKey: 'orderId' },
      },
      {
        id: 'zns',
        type: 'send.zns',
        position: { x: 0, y: 120 },
        data: {
          label: 'ZNS confirmation',
          accountId: 'oa-main',
          templateId: '231456',
          params: { customer_name: '{{ contact.name }}', order_code: '{{ event.orderId }}' },
        },
      },
      {
        id: 'sms',
        type: 'send.sms',
        position: { x: 240, y: 120 },
        data: {
          label: 'SMS fallback',
          accountId: 'esms',
          brandName: 'LOASHOP',
          text: 'Don hang {{ event.orderId }} da duoc xac nhan',
          purpose: 'care',
        },
      },
      { id: 'wait', type: 'wait.delay', position: { x: 0, y: 240 }, data: { amount: 2, unit: 'days' } },
      {
        id: 'split',
        type: 'branch.split',
        position: { x: 0, y: 360 },
        data: {
          variants: [
            { id: 'a', weight: 50 },
            { id: 'b', weight: 50 },
          ],
        },
      },
      { id: 'done', type: 'flow.exit', position: { x: 0, y: 480 }, data: { reason: 'thanked' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns' },
      { id: 'e2', source: 'zns', sourceHandle: 'success', target: 'wait' },
      { id: 'e3', source: 'zns', sourceHandle: 'failure', target: 'sms' },
      { id: 'e4', source: 'sms', sourceHandle: 'success', target: 'wait' },
      { id: 'e5', source: 'wait', sourceHandle: 'next', target: 'split' },
      { id: 'e6', source: 'split', sourceHandle: 'a', target: 'done' },
    ],
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  };
}
