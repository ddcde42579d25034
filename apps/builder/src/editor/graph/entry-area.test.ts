import { entryArea } from './entry-area';

const step = (id: string, type = 'wait.delay') => ({ id, type, position: { x: 0, y: 0 }, data: {} }) as never;
const edge = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  sourceHandle: 'next',
  target,
});

describe('the entry area of a campaign', () => {
  it('is its first steps from the trigger, breadth first, at most the limit', () => {
    const graph = {
      nodes: [step('late'), step('a'), step('start', 'trigger.event'), step('b'), step('c')],
      edges: [edge('start', 'a'), edge('start', 'b'), edge('a', 'c'), edge('c', 'late')],
    };
    expect(entryArea(graph, 3)).toEqual(['start', 'a', 'b']);
    expect(entryArea(graph, 10)).toEqual(['start', 'a', 'b', 'c', 'late']);
  });

  it('starts from the steps nothing leads to when there is no trigger, and survives loops', () => {
    const graph = { nodes: [step('x'), step('y')], edges: [edge('x', 'y'), edge('y', 'x')] };
    expect(entryArea({ nodes: [step('a'), step('b')], edges: [edge('a', 'b')] }, 5)).toEqual(['a', 'b']);
    expect(entryArea(graph, 5)).toEqual([]);
  });
});
