import { znsWithSmsFallbackGraph } from '../testing/sample-graphs';
import { buildPlan } from './build-plan';
import { parseCampaignGraph } from '../graph/graph.schema';
import { compileGraph } from './compile-graph';

const identity = { campaignId: 'cmp-1', versionId: 'v1' };

describe('compileGraph', () => {
  it('compiles a valid graph into the plan buildPlan gives', () => {
    const result = compileGraph(znsWithSmsFallbackGraph(), identity);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toEqual(buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), identity));
    expect(result.diagnostics.every((diagnostic) => diagnostic.severity === 'warning')).toBe(true);
  });

  it('keeps sticky notes out of the plan and its hash', () => {
    const plain = compileGraph(znsWithSmsFallbackGraph(), identity);
    const withNotes = compileGraph(
      {
        ...znsWithSmsFallbackGraph(),
        notes: [
          { id: 'n1', position: { x: 10, y: 20 }, text: 'Gửi ZNS trước, SMS khi thất bại', color: 'yellow' },
          { id: 'n2', position: { x: 400, y: 20 }, text: 'Ask legal about the SMS wording', width: 240 },
        ],
      },
      identity,
    );
    expect(plain.ok && withNotes.ok).toBe(true);
    if (!plain.ok || !withNotes.ok) return;
    expect(withNotes.plan.hash).toBe(plain.plan.hash);
    expect(JSON.stringify(withNotes.plan)).not.toContain('legal');
  });

  it('reports a damaged note as a graph shape error', () => {
    const result = compileGraph(
      { ...znsWithSmsFallbackGraph(), notes: [{ id: 'n1', position: { x: 0 }, text: 'x' }] },
      identity,
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'GRAPH_SHAPE', path: 'notes[0]' }),
    );
  });

  it('returns the errors instead of a plan when the graph has no trigger', () => {
    const graph = znsWithSmsFallbackGraph();
    graph.nodes = graph.nodes.filter((node) => node.id !== 'start');
    graph.edges = graph.edges.filter((edge) => edge.source !== 'start');
    const result = compileGraph(graph, identity);
    expect(result).toEqual({ ok: false, diagnostics: expect.any(Array) });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('NO_TRIGGER');
  });

  it('names the node whose config fails its schema, and never throws on junk', () => {
    const graph = znsWithSmsFallbackGraph();
    const zns = graph.nodes.find((node) => node.id === 'zns');
    if (zns?.type === 'send.zns') zns.data.templateId = 'welcome';
    const result = compileGraph(graph, identity);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'INVALID_CONFIG', nodeId: 'zns' }),
    );
    for (const junk of [null, 42, 'graph', [], { nodes: 'x' }]) {
      expect(compileGraph(junk, identity).ok).toBe(false);
    }
  });
});
