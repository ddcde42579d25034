import fc from 'fast-check';
import { withCode } from './testing/diagnostic-helpers';
import { validateGraph } from './validate-graph';

/** Small random graphs: node 0 is the trigger, the others update contacts or wait; any edges. */
const randomGraphArb = fc.integer({ min: 1, max: 9 }).chain((size) =>
  fc.record({
    waits: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
    edges: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
  }),
);

function toGraph({ waits, edges }: { waits: boolean[]; edges: Array<[number, number]> }) {
  return {
    schemaVersion: 1,
    nodes: waits.map((wait, index) => ({
      id: `n${index}`,
      type: index === 0 ? 'trigger.manual' : wait ? 'wait.delay' : 'contact.update',
      position: { x: 0, y: index },
      data: index === 0 ? {} : wait ? { amount: 1, unit: 'days' } : { addTags: ['x'] },
    })),
    edges: edges.map(([from, to], index) => ({
      id: `e${index}`,
      source: `n${from}`,
      sourceHandle: 'next',
      target: `n${to}`,
    })),
  };
}

/** reach[a][b]: b can be reached from a in one or more steps, using only nodes allowed by `through`. */
function closure(
  size: number,
  edges: Array<[number, number]>,
  through: (node: number) => boolean,
): boolean[][] {
  const reach = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const [from, to] of edges) if (through(from) && through(to)) reach[from][to] = true;
  for (let k = 0; k < size; k++)
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) if (reach[i][k] && reach[k][j]) reach[i][j] = true;
  return reach;
}

describe('graph algorithms against brute force', () => {
  it('reports exactly one CYCLE_WITHOUT_WAIT per wait-free loop, at its first node', () => {
    fc.assert(
      fc.property(randomGraphArb, (input) => {
        const size = input.waits.length;
        const isWait = (node: number) => node !== 0 && input.waits[node];
        const reach = closure(size, input.edges, (node) => !isWait(node));
        const expected: string[] = [];
        for (let node = 0; node < size; node++) {
          if (isWait(node) || !reach[node][node]) continue;
          // The first node of its component: no earlier node on a common loop.
          const first = [...Array(node).keys()].every((other) => !(reach[node][other] && reach[other][node]));
          if (first) expected.push(`n${node}`);
        }
        const reported = withCode(validateGraph(toGraph(input)), 'CYCLE_WITHOUT_WAIT').map((d) => d.nodeId);
        expect(reported).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports UNREACHABLE_NODE exactly for nodes the trigger cannot reach', () => {
    fc.assert(
      fc.property(randomGraphArb, (input) => {
        const size = input.waits.length;
        const reach = closure(size, input.edges, () => true);
        const expected = [...Array(size).keys()]
          .filter((node) => node !== 0 && !reach[0][node])
          .map((node) => `n${node}`);
        const reported = withCode(validateGraph(toGraph(input)), 'UNREACHABLE_NODE').map((d) => d.nodeId);
        expect(reported).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
