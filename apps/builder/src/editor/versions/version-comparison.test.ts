import { compareGraphs, compareParam, parseCompare } from './version-comparison';
import type { DiffGraph } from './graph-diff';

const v1: DiffGraph = {
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: {} },
    { id: 'sms', type: 'send.sms', position: { x: 0, y: 150 }, data: { text: 'A' } },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'sms' }],
};
const v2: DiffGraph = {
  nodes: [
    { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: {} },
    { id: 'zns', type: 'send.zns', position: { x: 0, y: 150 }, data: {} },
  ],
  edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns' }],
};

describe('parseCompare', () => {
  it('reads the draft, another version, or nothing', () => {
    expect(parseCompare('draft', 2)).toEqual({ kind: 'draft' });
    expect(parseCompare('1', 2)).toEqual({ kind: 'version', version: 1 });
    expect(parseCompare('2', 2)).toEqual({ kind: 'none' });
    expect(parseCompare('x', 2)).toEqual({ kind: 'none' });
    expect(parseCompare(null, 2)).toEqual({ kind: 'none' });
    expect(compareParam({ kind: 'version', version: 1 })).toBe('1');
    expect(compareParam({ kind: 'none' })).toBeUndefined();
  });
});

describe('compareGraphs', () => {
  it('diffs an older version against the viewed one: what the viewed version added and removed', () => {
    const comparison = compareGraphs(v2, v1, { kind: 'version', version: 1 }, 2);
    expect(comparison.viewedIsOlder).toBe(false);
    expect(comparison.decorations).toEqual({ start: 'changed', zns: 'added', sms: 'removed' });
    expect(comparison.graph.nodes.map((node) => node.id)).toEqual(['start', 'zns', 'sms']);
  });

  it('diffs the viewed version against the newer draft', () => {
    const comparison = compareGraphs(v1, v2, { kind: 'draft' }, 1);
    expect(comparison.viewedIsOlder).toBe(true);
    expect(comparison.decorations).toEqual({ start: 'changed', zns: 'added', sms: 'removed' });
  });
});
