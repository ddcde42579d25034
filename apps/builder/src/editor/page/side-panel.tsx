import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeConfigPanel } from '../config/node-config-panel';
import { useEditor } from '../store/editor-context';

/** The right-hand panel: the selected step's settings. */
export function SidePanel() {
  const { t } = useTranslation('editor');
  const selectedId = useEditor((state) =>
    state.selection.nodes.length === 1 ? state.selection.nodes[0] : undefined,
  );
  const count = useEditor(
    (state) => state.selection.nodes.length + state.selection.notes.length + state.selection.edges.length,
  );
  const node = useEditor((state) => state.graph.nodes.find((candidate) => candidate.id === selectedId));
  const problems = useEditor((state) => state.problems);
  const readOnly = useEditor((state) => state.readOnly);
  const updateNodeData = useEditor((state) => state.updateNodeData);
  const diagnostics = useMemo(
    () => problems.filter((problem) => problem.nodeId !== undefined && problem.nodeId === selectedId),
    [problems, selectedId],
  );

  return (
    <aside className="side-panel" aria-label={t('panel.title')} data-testid="side-panel">
      <h2 className="side-panel__title">{node ? t(`types.${node.type}`) : t('panel.title')}</h2>
      {node ? (
        <NodeConfigPanel
          key={node.id}
          node={node}
          diagnostics={diagnostics}
          readOnly={readOnly}
          onChange={(data) => updateNodeData(node.id, data)}
        />
      ) : (
        <p className="side-panel__empty">{count > 1 ? t('panel.many', { count }) : t('panel.empty')}</p>
      )}
    </aside>
  );
}
