import { codes, single, withCode } from './testing/diagnostic-helpers';
import { graphBuilder } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

describe('validateGraph: reachability', () => {
  it('UNREACHABLE_NODE is a warning on each node no contact can reach', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('exit', 'flow.exit')
      .node('orphan', 'send.sms', { label: 'SMS lạc' })
      .node('after-orphan', 'flow.exit')
      .edge('start', 'next', 'exit')
      .edge('orphan', 'success', 'after-orphan')
      .build();
    const diagnostics = validateGraph(graph);
    expect(codes(diagnostics)).toEqual(['UNREACHABLE_NODE', 'UNREACHABLE_NODE']);
    expect(diagnostics[0]).toEqual({
      severity: 'warning',
      code: 'UNREACHABLE_NODE',
      message:
        '“SMS lạc” is not connected to the journey: no contact will reach it. Connect it or remove it.',
      nodeId: 'orphan',
      path: 'nodes[2]',
    });
    expect(diagnostics[1]).toMatchObject({ nodeId: 'after-orphan', path: 'nodes[3]' });
  });
});

describe('validateGraph: CYCLE_WITHOUT_WAIT', () => {
  it('reports a loop without a wait once, naming its nodes', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('check', 'branch.condition', { label: 'Đã mua?' })
      .node('tag', 'contact.update', { label: 'Gắn thẻ' })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'check')
      .edge('check', 'yes', 'exit')
      .edge('check', 'no', 'tag')
      .edge('tag', 'next', 'check')
      .build();
    expect(single(validateGraph(graph), 'CYCLE_WITHOUT_WAIT')).toEqual({
      severity: 'error',
      code: 'CYCLE_WITHOUT_WAIT',
      params: { steps: 2 },
      message:
        '“Đã mua?” and “Gắn thẻ” form a loop without any wait: contacts would go round endlessly. Add a wait step to the loop or remove a connection.',
      nodeId: 'check',
      path: 'nodes[1]',
    });
  });

  it('reports a node connected to itself', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('hook', 'http.request', { label: 'Gọi CRM' })
      .edge('start', 'next', 'hook')
      .edge('hook', 'failure', 'hook')
      .build();
    expect(single(validateGraph(graph), 'CYCLE_WITHOUT_WAIT')).toMatchObject({
      nodeId: 'hook',
      message: expect.stringContaining('“Gọi CRM” leads back to itself'),
    });
  });

  it('accepts loops through a wait of any kind', () => {
    for (const wait of ['wait.delay', 'wait.until', 'wait.event']) {
      const handle = wait === 'wait.event' ? 'timeout' : 'next';
      const graph = graphBuilder()
        .node('start', 'trigger.manual')
        .node('check', 'branch.condition')
        .node('wait', wait)
        .node('exit', 'flow.exit')
        .edge('start', 'next', 'check')
        .edge('check', 'yes', 'exit')
        .edge('check', 'no', 'wait')
        .edge('wait', handle, 'check')
        .build();
      expect(withCode(validateGraph(graph), 'CYCLE_WITHOUT_WAIT')).toEqual([]);
    }
  });

  it('finds a loop without a wait inside a larger loop that has one', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('a', 'branch.condition')
      .node('b', 'contact.update')
      .node('wait', 'wait.delay')
      .edge('start', 'next', 'a')
      .edge('a', 'yes', 'b')
      .edge('b', 'next', 'a')
      .edge('a', 'no', 'wait')
      .edge('wait', 'next', 'a')
      .build();
    expect(single(validateGraph(graph), 'CYCLE_WITHOUT_WAIT').message).toContain(
      '“If / else (a)” and “Update contact (b)”',
    );
  });

  it('reports separate loops separately, in node order', () => {
    const builder = graphBuilder().node('start', 'trigger.manual').node('split', 'branch.split');
    builder.edge('start', 'next', 'split');
    for (const variant of ['a', 'b']) {
      builder
        .node(`${variant}1`, 'branch.condition')
        .node(`${variant}2`, 'contact.update')
        .node(`${variant}-exit`, 'flow.exit')
        .edge('split', variant, `${variant}1`)
        .edge(`${variant}1`, 'yes', `${variant}2`)
        .edge(`${variant}1`, 'no', `${variant}-exit`)
        .edge(`${variant}2`, 'next', `${variant}1`);
    }
    const loops = withCode(validateGraph(builder.build()), 'CYCLE_WITHOUT_WAIT');
    expect(loops.map((loop) => loop.nodeId)).toEqual(['a1', 'b1']);
  });

  it('handles a loop of 10,000 nodes without overflowing the stack', () => {
    const builder = graphBuilder()
      .node('start', 'trigger.manual')
      .node('n0', 'contact.update')
      .edge('start', 'next', 'n0');
    for (let i = 1; i < 10_000; i++)
      builder.node(`n${i}`, 'contact.update').edge(`n${i - 1}`, 'next', `n${i}`);
    builder.edge('n9999', 'next', 'n0');
    const loop = single(validateGraph(builder.build()), 'CYCLE_WITHOUT_WAIT');
    expect(loop.nodeId).toBe('n0');
    expect(loop.message).toContain('and 9995 more form a loop');
  });
});

describe('validateGraph: node rules', () => {
  it('SPLIT_WEIGHTS_NOT_100', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('split', 'branch.split', {
        label: 'Thử tiêu đề',
        variants: [
          { id: 'a', weight: 50 },
          { id: 'b', weight: 30 },
        ],
      })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'split')
      .edge('split', 'a', 'exit')
      .build();
    expect(single(validateGraph(graph), 'SPLIT_WEIGHTS_NOT_100')).toEqual({
      severity: 'error',
      code: 'SPLIT_WEIGHTS_NOT_100',
      params: { total: 80 },
      message: '“Thử tiêu đề” shares out 80% of contacts; the variants must add up to exactly 100%.',
      nodeId: 'split',
      path: 'nodes[1].data.variants',
    });
  });

  it('DUPLICATE_VARIANT_ID', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('split', 'branch.split', {
        variants: [
          { id: 'a', weight: 50 },
          { id: 'a', weight: 50 },
        ],
      })
      .edge('start', 'next', 'split')
      .build();
    expect(single(validateGraph(graph), 'DUPLICATE_VARIANT_ID')).toMatchObject({
      severity: 'error',
      nodeId: 'split',
      path: 'nodes[1].data.variants[1].id',
      message: '“A/B split (split)” has two variants with the id “a”: give each variant its own id.',
    });
  });

  it('WAIT_EVENT_WITHOUT_TIMEOUT', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.event')
      .node('paid', 'wait.event', { label: 'Chờ thanh toán', timeout: undefined })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'paid')
      .edge('paid', 'matched', 'exit')
      .build();
    delete graph.nodes[1].data.timeout;
    expect(validateGraph(graph)).toEqual([
      {
        severity: 'error',
        code: 'WAIT_EVENT_WITHOUT_TIMEOUT',
        message:
          '“Chờ thanh toán” waits for an event without a timeout: contacts would wait forever. Set how long to wait.',
        nodeId: 'paid',
        path: 'nodes[1].data.timeout',
      },
    ]);
  });

  it('GOAL_SHADOWS_WAIT: a goal that exits on any such event comes before the wait for it', () => {
    const build = (goal: Record<string, unknown>) =>
      graphBuilder()
        .node('start', 'trigger.event')
        .node('paid', 'wait.event', { label: 'Chờ thanh toán' })
        .node('exit', 'flow.exit')
        .edge('start', 'next', 'paid')
        .edge('paid', 'matched', 'exit')
        .withSettings({ goal: { event: 'order.paid', window: { amount: 3, unit: 'days' }, ...goal } })
        .build();
    expect(validateGraph(build({}))).toEqual([
      {
        severity: 'warning',
        code: 'GOAL_SHADOWS_WAIT',
        params: { event: 'order.paid' },
        message:
          '“Chờ thanh toán” waits for order.paid, but the campaign goal ends the journey on any order.paid first: this wait never takes its matched branch. Turn off "exit on goal", or give the goal a filter that leaves out the events this wait is for.',
        nodeId: 'paid',
        path: 'nodes[1].data.event',
      },
    ]);
    expect(validateGraph(build({ exitOnGoal: false }))).toEqual([]);
    const filter = { match: 'all', conditions: [{ field: 'amount', operator: 'greater_than', value: 0 }] };
    expect(validateGraph(build({ filter }))).toEqual([]);
    expect(validateGraph(build({ event: 'order.refunded' }))).toEqual([]);
  });

  it('INVALID_CRON for a recurring schedule cron-parser rejects', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.schedule', {
        label: 'Hằng tuần',
        schedule: { kind: 'recurring', cron: '0 25 * * MON' },
      })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'exit')
      .build();
    const diagnostic = single(validateGraph(graph), 'INVALID_CRON');
    expect(diagnostic).toMatchObject({
      severity: 'error',
      nodeId: 'start',
      path: 'nodes[0].data.schedule.cron',
    });
    expect(diagnostic.message).toMatch(
      /^“Hằng tuần” repeats on “0 25 \* \* MON”, which is not a valid schedule/,
    );
  });

  it('accepts common cron expressions', () => {
    for (const cron of ['0 9 * * 1', '30 8 1 * *', '0 9 * * MON-FRI', '*/15 9-17 * * *', '0 0 9 * * 1']) {
      const graph = graphBuilder()
        .node('start', 'trigger.schedule', { schedule: { kind: 'recurring', cron } })
        .node('exit', 'flow.exit')
        .edge('start', 'next', 'exit')
        .build();
      expect(validateGraph(graph)).toEqual([]);
    }
  });

  it('SEND_OUTCOME_NODE_INVALID when the rule points at no node or at a node that sends nothing', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('delay', 'wait.delay')
      .node('check', 'branch.condition', {
        label: 'Đã nhận ZNS?',
        rule: {
          match: 'any',
          rules: [
            { kind: 'send_outcome', nodeId: 'gone', outcome: 'delivered' },
            { match: 'all', rules: [{ kind: 'send_outcome', nodeId: 'delay', outcome: 'seen' }] },
          ],
        },
      })
      .chain('start', 'delay', 'check')
      .build();
    const diagnostics = withCode(validateGraph(graph), 'SEND_OUTCOME_NODE_INVALID');
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'SEND_OUTCOME_NODE_INVALID',
        params: { sendStep: 'gone' },
        message:
          "“Đã nhận ZNS?” checks the outcome of a send step that is not in the campaign (gone). Choose one of the campaign's send steps.",
        nodeId: 'check',
        path: 'nodes[2].data.rule.rules[0].nodeId',
      },
      expect.objectContaining({
        nodeId: 'check',
        path: 'nodes[2].data.rule.rules[1].rules[0].nodeId',
        message:
          '“Đã nhận ZNS?” checks the outcome of “Wait for a while (delay)”, which does not send a message. Choose a send step.',
      }),
    ]);
  });
});
