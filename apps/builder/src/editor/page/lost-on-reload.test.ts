import type { EditorGraph } from '../graph/editor-graph';
import { lostOnReload } from './lost-on-reload';

const start = { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Start' } };
const wait = {
  id: 'wait',
  type: 'wait.delay',
  position: { x: 0, y: 150 },
  data: { label: 'Wait', amount: 1, unit: 'days' },
};
const exit = {
  id: 'exit',
  type: 'flow.exit',
  position: { x: 0, y: 300 },
  data: { label: 'Done', reason: 'done' },
};
const note = { id: 'n1', position: { x: 300, y: 0 }, text: 'Check with legal' };

/** Nodes of the engine's catalogue, typed loosely here: only what the diff reads matters. */
const graph = (parts: Record<string, unknown>): EditorGraph =>
  ({ schemaVersion: 1, nodes: [], edges: [], notes: [], ...parts }) as unknown as EditorGraph;

describe('what reloading their version loses of mine', () => {
  const saved = graph({
    nodes: [start, wait],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' }],
    notes: [note],
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  });

  it('is nothing when mine is theirs', () => {
    expect(lostOnReload(saved, saved, saved)).toEqual({ nodeIds: [], noteIds: [], settings: [] });
  });

  it('is the steps I added or edited since my last save, not the untouched ones', () => {
    const mine = graph({ ...saved, nodes: [start, { ...wait, data: { ...wait.data, amount: 3 } }, exit] });
    expect(lostOnReload(saved, mine, saved)).toEqual({
      nodeIds: ['wait', 'exit'],
      noteIds: [],
      settings: [],
    });
  });

  it('includes steps I saved earlier that their save removed', () => {
    const theirs = graph({ nodes: [{ ...start, data: { label: 'Their start' } }], notes: [note] });
    expect(lostOnReload(theirs, saved, saved).nodeIds).toEqual(['wait']);
  });

  it('leaves out a step they edited and I did not: that difference is theirs', () => {
    const theirs = graph({ ...saved, nodes: [{ ...start, data: { label: 'Their start' } }, wait] });
    expect(lostOnReload(theirs, saved, saved).nodeIds).toEqual([]);
    const mine = graph({ ...saved, nodes: [{ ...start, data: { label: 'My start' } }, wait] });
    expect(lostOnReload(theirs, mine, saved).nodeIds).toEqual(['start']);
  });

  it('leaves out steps only moved or reconnected, and the ones I removed', () => {
    const mine = graph({
      ...saved,
      nodes: [{ ...start, position: { x: 40, y: 40 } }, exit],
      edges: [{ id: 'e2', source: 'start', sourceHandle: 'next', target: 'exit' }],
    });
    expect(lostOnReload(saved, mine, saved)).toEqual({ nodeIds: ['exit'], noteIds: [], settings: [] });
  });

  it('takes notes they lack or that I rewrote, not notes only moved or that they rewrote', () => {
    const added = { id: 'n2', position: { x: 0, y: 0 }, text: 'New idea' };
    const moved = { ...note, position: { x: 9, y: 9 } };
    expect(lostOnReload(saved, graph({ ...saved, notes: [moved, added] }), saved).noteIds).toEqual(['n2']);
    const rewritten = graph({ ...saved, notes: [{ ...note, text: 'Legal said yes' }] });
    expect(lostOnReload(saved, rewritten, saved).noteIds).toEqual(['n1']);
    expect(lostOnReload(rewritten, saved, saved).noteIds).toEqual([]);
  });

  it('names the settings I changed that differ from theirs, not the ones they changed', () => {
    const mine = graph({ ...saved, settings: { timezone: 'Asia/Bangkok' } });
    expect(lostOnReload(saved, mine, saved).settings).toEqual(['timezone']);
    expect(lostOnReload(mine, saved, saved).settings).toEqual([]);
  });
});
