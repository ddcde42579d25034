import { single, withCode } from './testing/diagnostic-helpers';
import { graphBuilder } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

/** A trigger followed by the node under test, so that only its own problems show. */
function withNode(type: string, data: Record<string, unknown>, replace = false) {
  const graph = graphBuilder()
    .node('start', 'trigger.manual')
    .node('step', type, data)
    .edge('start', 'next', 'step')
    .build();
  if (replace) graph.nodes[1].data = data;
  return validateGraph(graph);
}

describe('validateGraph: INVALID_CONFIG', () => {
  it('names the node by its label and the field in words', () => {
    const { text: _omitted, ...data } = {
      ...(graphBuilder().node('x', 'send.sms').build().nodes[0].data as object),
    } as Record<string, unknown>;
    const diagnostics = withNode('send.sms', { ...data, label: 'Nhắc thanh toán' }, true);
    expect(single(diagnostics, 'INVALID_CONFIG')).toEqual({
      severity: 'error',
      code: 'INVALID_CONFIG',
      message: 'Send SMS “Nhắc thanh toán”: the text is required.',
      nodeId: 'step',
      path: 'nodes[1].data.text',
    });
  });

  it('uses the catalogue title and id when the node has no label', () => {
    expect(single(withNode('send.zns', { templateId: 'abc' }), 'INVALID_CONFIG')).toMatchObject({
      message: 'Send Zalo ZNS (step): the template must be the numeric template id Zalo issued.',
      path: 'nodes[1].data.templateId',
    });
  });

  it('reports one diagnostic per problem', () => {
    const diagnostics = withNode('send.sms', { brandName: 'LOASHOP-VIETNAM', purpose: 'spam', text: '' });
    expect(withCode(diagnostics, 'INVALID_CONFIG').map((d) => [d.path, d.message])).toEqual([
      ['nodes[1].data.brandName', 'Send SMS (step): brand names are at most 11 characters (the brand name).'],
      ['nodes[1].data.text', 'Send SMS (step): the text must not be empty.'],
      [
        'nodes[1].data.purpose',
        'Send SMS (step): the message purpose must be one of: care, otp, advertising.',
      ],
    ]);
  });

  it('describes list items and nested fields', () => {
    const diagnostics = withNode('branch.split', {
      label: 'Thử A/B',
      variants: [
        { id: 'a', weight: 150 },
        { id: 'b', weight: 50 },
      ],
    });
    expect(single(diagnostics, 'INVALID_CONFIG')).toMatchObject({
      message: 'A/B split “Thử A/B”: the weight of variant 1 must be at most 100.',
      path: 'nodes[1].data.variants[0].weight',
    });
    expect(
      single(withNode('wait.event', { timeout: { amount: 0, unit: 'days' } }), 'INVALID_CONFIG'),
    ).toMatchObject({
      message: 'Wait for an event (step): the amount of time of the timeout must be greater than 0.',
      path: 'nodes[1].data.timeout.amount',
    });
  });

  it('explains a wrong kind in a discriminated union at the discriminator', () => {
    expect(single(withNode('send.oa', { message: { type: 'video' } }), 'INVALID_CONFIG')).toMatchObject({
      message:
        'Send Zalo OA message (step): the message type of the message must be one of: text, image, request_user_info, transaction.',
      path: 'nodes[1].data.message.type',
    });
  });

  it('follows the closest option of a rule tree union', () => {
    const diagnostics = withNode('branch.condition', {
      rule: {
        match: 'all',
        rules: [
          { kind: 'tag', tag: 'vip' },
          { match: 'any', rules: [{ kind: 'attribute', field: 'city' }] },
        ],
      },
    });
    expect(single(diagnostics, 'INVALID_CONFIG')).toMatchObject({
      path: 'nodes[1].data.rule.rules[1].rules[0].operator',
      message: expect.stringContaining('the comparison of rule 1 is required'),
    });
  });

  it('uses keys of records in paths and messages', () => {
    const diagnostics = withNode('send.zns', { params: { 'customer name': 42 } });
    expect(single(diagnostics, 'INVALID_CONFIG')).toMatchObject({
      message: 'Send Zalo ZNS (step): the template parameter “customer name” must be text.',
      path: 'nodes[1].data.params["customer name"]',
    });
  });

  it('reports missing or damaged settings of a node at its data', () => {
    expect(single(withNode('wait.delay', 'soon' as never, true), 'INVALID_CONFIG')).toMatchObject({
      message: 'Wait for a while (step): its settings are damaged.',
      path: 'nodes[1].data',
    });
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('step', 'wait.delay')
      .edge('start', 'next', 'step')
      .build();
    delete (graph.nodes[1] as { data?: unknown }).data;
    expect(single(validateGraph(graph), 'INVALID_CONFIG')).toMatchObject({
      message: 'Wait for a while (step): its settings are missing.',
      path: 'nodes[1].data',
    });
  });

  it('reports a rule of the whole config without a field', () => {
    expect(single(withNode('contact.update', { set: {}, addTags: [] }), 'INVALID_CONFIG')).toMatchObject({
      message:
        'Update contact (step): change at least one thing: an attribute, a tag, the score or do-not-contact.',
      path: 'nodes[1].data',
    });
  });

  it('reports an unknown time zone of a scheduled trigger', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.schedule', { label: 'Mỗi sáng', timezone: 'Saigon' })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'exit')
      .build();
    expect(single(validateGraph(graph), 'INVALID_CONFIG')).toEqual({
      severity: 'error',
      code: 'INVALID_CONFIG',
      params: { timezone: 'Saigon' },
      message:
        'On a schedule “Mỗi sáng”: “Saigon” is not a known time zone. Pick one such as Asia/Ho_Chi_Minh.',
      nodeId: 'start',
      path: 'nodes[0].data.timezone',
    });
  });

  it('survives a rule tree nested too deeply for the schema', () => {
    let group: Record<string, unknown> = { match: 'all', rules: [{ kind: 'tag', tag: 'vip' }] };
    for (let depth = 0; depth < 20_000; depth++) group = { match: 'all', rules: [group] };
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('step', 'branch.condition')
      .edge('start', 'next', 'step')
      .build();
    graph.nodes[1].data = { rule: group };
    const diagnostics = validateGraph(graph);
    expect(withCode(diagnostics, 'VALIDATION_INCOMPLETE')).toEqual([]);
    expect(withCode(diagnostics, 'INVALID_CONFIG')[0]).toMatchObject({ nodeId: 'step' });
  });
});
