import { codes, single } from './testing/diagnostic-helpers';
import { graphBuilder, validGraph } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

describe('validateGraph: edges', () => {
  it('EDGE_INVALID when an edge does not say where it starts', () => {
    const graph = validGraph() as unknown as { edges: Array<Record<string, unknown>> };
    delete graph.edges[6].source;
    const diagnostic = single(validateGraph(graph), 'EDGE_INVALID');
    expect(diagnostic).toMatchObject({
      severity: 'error',
      edgeId: 'remind-success-lost',
      nodeId: 'lost',
      path: 'edges[6].source',
    });
    expect(diagnostic.message).toContain('“Exit (lost)”');
  });

  it('DUPLICATE_EDGE_ID on the second edge with the id', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('zns', 'send.zns', { label: 'Cảm ơn' })
      .node('sms', 'send.sms')
      .edge('start', 'next', 'zns', 'e1')
      .edge('zns', 'failure', 'sms', 'e1')
      .build();
    expect(single(validateGraph(graph), 'DUPLICATE_EDGE_ID')).toEqual({
      severity: 'error',
      code: 'DUPLICATE_EDGE_ID',
      message:
        'The connection from “Cảm ơn” to “Send SMS (sms)” has the same id (“e1”) as another connection: remove it and draw it again.',
      edgeId: 'e1',
      nodeId: 'zns',
      path: 'edges[1].id',
    });
  });

  it('EDGE_SOURCE_MISSING and EDGE_TARGET_MISSING', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual', { label: 'Nhập tay' })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'ghost', 'e1')
      .edge('phantom', 'next', 'exit', 'e2')
      .build();
    const diagnostics = validateGraph(graph);
    expect(single(diagnostics, 'EDGE_TARGET_MISSING')).toMatchObject({
      severity: 'error',
      edgeId: 'e1',
      nodeId: 'start',
      path: 'edges[0].target',
      message: expect.stringContaining('“Nhập tay”'),
    });
    expect(single(diagnostics, 'EDGE_SOURCE_MISSING')).toMatchObject({
      severity: 'error',
      edgeId: 'e2',
      nodeId: 'exit',
      path: 'edges[1].source',
    });
  });

  it('EDGE_INTO_TRIGGER', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.event', { label: 'Đơn mới' })
      .node('delay', 'wait.delay')
      .edge('start', 'next', 'delay')
      .edge('delay', 'next', 'start', 'back')
      .build();
    expect(single(validateGraph(graph), 'EDGE_INTO_TRIGGER')).toMatchObject({
      severity: 'error',
      edgeId: 'back',
      nodeId: 'start',
      path: 'edges[1].target',
      message: expect.stringContaining('“Đơn mới”'),
    });
  });

  it('HANDLE_NOT_OFFERED for a handle the node does not have', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('delay', 'wait.delay', { label: 'Chờ 1 ngày' })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'delay')
      .edge('delay', 'yes', 'exit', 'e2')
      .build();
    expect(single(validateGraph(graph), 'HANDLE_NOT_OFFERED')).toEqual({
      severity: 'error',
      code: 'HANDLE_NOT_OFFERED',
      params: { handle: 'yes', offered: 'next' },
      message:
        'A connection leaves “Chờ 1 ngày” through “yes”, which it does not have (it has “next”). Remove the connection and draw it again.',
      nodeId: 'delay',
      edgeId: 'e2',
      path: 'edges[1].sourceHandle',
    });
  });

  it('HANDLE_NOT_OFFERED for anything after an exit, and for a removed split variant', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('split', 'branch.split')
      .node('exit', 'flow.exit', { label: 'Xong' })
      .node('more', 'flow.exit')
      .edge('start', 'next', 'split')
      .edge('split', 'a', 'exit')
      .edge('split', 'c', 'more', 'old-variant')
      .edge('exit', 'next', 'more', 'after-exit')
      .build();
    const diagnostics = validateGraph(graph);
    expect(codes(diagnostics)).toEqual(['HANDLE_NOT_OFFERED', 'HANDLE_NOT_OFFERED']);
    expect(diagnostics[0]).toMatchObject({ edgeId: 'old-variant', nodeId: 'split' });
    expect(diagnostics[0].message).toContain('(it has “a” and “b”)');
    expect(diagnostics[1]).toMatchObject({ edgeId: 'after-exit', nodeId: 'exit' });
    expect(diagnostics[1].message).toBe(
      '“Xong” ends the journey, so nothing can follow it: remove the connection that leaves it.',
    );
  });

  it('does not check handles of a node whose config is invalid', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('split', 'branch.split', { variants: 'half' })
      .node('exit', 'flow.exit')
      .edge('start', 'next', 'split')
      .edge('split', 'a', 'exit')
      .build();
    expect(codes(validateGraph(graph))).toEqual(['INVALID_CONFIG']);
  });

  it('HANDLE_CONNECTED_TWICE on the second edge from the same handle', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('zns', 'send.zns', { label: 'Báo đơn' })
      .node('sms', 'send.sms')
      .node('email', 'send.email')
      .edge('start', 'next', 'zns')
      .edge('zns', 'failure', 'sms', 'f1')
      .edge('zns', 'failure', 'email', 'f2')
      .build();
    expect(single(validateGraph(graph), 'HANDLE_CONNECTED_TWICE')).toEqual({
      severity: 'error',
      code: 'HANDLE_CONNECTED_TWICE',
      params: { handle: 'failure' },
      message:
        '“Báo đơn” has more than one connection from its “failure” exit; a contact can follow only one. Remove all but one.',
      nodeId: 'zns',
      edgeId: 'f2',
      path: 'edges[2].sourceHandle',
    });
  });
});
