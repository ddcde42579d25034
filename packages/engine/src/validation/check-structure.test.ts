import { DIAGNOSTIC_CODES, DIAGNOSTIC_SEVERITIES, hasErrors, type Diagnostic } from './diagnostics';
import { codes, single, withCode } from './testing/diagnostic-helpers';
import { everyTypeGraph, graphBuilder, sampleContext, validGraph } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

describe('validateGraph: valid graphs', () => {
  it('finds nothing wrong with a valid campaign, with or without a workspace context', () => {
    expect(validateGraph(validGraph())).toEqual([]);
    expect(validateGraph(validGraph(), sampleContext())).toEqual([]);
  });

  it('finds nothing wrong with a campaign that uses every node type', () => {
    expect(validateGraph(everyTypeGraph(), sampleContext())).toEqual([]);
  });

  it('gives every code a fixed severity and exports them all', () => {
    expect(DIAGNOSTIC_CODES).toHaveLength(Object.keys(DIAGNOSTIC_SEVERITIES).length);
    expect(DIAGNOSTIC_CODES).toContain('CYCLE_WITHOUT_WAIT');
    expect(DIAGNOSTIC_SEVERITIES.UNREACHABLE_NODE).toBe('warning');
  });

  it('hasErrors ignores warnings', () => {
    const warning: Diagnostic = { severity: 'warning', code: 'UNREACHABLE_NODE', message: 'x' };
    const error: Diagnostic = { severity: 'error', code: 'NO_TRIGGER', message: 'y' };
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, error])).toBe(true);
  });
});

describe('validateGraph: top level', () => {
  it.each([null, undefined, 42, 'graph', true, [], [{ nodes: [] }]])('GRAPH_NOT_OBJECT for %p', (input) => {
    expect(validateGraph(input)).toEqual([
      {
        severity: 'error',
        code: 'GRAPH_NOT_OBJECT',
        message: expect.stringContaining('not a campaign'),
      },
    ]);
  });

  it('SCHEMA_VERSION_UNSUPPORTED for a newer or missing version', () => {
    const newer = single(validateGraph({ ...validGraph(), schemaVersion: 2 }), 'SCHEMA_VERSION_UNSUPPORTED');
    expect(newer).toMatchObject({ severity: 'error', path: 'schemaVersion' });
    expect(newer.message).toContain('newer version');
    const { schemaVersion: _omitted, ...unversioned } = validGraph();
    expect(single(validateGraph(unversioned), 'SCHEMA_VERSION_UNSUPPORTED').path).toBe('schemaVersion');
  });

  it('GRAPH_SHAPE when nodes or edges are not lists, and the rest is still checked', () => {
    const diagnostics = validateGraph({ schemaVersion: 1, nodes: { a: 1 }, edges: 'none' });
    expect(withCode(diagnostics, 'GRAPH_SHAPE')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'nodes' }),
      expect.objectContaining({ severity: 'error', path: 'edges' }),
    ]);
    expect(codes(diagnostics)).toContain('NO_TRIGGER');
  });

  it('GRAPH_SHAPE for a node that is not an object and for a node without a position', () => {
    const graph = validGraph() as { nodes: unknown[] };
    graph.nodes.push(7);
    (graph.nodes[3] as { position?: unknown }).position = { x: 'left' };
    const diagnostics = withCode(validateGraph(graph), 'GRAPH_SHAPE');
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'GRAPH_SHAPE',
        message: '“Chờ thanh toán” has no place on the canvas: move it to save its position.',
        nodeId: 'paid',
        path: 'nodes[3].position',
      },
      expect.objectContaining({ path: 'nodes[7]' }),
    ]);
  });

  it('GRAPH_SHAPE when there are more nodes than a campaign may have', () => {
    const graph = { schemaVersion: 1, nodes: new Array(5001).fill(0), edges: [] };
    expect(withCode(validateGraph(graph), 'GRAPH_SHAPE')[0]).toMatchObject({ path: 'nodes' });
  });
});

describe('validateGraph: settings', () => {
  it('SETTINGS_INVALID for an unknown IANA time zone', () => {
    const graph = { ...validGraph(), settings: { timezone: 'Asia/Hanoi' } };
    expect(single(validateGraph(graph), 'SETTINGS_INVALID')).toEqual({
      severity: 'error',
      code: 'SETTINGS_INVALID',
      params: { timezone: 'Asia/Hanoi' },
      message: 'Campaign settings: “Asia/Hanoi” is not a known time zone. Pick one such as Asia/Ho_Chi_Minh.',
      path: 'settings.timezone',
    });
  });

  it('accepts real time zones', () => {
    for (const timezone of ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'UTC', 'Europe/Paris']) {
      expect(validateGraph({ ...validGraph(), settings: { timezone } })).toEqual([]);
    }
  });

  it('SETTINGS_INVALID with the path of each schema problem', () => {
    const graph = {
      ...validGraph(),
      settings: { quietHours: { start: '22:00', end: '22:00' }, enrollmentLimit: -5, frequencyCaps: 'daily' },
    };
    const diagnostics = withCode(validateGraph(graph), 'SETTINGS_INVALID');
    expect(diagnostics.map((diagnostic) => diagnostic.path).sort()).toEqual([
      'settings.enrollmentLimit',
      'settings.frequencyCaps',
      'settings.quietHours.end',
    ]);
    expect(diagnostics.find((d) => d.path === 'settings.enrollmentLimit')?.message).toBe(
      'Campaign settings: the enrollment limit must be greater than 0.',
    );
    expect(diagnostics.find((d) => d.path === 'settings.frequencyCaps')?.message).toBe(
      'Campaign settings: the frequency caps must be a list.',
    );
  });

  it('SETTINGS_INVALID when settings are not an object', () => {
    expect(single(validateGraph({ ...validGraph(), settings: 'fast' }), 'SETTINGS_INVALID').path).toBe(
      'settings',
    );
  });
});

describe('validateGraph: triggers', () => {
  it('NO_TRIGGER', () => {
    const graph = graphBuilder().node('sms', 'send.sms').build();
    expect(single(validateGraph(graph), 'NO_TRIGGER')).toMatchObject({ severity: 'error', path: 'nodes' });
    // Without a trigger, reachability would flag everything: it is not reported.
    expect(withCode(validateGraph(graph), 'UNREACHABLE_NODE')).toEqual([]);
  });

  it('MULTIPLE_TRIGGERS on each trigger, naming them', () => {
    const graph = graphBuilder()
      .node('t1', 'trigger.event', { label: 'Đơn mới' })
      .node('t2', 'trigger.manual')
      .node('exit', 'flow.exit')
      .edge('t1', 'next', 'exit')
      .edge('t2', 'next', 'exit')
      .build();
    const diagnostics = withCode(validateGraph(graph), 'MULTIPLE_TRIGGERS');
    expect(diagnostics.map((d) => [d.severity, d.nodeId, d.path])).toEqual([
      ['error', 't1', 'nodes[0]'],
      ['error', 't2', 'nodes[1]'],
    ]);
    expect(diagnostics[0].message).toContain('“Đơn mới”');
    expect(diagnostics[0].message).toContain('“Added by API or CSV (t2)”');
  });
});

describe('validateGraph: nodes', () => {
  it('NODE_ID_MISSING', () => {
    const graph = validGraph() as unknown as { nodes: Array<Record<string, unknown>> };
    delete graph.nodes[4].id;
    const diagnostic = single(validateGraph(graph), 'NODE_ID_MISSING');
    expect(diagnostic).toEqual({
      severity: 'error',
      code: 'NODE_ID_MISSING',
      message: '“Exit (step #5)” has no id: remove it and add it again.',
      path: 'nodes[4].id',
    });
  });

  it('NODE_ID_INVALID for ids the schema does not allow', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('bad id!', 'flow.exit', { label: 'Kết thúc' })
      .edge('start', 'next', 'bad id!', 'e1')
      .build();
    const diagnostics = validateGraph(graph);
    expect(single(diagnostics, 'NODE_ID_INVALID')).toMatchObject({
      severity: 'error',
      nodeId: 'bad id!',
      path: 'nodes[1].id',
      message: expect.stringContaining('“Kết thúc”'),
    });
    // The edge still attaches to it: no follow-up noise.
    expect(codes(diagnostics)).toEqual(['NODE_ID_INVALID']);
  });

  it('DUPLICATE_NODE_ID on the second node with the id', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('step', 'wait.delay', { label: 'Chờ 2 giờ' })
      .node('step', 'flow.exit', { label: 'Thoát' })
      .edge('start', 'next', 'step')
      .build();
    expect(single(validateGraph(graph), 'DUPLICATE_NODE_ID')).toEqual({
      severity: 'error',
      code: 'DUPLICATE_NODE_ID',
      message: '“Thoát” has the same id (“step”) as another step. Remove one of them and add it again.',
      nodeId: 'step',
      path: 'nodes[2].id',
    });
  });

  it('UNKNOWN_NODE_TYPE', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.manual')
      .node('fax', 'send.fax', { label: 'Gửi fax' })
      .edge('start', 'next', 'fax')
      .build();
    expect(single(validateGraph(graph), 'UNKNOWN_NODE_TYPE')).toEqual({
      severity: 'error',
      code: 'UNKNOWN_NODE_TYPE',
      params: { type: 'send.fax' },
      message: '“Gửi fax” is a kind of step Loa does not know (“send.fax”). Remove it or replace it.',
      nodeId: 'fax',
      path: 'nodes[1].type',
    });
  });
});
