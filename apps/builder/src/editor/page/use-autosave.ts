import { useEffect, useRef, useState } from 'react';
import type { EditorGraph } from '../graph/editor-graph';
import type { EditorStore } from '../store/editor-store';
import { Autosave, type SaveStatus } from './autosave';
import { saveDraft } from './editor-queries';

/**
 * Saves the store's graph as the campaign's draft after 1.5 s of quiet, when the tab is hidden and when the page
 * is left; the answer's diagnostics feed the problems panel.
 */
export function useAutosave(
  campaignId: string,
  store: EditorStore,
  draft: { revision: number; savedAt: string },
  enabled: boolean,
) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: draft.savedAt });
  const autosaveRef = useRef<Autosave<EditorGraph> | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    const autosave = new Autosave<EditorGraph>({
      revision: draft.revision,
      savedAt: draft.savedAt,
      save: (revision, graph) => saveDraft(campaignId, revision, graph),
      onStatus: setStatus,
      onSaved: (saved) => store.getState().setSavedDiagnostics(saved.diagnostics),
    });
    autosaveRef.current = autosave;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.graph !== previous.graph) autosave.changed(state.graph);
    });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsaved) return;
      void autosave.flush();
      event.preventDefault();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      void autosave.flush().then(() => autosave.stop());
      autosaveRef.current = undefined;
    };
  }, [campaignId, store, draft.revision, draft.savedAt, enabled]);

  return { status, retry: () => void autosaveRef.current?.flush() };
}
