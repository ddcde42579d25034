import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { formatDateTime, formatVnd } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { useSyncZnsTemplates, useZnsTemplates, type ChannelAccount } from './channel-queries';

/** The OA's ZNS templates as last synced from Zalo (made and approved there), with a manual re-sync. */
export function ZnsTemplatesSection({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation('channels');
  const me = useMe();
  const templates = useZnsTemplates(account.id, true);
  const sync = useSyncZnsTemplates(account.id);
  const canSync = account.status === 'connected' && !account.disabled;

  return (
    <section className="channel-section" aria-labelledby="zns-templates-title">
      <div className="channel-section__header">
        <h2 id="zns-templates-title">{t('templates.title')}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => sync.mutate()}
          disabled={!canSync || sync.isPending}
        >
          {sync.isPending ? t('templates.syncing') : t('templates.sync')}
        </button>
      </div>
      {sync.data && (
        <p className={sync.data.ok ? 'notice' : 'form-error'} role={sync.data.ok ? 'status' : 'alert'}>
          {sync.data.ok
            ? t('templates.synced', { count: sync.data.templates ?? 0 })
            : t('templates.syncFailed', { detail: sync.data.detail ?? '' })}
        </p>
      )}
      {sync.error && (
        <p className="form-error" role="alert">
          {t('templates.syncFailed', { detail: sync.error.message })}
        </p>
      )}
      {templates.isPending || templates.isError ? (
        <QueryState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <p className="empty-state">{t('templates.empty')}</p>
      ) : (
        <table className="table" data-testid="zns-templates">
          <thead>
            <tr>
              <th scope="col">{t('templates.columns.id')}</th>
              <th scope="col">{t('templates.columns.name')}</th>
              <th scope="col">{t('templates.columns.status')}</th>
              <th scope="col">{t('templates.columns.quality')}</th>
              <th scope="col">{t('templates.columns.price')}</th>
              <th scope="col">{t('templates.columns.params')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.data.map((template) => (
              <tr key={template.templateId} data-testid="zns-template-row">
                <td>
                  <code>{template.templateId}</code>
                </td>
                <td>
                  {template.name}
                  {template.tag && <span className="chip">{template.tag}</span>}
                  <span className="muted channel-template__synced">
                    {t('templates.syncedAt', {
                      when: formatDateTime(template.syncedAt, me.workspace.timezone),
                    })}
                  </span>
                </td>
                <td>
                  <span className={`badge badge--zns-${template.status.toLowerCase()}`}>
                    {template.status}
                  </span>
                </td>
                <td>{template.quality ?? '—'}</td>
                <td>{template.price === null ? '—' : formatVnd(template.price)}</td>
                <td>
                  <ul className="channel-template__params">
                    {template.params.map((param) => (
                      <li key={param.name}>
                        <code>{param.name}</code> {param.type} ≤ {param.maxLength}
                        {!param.require && <span className="muted"> ({t('templates.optional')})</span>}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
