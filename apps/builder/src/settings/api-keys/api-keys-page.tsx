import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { formatDateTime } from '../../format/formats';
import { QueryState } from '../../shell/query-state';
import { useApiKeys, useRevokeApiKey } from './api-key-queries';
import { CreateApiKeyForm } from './create-api-key-form';

/** /settings/api-keys: keys for servers that send events or read and write through the API. */
export function ApiKeysPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const when = (value: string | null) =>
    value ? formatDateTime(value, me.workspace.timezone) : t('apiKeys.never');

  return (
    <section className="page" aria-labelledby="api-keys-title">
      <div className="page__header">
        <h1 id="api-keys-title">{t('apiKeys.title')}</h1>
      </div>
      <CreateApiKeyForm />
      <section className="settings-card" aria-labelledby="keys-list-title">
        <h2 id="keys-list-title">{t('apiKeys.list')}</h2>
        {revoke.error && (
          <p className="form-error" role="alert">
            {t('actionFailed', { detail: revoke.error.message })}
          </p>
        )}
        {keys.isPending || keys.isError ? (
          <QueryState error={keys.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.items.length === 0 ? (
          <p className="empty-state">{t('apiKeys.empty')}</p>
        ) : (
          <table className="table" data-testid="api-key-list">
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.columns.name')}</th>
                <th scope="col">{t('apiKeys.columns.scope')}</th>
                <th scope="col">{t('apiKeys.columns.created')}</th>
                <th scope="col">{t('apiKeys.columns.lastUsed')}</th>
                <th scope="col">{t('apiKeys.columns.state')}</th>
                <th scope="col">{t('users.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((key) => (
                <tr key={key.id} data-testid="api-key-row" data-key-id={key.id} data-name={key.name}>
                  <td>
                    <span className="table__primary">{key.name}</span>
                    <code className="muted settings__sub">{key.prefix}…</code>
                  </td>
                  <td>{t(`apiKeys.scopes.${key.scope}.name`)}</td>
                  <td>{when(key.createdAt)}</td>
                  <td>{when(key.lastUsedAt)}</td>
                  <td>
                    <span
                      className={`badge badge--key-${key.revokedAt ? 'revoked' : 'active'}`}
                      data-status={key.revokedAt ? 'revoked' : 'active'}
                    >
                      {key.revokedAt ? t('apiKeys.revoked') : t('apiKeys.active')}
                    </span>
                  </td>
                  <td>
                    <div className="table__actions">
                      {!key.revokedAt && (
                        <button
                          type="button"
                          className="button button--small button--danger"
                          disabled={revoke.isPending}
                          onClick={() => {
                            if (window.confirm(t('apiKeys.revokeConfirm', { name: key.name })))
                              revoke.mutate(key.id);
                          }}
                        >
                          {t('apiKeys.revoke')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
