import { emptyGraph } from '../graph/editor-graph';
import { fragmentOf } from '../clipboard/fragment';
import { createEditorStore } from './editor-store';
import { UNDO_GROUP_MS } from './undo-grouping';

function setup() {
  let time = 1_000;
  const clock = { advance: (ms: number) => (time += ms) };
  const store = createEditorStore({ graph: emptyGraph(), now: () => time });
  return { store, clock };
}

describe('editor store', () => {
  it('undoes and redoes graph edits, not selection changes', () => {
    const { store, clock } = setup();
    const trigger = store.getState().addNode('trigger.manual', { x: 0, y: 0 })!;
    clock.advance(1_000);
    store.getState().addNodeAfter(trigger, 'next', 'wait.delay');
    store.getState().setSelection({ nodes: [] });
    expect(store.getState().graph.nodes).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().graph.nodes).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().graph.nodes).toHaveLength(0);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().graph.nodes).toHaveLength(2);
  });

  it('connects, reconnects and disconnects a handle, each one undo step', () => {
    const { store, clock } = setup();
    const trigger = store.getState().addNode('trigger.manual', { x: 0, y: 0 })!;
    const delay = store.getState().addNode('wait.delay', { x: 0, y: 200 })!;
    const exit = store.getState().addNode('flow.exit', { x: 0, y: 400 })!;
    const targets = () => store.getState().graph.edges.map((edge) => edge.target);
    store.getState().connect({ source: trigger, sourceHandle: 'next', target: delay });
    clock.advance(100);
    store.getState().connect({ source: trigger, sourceHandle: 'next', target: exit });
    store.getState().setSelection({ edges: store.getState().graph.edges.map((edge) => edge.id) });
    clock.advance(100);
    store.getState().disconnect({ source: trigger, sourceHandle: 'next' });
    expect(targets()).toEqual([]);
    expect(store.getState().selection.edges).toEqual([]);
    store.getState().undo();
    expect(targets()).toEqual([exit]);
    store.getState().undo();
    expect(targets()).toEqual([delay]);
    store.getState().undo();
    expect(targets()).toEqual([]);
    expect(store.getState().graph.nodes).toHaveLength(3);
  });

  it('neither undoes nor redoes while the draft is read-only', () => {
    const { store, clock } = setup();
    const trigger = store.getState().addNode('trigger.manual', { x: 0, y: 0 })!;
    clock.advance(1_000);
    store.getState().addNodeAfter(trigger, 'next', 'wait.delay');
    store.getState().undo();
    store.getState().setReadOnly(true);
    store.getState().undo();
    expect(store.getState().graph.nodes).toHaveLength(1);
    store.getState().redo();
    expect(store.getState().graph.nodes).toHaveLength(1);
    store.getState().setReadOnly(false);
    store.getState().redo();
    expect(store.getState().graph.nodes).toHaveLength(2);
  });

  it('groups quick edits of one step into one undo step, but not edits of different steps or slow ones', () => {
    const { store, clock } = setup();
    const delay = store.getState().addNode('wait.delay', { x: 0, y: 0 })!;
    const other = store.getState().addNode('wait.delay', { x: 0, y: 200 })!;
    for (const amount of [2, 23, 234]) {
      clock.advance(100);
      store.getState().updateNodeData(delay, { amount, unit: 'days' });
    }
    clock.advance(100);
    store.getState().updateNodeData(other, { amount: 5, unit: 'hours' });
    clock.advance(UNDO_GROUP_MS + 1);
    store.getState().updateNodeData(other, { amount: 6, unit: 'hours' });
    const amountOf = (id: string) =>
      (store.getState().graph.nodes.find((node) => node.id === id)?.data as { amount: number }).amount;
    store.getState().undo();
    expect(amountOf(other)).toBe(5);
    store.getState().undo();
    expect(amountOf(other)).toBe(1);
    expect(amountOf(delay)).toBe(234);
    store.getState().undo();
    expect(amountOf(delay)).toBe(1);
  });

  it('refuses edits when read-only, deletes the selection and pastes as one step selecting the copies', () => {
    const { store } = setup();
    const trigger = store.getState().addNode('trigger.manual', { x: 0, y: 0 })!;
    store.getState().setSelection({ nodes: [trigger] });
    const fragment = fragmentOf(store.getState().graph, [trigger]);
    store.getState().paste(fragment, { x: 40, y: 40 });
    const [, copy] = store.getState().graph.nodes;
    expect(store.getState().selection.nodes).toEqual([copy?.id]);
    store.getState().deleteSelection();
    expect(store.getState().graph.nodes.map((node) => node.id)).toEqual([trigger]);
    store.getState().setReadOnly(true);
    store.getState().selectAll();
    store.getState().deleteSelection();
    expect(store.getState().graph.nodes).toHaveLength(1);
  });

  it('changes the campaign settings as one undo step per burst of typing, and not when read-only', () => {
    const { store, clock } = setup();
    const quietEnd = () => store.getState().graph.settings?.quietHours?.end;
    for (const end of ['0', '07', '07:', '07:3', '07:30']) {
      clock.advance(100);
      store.getState().updateSettings({ quietHours: { start: '21:00', end } });
    }
    clock.advance(UNDO_GROUP_MS + 1);
    store.getState().updateSettings({
      quietHours: { start: '21:00', end: '07:30' },
      frequencyCaps: [{ channel: 'sms', max: 2, per: { amount: 1, unit: 'days' } }],
    });
    expect(store.getState().graph.settings?.frequencyCaps).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().graph.settings?.frequencyCaps).toBeUndefined();
    expect(quietEnd()).toBe('07:30');
    store.getState().undo();
    expect(store.getState().graph.settings).toBeUndefined();
    store.getState().redo();
    expect(quietEnd()).toBe('07:30');
    store.getState().setReadOnly(true);
    store.getState().updateSettings({ timezone: 'UTC' });
    expect(store.getState().graph.settings?.timezone).toBeUndefined();
  });
});
