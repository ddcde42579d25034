import type { Diagnostic } from '@loa/engine/browser';
import { validateGraph } from '@loa/engine/browser';
import { emptyGraph } from '../graph/editor-graph';
import { addNode, addNodeAfter } from '../graph/graph-operations';
import { countByTarget, mergeDiagnostics } from './problems';

const diagnostic = (
  code: Diagnostic['code'],
  severity: Diagnostic['severity'],
  nodeId?: string,
): Diagnostic => ({
  code,
  severity,
  message: code,
  ...(nodeId && { nodeId }),
});

describe('problems', () => {
  const trigger = addNode(emptyGraph(), 'trigger.manual', { x: 0, y: 0 });
  const sms = addNodeAfter(trigger.graph, trigger.nodeId, 'next', 'send.sms');
  const graph = sms.graph;

  it('keeps the API workspace diagnostics of steps that still exist, drops the rest, errors first', () => {
    const live = validateGraph(graph);
    const saved = [
      diagnostic('ACCOUNT_MISSING', 'error', sms.nodeId),
      diagnostic('ACCOUNT_MISSING', 'error', 'deleted-step'),
      diagnostic('NO_TRIGGER', 'error'),
      diagnostic('EVENT_NEVER_SEEN', 'warning', trigger.nodeId),
    ];
    const merged = mergeDiagnostics(live, saved, graph);
    expect(merged.filter((item) => item.code === 'ACCOUNT_MISSING')).toHaveLength(1);
    expect(merged.map((item) => item.code)).not.toContain('NO_TRIGGER');
    expect(merged.map((item) => item.code)).toContain('EVENT_NEVER_SEEN');
    const firstWarning = merged.findIndex((item) => item.severity === 'warning');
    expect(merged.slice(firstWarning).every((item) => item.severity === 'warning')).toBe(true);
    expect(mergeDiagnostics(live, live, graph)).toHaveLength(live.length);
  });

  it('counts errors and warnings per step', () => {
    const counts = countByTarget([
      diagnostic('INVALID_CONFIG', 'error', 'a'),
      diagnostic('UNREACHABLE_NODE', 'warning', 'a'),
      { ...diagnostic('EDGE_TARGET_MISSING', 'error'), edgeId: 'e1' },
    ]);
    expect(counts.nodes.a).toEqual({ errors: 1, warnings: 1 });
    expect(counts.edges.e1).toEqual({ errors: 1, warnings: 0 });
  });
});
