import { withCode } from './testing/diagnostic-helpers';
import { graphBuilder } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

describe('validateGraph: segments and event names of the workspace', () => {
  const graph = graphBuilder()
    .node('start', 'trigger.event', { label: 'Giỏ hàng', event: 'cart.abandonned' })
    .node('paid', 'wait.event', { event: 'order.paid', timeout: { amount: 1, unit: 'days' } })
    .node('check', 'branch.condition', {
      rule: {
        match: 'all',
        rules: [
          { kind: 'segment', segmentId: 'gone' },
          { kind: 'event_seen', event: 'order.payed', withinDays: 30 },
        ],
      },
    })
    .chain('start', 'paid', 'check')
    .build();
  const context = { segmentIds: ['vip'], eventNames: ['order.paid', 'cart.abandoned'] };

  it('reports a segment that does not exist as an error, at its field', () => {
    const diagnostics = withCode(validateGraph(graph, context), 'SEGMENT_UNKNOWN');
    expect(diagnostics.map((d) => [d.severity, d.nodeId, d.path])).toEqual([
      ['error', 'check', 'nodes[2].data.rule.rules[0].segmentId'],
    ]);
  });

  it('warns about event names the workspace has never received', () => {
    const diagnostics = withCode(validateGraph(graph, context), 'EVENT_NEVER_SEEN');
    expect(diagnostics.map((d) => [d.severity, d.nodeId, d.path])).toEqual([
      ['warning', 'start', 'nodes[0].data.event'],
      ['warning', 'check', 'nodes[2].data.rule.rules[1].event'],
    ]);
    expect(diagnostics[0]?.message).toContain('“cart.abandonned”');
  });

  it('checks the segment of a trigger and of a schedule audience, and the goal event', () => {
    const triggered = graphBuilder()
      .node('start', 'trigger.segment', { segmentId: 'gone' })
      .node('exit', 'flow.exit')
      .chain('start', 'exit')
      .build();
    expect(withCode(validateGraph(triggered, context), 'SEGMENT_UNKNOWN')).toHaveLength(1);
    const scheduled = graphBuilder()
      .node('start', 'trigger.schedule', {
        audience: { kind: 'segment', segmentId: 'gone' },
        schedule: { kind: 'once', at: '2026-12-24T09:00' },
      })
      .node('exit', 'flow.exit')
      .chain('start', 'exit')
      .build();
    const withGoal = {
      ...scheduled,
      settings: { goal: { event: 'nope', window: { amount: 1, unit: 'days' } } },
    };
    const diagnostics = validateGraph(withGoal, context);
    expect(withCode(diagnostics, 'SEGMENT_UNKNOWN').map((d) => d.path)).toEqual([
      'nodes[0].data.audience.segmentId',
    ]);
    expect(withCode(diagnostics, 'EVENT_NEVER_SEEN').map((d) => d.path)).toEqual(['settings.goal.event']);
  });

  it('checks neither without the lists', () => {
    expect(withCode(validateGraph(graph), 'SEGMENT_UNKNOWN')).toEqual([]);
    expect(withCode(validateGraph(graph), 'EVENT_NEVER_SEEN')).toEqual([]);
  });

  it('accepts an account that sends on several channels (a Zalo OA: ZNS and OA messages)', () => {
    const sends = graphBuilder()
      .node('start', 'trigger.manual')
      .node('zns', 'send.zns', { accountId: 'oa' })
      .node('oa', 'send.oa', { accountId: 'oa' })
      .node('sms', 'send.sms', { accountId: 'oa' })
      .chain('start', 'zns', 'oa', 'sms')
      .build();
    const accounts = { oa: { channel: ['zns', 'oa'] as const, name: 'Shop', published: true } };
    const diagnostics = validateGraph(sends, { accounts });
    expect(withCode(diagnostics, 'ACCOUNT_WRONG_CHANNEL').map((d) => d.nodeId)).toEqual(['sms']);
  });
});
