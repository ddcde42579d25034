import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shell/query-state';
import { WorkspaceSettingsForm } from './workspace-settings-form';
import { useWorkspace } from './workspace-queries';

/** /settings/workspace: name, time zone, approval, and the quiet hours and caps new campaigns start with. */
export function WorkspacePage() {
  const { t } = useTranslation('settings');
  const workspace = useWorkspace();

  return (
    <section className="page" aria-labelledby="workspace-title">
      <div className="page__header">
        <h1 id="workspace-title">{t('workspace.title')}</h1>
      </div>
      {workspace.isPending || workspace.isError ? (
        <QueryState error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <WorkspaceSettingsForm key={workspace.data.id} workspace={workspace.data} />
      )}
    </section>
  );
}
