import fc from 'fast-check';
import { idSchema } from '../graph/common.schema';
import { campaignGraphSchema } from '../graph/graph.schema';
import { inspectGraph } from './validate-graph';
import { nodeCatalogue, nodeTypes } from '../graph/node-catalogue';
import {
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_SEVERITIES,
  hasErrors,
  type Diagnostic,
  type ValidationContext,
} from './diagnostics';
import { isValidId } from './json';
import { sampleContext, sampleData } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

const ids = ['start', 'a', 'b', 'c', 'd', 'e', 'zns', 'sms'];
const handles = ['next', 'success', 'failure', 'yes', 'no', 'matched', 'timeout', 'a', 'b', 'c'];
const dataKeys = [...new Set(Object.values(sampleData).flatMap((data) => Object.keys(data)))].concat([
  'label',
  'timeout',
]);

const idArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ids) },
  { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, 3, '', '__proto__', 'constructor', 'bad id') },
);

const liquidishArb = fc
  .array(
    fc.constantFrom(
      'Xin chào ',
      '{{ contact.name }}',
      '{{',
      '}}',
      '{%',
      '%}',
      ' if ',
      'endif',
      '{{ contact.x.y | upcase }}',
      'ễ',
    ),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));

/** Config data: a valid sample, a sample with some fields replaced by junk, or junk. */
const dataArb = (type: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant((sampleData as Record<string, object>)[type] ?? {}) },
    {
      weight: 4,
      arbitrary: fc
        .dictionary(fc.constantFrom(...dataKeys), fc.oneof(fc.jsonValue({ maxDepth: 3 }), liquidishArb), {
          maxKeys: 3,
        })
        .map((overrides) => ({ ...((sampleData as Record<string, object>)[type] ?? {}), ...overrides })),
    },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  );

const nodeArb = fc
  .oneof(
    { weight: 8, arbitrary: fc.constantFrom<string>(...nodeTypes) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  )
  .chain((type) =>
    fc.record(
      {
        id: idArb,
        type: fc.oneof(
          { weight: 9, arbitrary: fc.constant<unknown>(type) },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
        ),
        position: fc.oneof(
          { weight: 9, arbitrary: fc.record({ x: fc.integer(), y: fc.integer() }) },
          { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
        ),
        data: dataArb(type),
      },
      { requiredKeys: ['id', 'type'] },
    ),
  );

const edgeArb = fc.record(
  {
    id: fc.oneof(
      { weight: 5, arbitrary: fc.uuid().map((uuid) => uuid.slice(0, 8)) },
      { weight: 1, arbitrary: idArb },
    ),
    source: idArb,
    sourceHandle: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...handles) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
    ),
    target: idArb,
  },
  { requiredKeys: ['source', 'target'] },
);

const graphArb = fc.record(
  {
    schemaVersion: fc.oneof(
      { weight: 9, arbitrary: fc.constant<unknown>(1) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
    ),
    nodes: fc.oneof(
      {
        weight: 9,
        arbitrary: fc.array(
          fc.oneof(
            { weight: 20, arbitrary: nodeArb },
            { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
          ),
          { maxLength: 10 },
        ),
      },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    ),
    edges: fc.oneof(
      { weight: 9, arbitrary: fc.array(edgeArb, { maxLength: 15 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    ),
    settings: fc.oneof(
      fc.constant(undefined),
      fc.record(
        { timezone: fc.constantFrom('Asia/Ho_Chi_Minh', 'UTC', 'Mars/Olympus', '+07:00', '') },
        { requiredKeys: [] },
      ),
      fc.anything({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);

/** A valid chain from a trigger with a few fields of a few nodes replaced: mostly valid, sometimes subtly not. */
const fewFlawsGraphArb = fc
  .tuple(
    fc.array(fc.constantFrom('wait.delay', 'send.sms', 'contact.update', 'send.email', 'http.request'), {
      maxLength: 6,
    }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(...dataKeys, 'id', 'position'),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), liquidishArb),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([chain, flaws]) => {
    const types = ['trigger.manual', ...chain];
    const nodes: Array<Record<string, unknown>> = types.map((type, index) => ({
      id: `n${index}`,
      type,
      position: { x: 0, y: index },
      data: structuredClone((sampleData as Record<string, object>)[type]),
    }));
    const edges = types.slice(1).map((_, index) => ({
      id: `e${index}`,
      source: `n${index}`,
      sourceHandle: types[index].startsWith('send.') || types[index] === 'http.request' ? 'success' : 'next',
      target: `n${index + 1}`,
    }));
    for (const [at, key, value] of flaws) {
      const node = nodes[at % nodes.length];
      if (key === 'id' || key === 'position') node[key] = value;
      else (node.data as Record<string, unknown>)[key] = value;
    }
    return { schemaVersion: 1, nodes, edges } as Record<string, unknown>;
  });

const contextArb: fc.Arbitrary<ValidationContext | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(sampleContext()),
  fc.anything({ maxDepth: 3 }) as fc.Arbitrary<ValidationContext>,
);

function expectWellFormed(diagnostics: Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    expect(DIAGNOSTIC_CODES).toContain(diagnostic.code);
    expect(diagnostic.severity).toBe(DIAGNOSTIC_SEVERITIES[diagnostic.code]);
    expect(diagnostic.code).not.toBe('VALIDATION_INCOMPLETE');
    expect(diagnostic.message).not.toMatch(/undefined|\[object Object\]/);
    if (diagnostic.nodeId !== undefined) expect(typeof diagnostic.nodeId).toBe('string');
    if (diagnostic.edgeId !== undefined) expect(typeof diagnostic.edgeId).toBe('string');
  }
}

describe('validateGraph properties', () => {
  it('never throws on any value, and reports only well-formed diagnostics', () => {
    fc.assert(
      fc.property(fc.anything(), contextArb, (input, context) => {
        expectWellFormed(validateGraph(input, context));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expectWellFormed(validateGraph(input));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random graph-shaped data', () => {
    fc.assert(
      fc.property(graphArb, contextArb, (graph, context) => {
        expectWellFormed(validateGraph(graph, context));
      }),
      { numRuns: 500 },
    );
  });

  /** A deep copy, or undefined for values structuredClone refuses (fc.anything may hold functions). */
  function cloneable<T>(value: T): T | undefined {
    try {
      return structuredClone(value);
    } catch {
      return undefined;
    }
  }

  it('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(graphArb, contextArb, (graph, context) => {
        const before = JSON.stringify(graph);
        const first = validateGraph(graph, context);
        expect(JSON.stringify(graph)).toBe(before);
        expect(validateGraph(graph, context)).toEqual(first);
        const copies = cloneable({ graph, context });
        if (copies) expect(validateGraph(copies.graph, copies.context)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('reports no error only for graphs the schema accepts', () => {
    let clean = 0;
    fc.assert(
      fc.property(fc.oneof(graphArb, fewFlawsGraphArb), (graph) => {
        const diagnostics = validateGraph(graph);
        if (hasErrors(diagnostics)) return;
        clean++;
        const parsed = campaignGraphSchema.safeParse(graph);
        expect(parsed.success).toBe(true);
        // compileGraph builds from the graph the checks parsed: it must be exactly what the schema gives.
        expect(inspectGraph(graph).graph).toEqual(parsed.data);
      }),
      { numRuns: 1000 },
    );
    // The property is only worth something if error-free graphs come up often enough.
    expect(clean).toBeGreaterThan(50);
  });

  it('accepts any chain of valid nodes after a trigger', () => {
    const steps = nodeTypes.filter(
      (type) =>
        nodeCatalogue[type].category !== 'trigger' && type !== 'flow.exit' && !type.startsWith('branch.'),
    );
    const triggers = nodeTypes.filter((type) => nodeCatalogue[type].category === 'trigger');
    fc.assert(
      fc.property(
        fc.constantFrom(...triggers),
        fc.array(fc.constantFrom(...steps), { maxLength: 12 }),
        (trigger, chain) => {
          const types = [trigger, ...chain];
          const nodes = types.map((type, index) => ({
            id: `n${index}`,
            type,
            position: { x: 0, y: index },
            data: sampleData[type],
          }));
          const edges = types.slice(1).map((_, index) => {
            const offered = nodeCatalogue[types[index]].handles(
              sampleData[types[index]] as never,
            ) as string[];
            return {
              id: `e${index}`,
              source: `n${index}`,
              sourceHandle: offered[0],
              target: `n${index + 1}`,
            };
          });
          expect(validateGraph({ schemaVersion: 1, nodes, edges }, sampleContext())).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('checks ids exactly as idSchema does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.stringMatching(/^[A-Za-z0-9_-]{0,70}$/),
          fc.anything({ maxDepth: 0 }),
        ),
        (value) => {
          expect(isValidId(value)).toBe(idSchema.safeParse(value).success);
        },
      ),
      { numRuns: 500 },
    );
  });
});
