import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../store/editor-context';
import type { DiffGraph } from '../versions/graph-diff';
import { SimulationPanel } from './simulation-panel';

/**
 * The simulation panel in the editor: it runs the graph as it is on the canvas, and shows the chosen contact's
 * path there (the store's `path` decorations, cleared when the panel closes).
 */
export function EditorSimulation({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('simulation');
  const graph = useEditor((state) => state.graph) as unknown as DiffGraph;
  const store = useEditorStore();
  const onPathChange = useCallback(
    (decorations: Record<string, string>) => store.getState().setDecorations(decorations),
    [store],
  );
  return (
    <aside className="editor-simulation" aria-label={t('title')}>
      <button
        type="button"
        className="button button--subtle button--small editor-simulation__close"
        onClick={onClose}
      >
        {t('close')}
      </button>
      <SimulationPanel graph={graph} onPathChange={onPathChange} />
    </aside>
  );
}
