import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { fragmentOf, isEmptyFragment, parseFragment, serializeFragment } from '../clipboard/fragment';
import { readClipboard, rememberCopied, writeClipboard } from '../clipboard/system-clipboard';
import { tidyUp } from '../layout/tidy-up';
import { useEditorStore } from '../store/editor-context';

const PASTE_STEP = 40;

/**
 * Everything the toolbar and the keyboard shortcuts do, in one place. `onPasteSkipped` hears how many damaged
 * steps a paste left out.
 */
export function useEditorActions(onPasteSkipped?: (count: number) => void) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const pastes = useRef({ text: '', count: 0 });

  const selectionText = useCallback(() => {
    const { graph, selection } = store.getState();
    if (selection.nodes.length + selection.notes.length === 0) return undefined;
    return serializeFragment(fragmentOf(graph, selection.nodes, selection.notes));
  }, [store]);

  const pasteText = useCallback(
    (text: string) => {
      const parsed = parseFragment(text);
      if (!parsed) return false;
      const { fragment, skipped } = parsed;
      if (skipped > 0) onPasteSkipped?.(skipped);
      if (isEmptyFragment(fragment)) return true;
      const memory = pastes.current;
      memory.count = memory.text === text ? memory.count + 1 : 1;
      memory.text = text;
      store.getState().paste(fragment, { x: PASTE_STEP * memory.count, y: PASTE_STEP * memory.count });
      return true;
    },
    [store, onPasteSkipped],
  );

  return useMemo(
    () => ({
      selectionText,
      pasteText,
      /** For copy/cut keyboard events, which write the clipboard themselves. */
      copied: (text: string) => {
        rememberCopied(text);
        pastes.current = { text, count: 0 };
      },
      copy: async () => {
        const text = selectionText();
        if (text === undefined) return;
        pastes.current = { text, count: 0 };
        await writeClipboard(text);
      },
      cut: async () => {
        const text = selectionText();
        if (text === undefined) return;
        pastes.current = { text, count: 0 };
        await writeClipboard(text);
        store.getState().deleteSelection();
      },
      paste: async () => {
        pasteText(await readClipboard());
      },
      duplicate: () => {
        const text = selectionText();
        if (text === undefined) return;
        pastes.current = { text, count: 0 };
        pasteText(text);
      },
      remove: () => store.getState().deleteSelection(),
      selectAll: () => store.getState().selectAll(),
      clearSelection: () => store.getState().setSelection({ nodes: [], edges: [], notes: [] }),
      undo: () => store.getState().undo(),
      redo: () => store.getState().redo(),
      addNote: () => {
        // beside the campaign, at the top, so that it covers no step
        const { graph, measured } = store.getState();
        const items = [...graph.nodes, ...graph.notes];
        const right = Math.max(
          0,
          ...items.map((item) => item.position.x + (measured[item.id]?.width ?? 260)),
        );
        const top = items.length > 0 ? Math.min(...items.map((item) => item.position.y)) : 0;
        const at = { x: right + 60, y: top };
        store.getState().addNote(at);
        void flow.setCenter(at.x + 110, at.y + 60, { zoom: flow.getZoom(), duration: 300 });
      },
      tidyUp: async () => {
        const { graph, measured, readOnly } = store.getState();
        if (readOnly || graph.nodes.length === 0) return;
        const first = graph.nodes[0]!.position;
        const tidy = await tidyUp(graph, measured, first);
        store.getState().replaceGraph(tidy);
        window.requestAnimationFrame(() => void flow.fitView({ duration: 300, padding: 0.15 }));
      },
      fitView: () => void flow.fitView({ duration: 300, padding: 0.15 }),
    }),
    [flow, pasteText, selectionText, store],
  );
}

export type EditorActions = ReturnType<typeof useEditorActions>;
