import { parseCampaignGraph, type GraphNodeInput } from '../../graph/graph.schema';
import type { CampaignSettingsInput } from '../../graph/settings.schema';
import { buildPlan } from '../../plan/build-plan';
import type { Plan } from '../../plan/plan.types';
import { znsWithSmsFallbackGraph } from '../../testing/sample-graphs';

type NodeOf<T extends GraphNodeInput['type']> = Extract<GraphNodeInput, { type: T }>;
/** A node without its position: `[id, type, data]`. */
export type NodeSpec = {
  [T in GraphNodeInput['type']]: [id: string, type: T, data: NodeOf<T>['data']];
}[GraphNodeInput['type']];
/** An edge: `[source, handle, target]`. */
export type EdgeSpec = [source: string, handle: string, target: string];

let planCounter = 0;

/** Compiles a small graph into a plan; the first node is the trigger (a manual one when none is given). */
export function planOf(spec: {
  nodes: NodeSpec[];
  edges: EdgeSpec[];
  settings?: CampaignSettingsInput;
  campaignId?: string;
}): Plan {
  const hasTrigger = spec.nodes[0]?.[1].startsWith('trigger.');
  const nodes: NodeSpec[] = hasTrigger ? spec.nodes : [['start', 'trigger.manual', {}], ...spec.nodes];
  const edges: EdgeSpec[] = hasTrigger ? spec.edges : [['start', 'next', spec.nodes[0][0]], ...spec.edges];
  const graph = parseCampaignGraph({
    schemaVersion: 1,
    nodes: nodes.map(([id, type, data], index) => ({ id, type, data, position: { x: 0, y: index * 100 } })),
    edges: edges.map(([source, sourceHandle, target], index) => ({
      id: `e${index}`,
      source,
      sourceHandle,
      target,
    })),
    settings: spec.settings ?? {},
  });
  planCounter += 1;
  return buildPlan(graph, { campaignId: spec.campaignId ?? `campaign-${planCounter}`, versionId: 'v1' });
}

export const smsNode = (id: string, purpose: 'care' | 'otp' | 'advertising' = 'care'): NodeSpec => [
  id,
  'send.sms',
  { accountId: 'esms', brandName: 'LOASHOP', text: `Tin nhắn ${id}`, purpose },
];

export const znsNode = (id: string, purpose: 'care' | 'advertising' = 'care'): NodeSpec => [
  id,
  'send.zns',
  { accountId: 'oa-main', templateId: '231456', params: { name: '{{ contact.name }}' }, purpose },
];

export const emailNode = (id: string, purpose: 'transactional' | 'advertising' = 'advertising'): NodeSpec => [
  id,
  'send.email',
  {
    accountId: 'smtp',
    from: { email: 'shop@example.com' },
    subject: 'Ưu đãi',
    html: '<p>Xin chào</p>',
    text: 'Xin chào',
    purpose,
  },
];

/** Welcome series: ZNS welcome, three days, VIP email offer or care SMS, two days, exit. */
export function welcomeSeriesPlan(): Plan {
  return planOf({
    nodes: [
      ['start', 'trigger.segment', { segmentId: 'new-customers' }],
      znsNode('welcome'),
      ['wait3d', 'wait.delay', { amount: 3, unit: 'days' }],
      [
        'isVip',
        'branch.condition',
        { rule: { match: 'all', rules: [{ kind: 'tag', tag: 'vip', has: true }] } },
      ],
      emailNode('vipOffer'),
      smsNode('careSms'),
      ['wait2d', 'wait.delay', { amount: 2, unit: 'days' }],
      ['done', 'flow.exit', { reason: 'welcomed' }],
    ],
    edges: [
      ['start', 'next', 'welcome'],
      ['welcome', 'success', 'wait3d'],
      ['wait3d', 'next', 'isVip'],
      ['isVip', 'yes', 'vipOffer'],
      ['isVip', 'no', 'careSms'],
      ['vipOffer', 'success', 'wait2d'],
      ['careSms', 'success', 'wait2d'],
      ['wait2d', 'next', 'done'],
    ],
  });
}

/** Abandoned order: an hour, a ZNS reminder, then wait a day for this order's order.paid. */
export function abandonedOrderPlan(settings: CampaignSettingsInput = {}): Plan {
  return planOf({
    nodes: [
      ['start', 'trigger.event', { event: 'order.created', entryKey: 'orderId' }],
      ['wait1h', 'wait.delay', { amount: 1, unit: 'hours' }],
      znsNode('reminder'),
      [
        'paid',
        'wait.event',
        { event: 'order.paid', matchEntryKey: 'orderId', timeout: { amount: 1, unit: 'days' } },
      ],
      ['thanks', 'flow.exit', { reason: 'paid' }],
      smsNode('lastCall'),
      ['gaveUp', 'flow.exit', { reason: 'not_paid' }],
    ],
    edges: [
      ['start', 'next', 'wait1h'],
      ['wait1h', 'next', 'reminder'],
      ['reminder', 'success', 'paid'],
      ['paid', 'matched', 'thanks'],
      ['paid', 'timeout', 'lastCall'],
      ['lastCall', 'success', 'gaveUp'],
    ],
    settings,
  });
}

/** The canonical ZNS-then-SMS fallback of DESIGN §3 (the shared sample graph). */
export function znsSmsFallbackPlan(): Plan {
  planCounter += 1;
  return buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), {
    campaignId: `campaign-${planCounter}`,
    versionId: 'v1',
  });
}

/** A/B split: variant a gets ZNS, variant b SMS. */
export function abSplitPlan(): Plan {
  return planOf({
    nodes: [
      [
        'split',
        'branch.split',
        {
          variants: [
            { id: 'a', weight: 50 },
            { id: 'b', weight: 50 },
          ],
        },
      ],
      znsNode('variantA'),
      smsNode('variantB'),
      ['done', 'flow.exit', { reason: 'sent' }],
    ],
    edges: [
      ['split', 'a', 'variantA'],
      ['split', 'b', 'variantB'],
      ['variantA', 'success', 'done'],
      ['variantB', 'success', 'done'],
    ],
  });
}

/** trigger → one send → exit: the fast path. */
export function singleSendPlan(
  purpose: 'care' | 'advertising' = 'care',
  settings: CampaignSettingsInput = {},
): Plan {
  return planOf({
    nodes: [smsNode('send', purpose), ['done', 'flow.exit', { reason: 'sent' }]],
    edges: [['send', 'success', 'done']],
    settings,
  });
}

/** A reminder, then a wait for the payment (a day unless said): paid contacts exit, the others get a last SMS. */
export function waitForPaymentPlan(
  timeout: { amount: number; unit: 'minutes' | 'days' } = { amount: 1, unit: 'days' },
): Plan {
  return planOf({
    nodes: [
      znsNode('remind'),
      ['paid', 'wait.event', { event: 'order.paid', timeout }],
      ['thanks', 'flow.exit', { reason: 'paid' }],
      smsNode('lastCall'),
      ['gaveUp', 'flow.exit', { reason: 'not_paid' }],
    ],
    edges: [
      ['remind', 'success', 'paid'],
      ['paid', 'matched', 'thanks'],
      ['paid', 'timeout', 'lastCall'],
      ['lastCall', 'success', 'gaveUp'],
    ],
  });
}
