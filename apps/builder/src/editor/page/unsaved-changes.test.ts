import type { EditorGraph } from '../graph/editor-graph';
import { unsavedChanges } from './unsaved-changes';

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

describe('the changes "copy my changes" copies', () => {
  const saved = graph({
    nodes: [start, wait],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' }],
    notes: [note],
  });

  it('is nothing when nothing changed', () => {
    expect(unsavedChanges(saved, saved)).toEqual({ nodeIds: [], noteIds: [] });
  });

  it('takes added steps and steps whose config changed, not the untouched ones', () => {
    const current = graph({
      ...saved,
      nodes: [start, { ...wait, data: { ...wait.data, amount: 3 } }, exit],
    });
    expect(unsavedChanges(saved, current)).toEqual({ nodeIds: ['wait', 'exit'], noteIds: [] });
  });

  it('leaves out steps only moved or reconnected, and removed ones', () => {
    const current = graph({
      nodes: [{ ...start, position: { x: 40, y: 40 } }, exit],
      edges: [{ id: 'e2', source: 'start', sourceHandle: 'next', target: 'exit' }],
      notes: [note],
    });
    expect(unsavedChanges(saved, current)).toEqual({ nodeIds: ['exit'], noteIds: [] });
  });

  it('takes notes added or rewritten, not notes only moved', () => {
    const added = { id: 'n2', position: { x: 0, y: 0 }, text: 'New idea' };
    expect(
      unsavedChanges(saved, graph({ ...saved, notes: [{ ...note, position: { x: 9, y: 9 } }, added] })),
    ).toEqual({ nodeIds: [], noteIds: ['n2'] });
    expect(unsavedChanges(saved, graph({ ...saved, notes: [{ ...note, text: 'Legal said yes' }] }))).toEqual({
      nodeIds: [],
      noteIds: ['n1'],
    });
  });
});
