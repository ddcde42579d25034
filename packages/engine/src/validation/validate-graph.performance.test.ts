import { nodeCatalogue, nodeTypes, type NodeType } from '../graph/node-catalogue';
import { graphBuilder, sampleContext, sampleData, type TestGraph } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

/** A 1,000-node campaign: a trigger, then every non-trigger type in turn, each with its own Liquid text. */
function bigGraph(size: number): TestGraph {
  const steps = nodeTypes.filter(
    (type) => nodeCatalogue[type].category !== 'trigger' && type !== 'flow.exit' && type !== 'branch.split',
  );
  const builder = graphBuilder().node('n0', 'trigger.event');
  let previous: NodeType = 'trigger.event';
  for (let i = 1; i < size; i++) {
    const type = steps[i % steps.length];
    builder.node(`n${i}`, type, type === 'send.sms' ? { text: `Đơn ${i}: {{ event.orderId }}` } : {});
    const handle = nodeCatalogue[previous].handles(sampleData[previous] as never)[0] as string;
    builder.edge(`n${i - 1}`, handle, `n${i}`);
    previous = type;
  }
  return builder.build();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('validateGraph performance', () => {
  it('validates a 1,000-node graph in a few milliseconds', () => {
    const graph = bigGraph(1000);
    const context = sampleContext();
    expect(validateGraph(graph, context)).toEqual([]);
    for (let i = 0; i < 10; i++) validateGraph(graph, context);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      validateGraph(graph, context);
      times.push(performance.now() - start);
    }
    // Typically 4-10 ms; the bound leaves room for slow CI machines while catching quadratic work.
    expect(median(times)).toBeLessThan(60);
  });

  it('grows linearly: 4x the nodes costs well under 16x the time', () => {
    const small = bigGraph(1000);
    const large = bigGraph(4000);
    for (let i = 0; i < 5; i++) {
      validateGraph(small);
      validateGraph(large);
    }
    const time = (graph: TestGraph) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        validateGraph(graph);
        times.push(performance.now() - start);
      }
      return median(times);
    };
    expect(time(large) / time(small)).toBeLessThan(10);
  });
});
