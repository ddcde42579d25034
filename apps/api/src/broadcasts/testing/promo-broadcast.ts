import type { defaultSeed } from '@loa/provider-sandbox';

type ZnsTemplateSeed = ReturnType<typeof defaultSeed>['zalo'][number]['oas'][number]['templates'][number];

/** An approved promotional ZNS template, added to the sandbox OA's seed. */
export const PROMO_TEMPLATE: ZnsTemplateSeed = {
  templateId: '300020',
  templateName: 'Khuyến mãi cuối tuần',
  status: 'ENABLE',
  templateTag: 'PROMOTION',
  price: '300',
  params: ['customer_name', 'promo_code'].map((name) => ({
    name,
    type: 'STRING',
    require: true,
    maxLength: 40,
    minLength: 0,
    acceptNull: false,
  })),
};

/** A campaign sending one advertising ZNS (`promo`) to its trigger's audience, then leaving. */
export function promoGraph(input: {
  znsAccountId: string;
  trigger: { type: string; data?: Record<string, unknown> };
  settings?: Record<string, unknown>;
}) {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'start',
        type: input.trigger.type,
        position: { x: 0, y: 0 },
        data: { label: 'Bắt đầu', ...input.trigger.data },
      },
      {
        id: 'promo',
        type: 'send.zns',
        position: { x: 0, y: 150 },
        data: {
          label: 'ZNS khuyến mãi',
          accountId: input.znsAccountId,
          templateId: PROMO_TEMPLATE.templateId,
          params: { customer_name: '{{ contact.name }}', promo_code: 'CUOITUAN' },
          purpose: 'advertising',
        },
      },
    ],
    edges: [{ id: 'e-start-promo', source: 'start', sourceHandle: 'next', target: 'promo' }],
    settings: { timezone: 'Asia/Ho_Chi_Minh', ...input.settings },
  };
}
