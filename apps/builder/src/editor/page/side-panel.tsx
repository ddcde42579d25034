import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionsSection } from '../config/connections-section';
import { CampaignSettingsPanel, NodeConfigPanel } from '../config/node-config-panel';
import { useEditor } from '../store/editor-context';
import { useLocalisedDiagnostics } from '../validation/use-diagnostic-message';

/** The right-hand panel: the selected step's settings, or the campaign's when no step is selected. */
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
  const settings = useEditor((state) => state.graph.settings);
  const updateSettings = useEditor((state) => state.updateSettings);
  const diagnostics = useLocalisedDiagnostics(
    useMemo(
      () => problems.filter((problem) => problem.nodeId !== undefined && problem.nodeId === selectedId),
      [problems, selectedId],
    ),
  );
  const settingsDiagnostics = useLocalisedDiagnostics(
    useMemo(
      () => problems.filter((problem) => problem.nodeId === undefined && isSettingsPath(problem.path)),
      [problems],
    ),
  );
  const showSettings = !node && count <= 1;
  const title = node ? t(`types.${node.type}`) : showSettings ? t('panel.settings') : t('panel.title');

  return (
    <aside className="side-panel" aria-label={t('panel.title')} data-testid="side-panel">
      <h2 className="side-panel__title">{title}</h2>
      {node ? (
        <NodeConfigPanel
          key={node.id}
          node={node}
          diagnostics={diagnostics}
          readOnly={readOnly}
          onChange={(data) => updateNodeData(node.id, data)}
        >
          <ConnectionsSection nodeId={node.id} />
        </NodeConfigPanel>
      ) : showSettings ? (
        <CampaignSettingsPanel
          settings={settings ?? {}}
          diagnostics={settingsDiagnostics}
          readOnly={readOnly}
          titleShown={false}
          onChange={updateSettings}
        />
      ) : (
        <p className="side-panel__empty">{t('panel.many', { count })}</p>
      )}
    </aside>
  );
}

function isSettingsPath(path: string | undefined): boolean {
  return (
    path === 'settings' ||
    (path?.startsWith('settings.') ?? false) ||
    (path?.startsWith('settings[') ?? false)
  );
}
