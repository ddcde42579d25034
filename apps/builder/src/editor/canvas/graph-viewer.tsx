import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useRef, useState } from 'react';
import { toEditorGraph } from '../graph/editor-graph';
import { EditorProvider } from '../store/editor-context';
import { createEditorStore } from '../store/editor-store';
import { EditorCanvas } from './editor-canvas';

/**
 * Any campaign graph on a read-only canvas (select, copy, zoom), with optional per-step decorations
 * ('path', 'added', 'changed', 'removed'): for published versions, their differences, a journey's path.
 */
export function GraphViewer({
  graph,
  decorations,
}: {
  graph: unknown;
  decorations?: Record<string, string>;
}) {
  const [store] = useState(() => createEditorStore({ graph: toEditorGraph(graph), readOnly: true }));
  const shown = useRef(graph);
  useEffect(() => {
    if (shown.current === graph) return;
    shown.current = graph;
    store.getState().load(toEditorGraph(graph));
  }, [graph, store]);
  useEffect(() => store.getState().setDecorations(decorations ?? {}), [decorations, store]);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <EditorCanvas />
      </ReactFlowProvider>
    </EditorProvider>
  );
}
