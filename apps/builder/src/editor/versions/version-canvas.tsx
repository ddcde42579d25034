import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useState } from 'react';
import { EditorCanvas } from '../canvas/editor-canvas';
import { ShortcutsDialog } from '../canvas/shortcuts-dialog';
import { StepOverlayContext, type RenderStepOverlay } from '../canvas/step-overlay';
import { useEditorActions } from '../canvas/use-editor-actions';
import { useKeyboardShortcuts } from '../canvas/use-keyboard-shortcuts';
import { toEditorGraph } from '../graph/editor-graph';
import { EditorProvider } from '../store/editor-context';
import { createEditorStore } from '../store/editor-store';
import type { DiffGraph } from './graph-diff';

/**
 * A graph on the editor's canvas, read-only: select, copy (Ctrl+C) and zoom work, nothing changes. Each step carries
 * its decoration (added, changed, removed; edges too, by their id) through the store, and what `renderStepOverlay` draws on it.
 */
export function VersionCanvas({
  graph,
  decorations,
  renderStepOverlay,
  compact = false,
}: {
  graph: DiffGraph;
  decorations: Record<string, string>;
  renderStepOverlay?: RenderStepOverlay;
  /** A small canvas inside a page (see EditorCanvas), without the editor's window-wide shortcuts. */
  compact?: boolean;
}) {
  const [store] = useState(() => createEditorStore({ graph: toEditorGraph(graph), readOnly: true }));
  useEffect(() => {
    store.getState().load(toEditorGraph(graph));
  }, [store, graph]);
  useEffect(() => {
    store.getState().setDecorations(decorations);
  }, [store, decorations]);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <StepOverlayContext.Provider value={renderStepOverlay}>
          {/* a small canvas in a page leaves the page's keys alone */}
          {!compact && <ViewerShortcuts />}
          <EditorCanvas compact={compact} />
        </StepOverlayContext.Provider>
      </ReactFlowProvider>
    </EditorProvider>
  );
}

/** The editor's keyboard shortcuts on a read-only store: selection, copy and help do something, edits nothing. */
function ViewerShortcuts() {
  const actions = useEditorActions();
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useKeyboardShortcuts(actions, openHelp);
  return <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />;
}
