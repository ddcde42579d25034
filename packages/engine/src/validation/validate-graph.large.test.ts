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

// Speed is measured by bench/validate-compile.bench.ts, never by timed assertions here.
describe('validateGraph on large graphs', () => {
  it('accepts a 1,000-node campaign that uses every step type', () => {
    expect(validateGraph(bigGraph(1000), sampleContext())).toEqual([]);
  });

  it('handles a 5,000-node chain (the limit) without overflowing the stack', () => {
    expect(validateGraph(bigGraph(5000), sampleContext())).toEqual([]);
  });
});
