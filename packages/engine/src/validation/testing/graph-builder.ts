import type { NodeType } from '../../graph/node-catalogue';
import type { ValidationContext } from '../diagnostics';

/** A valid config of every node type, for tests to start from and break. */
export const sampleData: Record<NodeType, Record<string, unknown>> = {
  'trigger.event': { event: 'order.created', entryKey: 'orderId' },
  'trigger.segment': { segmentId: 'vip' },
  'trigger.schedule': { audience: { kind: 'all' }, schedule: { kind: 'recurring', cron: '0 9 * * 1' } },
  'trigger.date': { attribute: 'birthday', offsetDays: 0, timeOfDay: '09:00' },
  'trigger.manual': {},
  'wait.delay': { amount: 2, unit: 'hours' },
  'wait.until': { until: { kind: 'time_of_day', time: '09:00', weekdays: [1, 2, 3, 4, 5] } },
  'wait.event': { event: 'order.paid', matchEntryKey: 'orderId', timeout: { amount: 3, unit: 'days' } },
  'branch.condition': {
    rule: {
      match: 'all',
      rules: [{ kind: 'attribute', field: 'attributes.city', operator: 'equals', value: 'HN' }],
    },
  },
  'branch.split': {
    variants: [
      { id: 'a', weight: 50 },
      { id: 'b', weight: 50 },
    ],
  },
  'send.zns': {
    accountId: 'oa-main',
    templateId: '231456',
    params: { customer_name: '{{ contact.name }}', order_code: '{{ event.orderId }}' },
  },
  'send.oa': {
    accountId: 'oa-main-msg',
    kind: 'consultation',
    message: { type: 'text', text: 'Chào {{ contact.name }}' },
  },
  'send.sms': {
    accountId: 'esms',
    brandName: 'LOASHOP',
    text: 'Don hang {{ event.orderId }} da duoc xac nhan',
    purpose: 'care',
  },
  'send.email': {
    accountId: 'ses',
    from: { email: 'shop@example.com', name: 'Loa Shop' },
    subject: 'Cảm ơn {{ contact.name }}',
    html: '<p>Xin chào {{ contact.name }}</p>',
    text: 'Xin chào {{ contact.name }}',
    purpose: 'transactional',
  },
  'contact.update': { set: { 'attributes.lastOrder': '{{ event.orderId }}' }, addTags: ['buyer'] },
  'http.request': {
    method: 'POST',
    url: 'https://example.com/hooks/{{ contact.id }}',
    headers: [{ kind: 'value', name: 'X-Order', value: '{{ event.orderId }}' }],
    body: '{"phone": "{{ contact.phone }}"}',
  },
  'flow.exit': { reason: 'completed' },
};

/** The workspace the sample data belongs to: every account, template and field it uses exists. */
export function sampleContext(): Required<ValidationContext> {
  return {
    accounts: {
      'oa-main': { channel: 'zns', name: 'Loa Shop ZNS', published: true },
      'oa-main-msg': { channel: 'oa', name: 'Loa Shop OA', published: true },
      esms: { channel: 'sms', name: 'eSMS', published: true },
      ses: { channel: 'email', name: 'SES', published: true },
    },
    znsTemplates: {
      '231456': {
        name: 'Xác nhận đơn hàng',
        params: [
          { name: 'customer_name', required: true, maxLength: 30 },
          { name: 'order_code', required: true, maxLength: 20 },
          { name: 'note', required: false, maxLength: 10 },
        ],
      },
    },
    contactFields: ['id', 'name', 'phone', 'email', 'birthday', 'attributes.city', 'attributes.lastOrder'],
    segmentIds: ['vip'],
    eventNames: ['order.created', 'order.paid'],
  };
}

export interface TestNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: Record<string, unknown>;
}

export interface TestEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

export interface TestGraph {
  schemaVersion: number;
  nodes: TestNode[];
  edges: TestEdge[];
  settings?: Record<string, unknown>;
}

/** Builds graphs for tests: nodes start from sampleData, overrides replace top-level data fields. */
export class GraphBuilder {
  private readonly nodes: TestNode[] = [];
  private readonly edges: TestEdge[] = [];
  private settings?: Record<string, unknown>;

  node(id: string, type: NodeType | string, data: Record<string, unknown> = {}): this {
    const base = (sampleData as Record<string, Record<string, unknown>>)[type] ?? {};
    this.nodes.push({
      id,
      type,
      position: { x: 0, y: this.nodes.length * 120 },
      data: { ...structuredClone(base), ...data },
    });
    return this;
  }

  edge(
    source: string,
    sourceHandle: string,
    target: string,
    id = `${source}-${sourceHandle}-${target}`,
  ): this {
    this.edges.push({ id, source, sourceHandle, target });
    return this;
  }

  /** Connects the nodes in order through "next". */
  chain(...ids: string[]): this {
    for (let i = 0; i + 1 < ids.length; i++) this.edge(ids[i], 'next', ids[i + 1]);
    return this;
  }

  withSettings(settings: Record<string, unknown>): this {
    this.settings = settings;
    return this;
  }

  build(): TestGraph {
    const graph: TestGraph = {
      schemaVersion: 1,
      nodes: structuredClone(this.nodes),
      edges: structuredClone(this.edges),
    };
    if (this.settings !== undefined) graph.settings = structuredClone(this.settings);
    return graph;
  }
}

export function graphBuilder(): GraphBuilder {
  return new GraphBuilder();
}

/** A small valid campaign: event trigger, ZNS with SMS fallback, wait for payment, then exit or a reminder. */
export function validGraph(): TestGraph {
  return graphBuilder()
    .node('start', 'trigger.event')
    .node('zns', 'send.zns', { label: 'Xác nhận đơn' })
    .node('sms', 'send.sms', { label: 'SMS dự phòng' })
    .node('paid', 'wait.event', { label: 'Chờ thanh toán' })
    .node('done', 'flow.exit')
    .node('remind', 'send.email', { label: 'Nhắc thanh toán' })
    .node('lost', 'flow.exit', { reason: 'not_paid' })
    .edge('start', 'next', 'zns')
    .edge('zns', 'success', 'paid')
    .edge('zns', 'failure', 'sms')
    .edge('sms', 'success', 'paid')
    .edge('paid', 'matched', 'done')
    .edge('paid', 'timeout', 'remind')
    .edge('remind', 'success', 'lost')
    .build();
}

/** One node of every type, all reachable from a schedule trigger, with no problem at all. */
export function everyTypeGraph(): TestGraph {
  return graphBuilder()
    .node('start', 'trigger.schedule', { label: 'Thứ Hai hằng tuần' })
    .node('delay', 'wait.delay')
    .node('until', 'wait.until')
    .node('split', 'branch.split')
    .node('zns', 'send.zns')
    .node('oa', 'send.oa')
    .node('sms', 'send.sms')
    .node('email', 'send.email')
    .node('check', 'branch.condition', {
      rule: {
        match: 'any',
        rules: [
          { kind: 'send_outcome', nodeId: 'zns', outcome: 'delivered' },
          { match: 'all', rules: [{ kind: 'tag', tag: 'vip' }] },
        ],
      },
    })
    .node('update', 'contact.update')
    .node('hook', 'http.request')
    .node('wait', 'wait.event')
    .node('exit', 'flow.exit')
    .chain('start', 'delay', 'until', 'split')
    .edge('split', 'a', 'zns')
    .edge('split', 'b', 'oa')
    .edge('zns', 'failure', 'sms')
    .edge('zns', 'success', 'check')
    .edge('oa', 'success', 'email')
    .edge('check', 'yes', 'update')
    .edge('check', 'no', 'hook')
    .edge('update', 'next', 'wait')
    .edge('wait', 'timeout', 'exit')
    .withSettings({ timezone: 'Asia/Ho_Chi_Minh', quietHours: { start: '21:00', end: '08:00' } })
    .build();
}
