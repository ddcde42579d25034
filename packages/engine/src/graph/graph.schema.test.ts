import { campaignGraphSchema, type GraphNode } from './graph.schema';
import { campaignGraphJsonSchema } from './json-schema';
import { handlesOf, nodeCatalogue, nodeTypes } from './node-catalogue';

const znsWithSmsFallback = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'start',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      data: { event: 'order.created', entryKey: 'orderId' },
    },
    {
      id: 'zns',
      type: 'send.zns',
      position: { x: 0, y: 100 },
      data: { accountId: 'oa-main', templateId: '231456', params: { customer_name: '{{ contact.name }}' } },
    },
    {
      id: 'sms',
      type: 'send.sms',
      position: { x: 200, y: 100 },
      data: {
        accountId: 'esms',
        brandName: 'LOASHOP',
        text: 'Don hang {{ event.orderId }}',
        purpose: 'care',
      },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns' },
    { id: 'e2', source: 'zns', sourceHandle: 'failure', target: 'sms' },
  ],
};

describe('campaign graph schema', () => {
  it('parses a graph and fills defaults (settings, ZNS mode and purpose)', () => {
    const graph = campaignGraphSchema.parse(znsWithSmsFallback);
    expect(graph.settings.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(graph.settings.reEntry).toEqual({ mode: 'never' });
    const zns = graph.nodes[1] as GraphNode;
    expect(zns.type === 'send.zns' && zns.data.mode).toBe('normal');
    expect(zns.type === 'send.zns' && zns.data.purpose).toBe('care');
  });

  it('names the offending field of a node config', () => {
    const broken = structuredClone(znsWithSmsFallback);
    (broken.nodes[1].data as { templateId: string }).templateId = 'abc';
    const result = campaignGraphSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['nodes', 1, 'data', 'templateId']);
  });

  it('offers the handles of DESIGN §3', () => {
    expect(
      handlesOf(
        'send.zns',
        nodeCatalogue['send.zns'].schema.parse({ accountId: 'a', templateId: '1', params: {} }),
      ),
    ).toEqual(['success', 'failure']);
    expect(
      handlesOf(
        'branch.split',
        nodeCatalogue['branch.split'].schema.parse({
          variants: [
            { id: 'a', weight: 50 },
            { id: 'b', weight: 50 },
          ],
        }),
      ),
    ).toEqual(['a', 'b']);
    expect(handlesOf('flow.exit', { reason: 'done' })).toEqual([]);
  });

  it('knows every node type of the catalogue', () => {
    expect(nodeTypes).toEqual([
      'trigger.event',
      'trigger.segment',
      'trigger.schedule',
      'trigger.date',
      'trigger.manual',
      'wait.delay',
      'wait.until',
      'wait.event',
      'branch.condition',
      'branch.split',
      'send.zns',
      'send.oa',
      'send.sms',
      'send.email',
      'contact.update',
      'http.request',
      'flow.exit',
    ]);
  });

  it('exports a JSON Schema that describes every node type', () => {
    const schema = JSON.stringify(campaignGraphJsonSchema());
    for (const type of nodeTypes) expect(schema).toContain(`"${type}"`);
    expect(schema).toContain('"schemaVersion"');
  });
});
