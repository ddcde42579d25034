import { validateGraph } from '@loa/engine/browser';
import { useEffect } from 'react';
import type { EditorStore } from '../store/editor-store';

const DEBOUNCE_MS = 250;

/** Runs the engine's validateGraph on the store's graph a moment after each change (once per graph). */
export function useLiveValidation(store: EditorStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let checked: unknown;
    const check = () => {
      const { graph } = store.getState();
      if (graph === checked) return;
      checked = graph;
      store.getState().setLiveDiagnostics(validateGraph(graph));
    };
    check();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.graph === previous.graph) return;
      clearTimeout(timer);
      timer = setTimeout(check, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
