import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { AccountStatusBadge } from './account-status-badge';
import { CreateAccountDialog } from './create-account-dialog';
import { useChannelAccounts, type ChannelAccount } from './channel-queries';
import { ZaloErrorNotice } from './zalo-error-notice';

/** Inside the settings layout, which refuses roles other than admin. */
export function ChannelListPage() {
  const { t } = useTranslation('channels');
  const list = useChannelAccounts();
  const [creating, setCreating] = useState(false);

  return (
    <section className="page" aria-labelledby="channels-title">
      <div className="page__header">
        <h1 id="channels-title">{t('title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('addAccount')}
        </button>
      </div>
      <p className="muted channel-intro">{t('intro')}</p>
      {/* a Zalo consent that failed before naming its account comes back here */}
      <ZaloErrorNotice className="form-error" />
      {list.isPending || list.isError ? (
        <QueryState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="empty-state">{t('empty')}</p>
      ) : (
        <AccountTable accounts={list.data} />
      )}
      <CreateAccountDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function AccountTable({ accounts }: { accounts: ChannelAccount[] }) {
  const { t } = useTranslation('channels');
  const me = useMe();
  return (
    <table className="table" data-testid="channel-list">
      <thead>
        <tr>
          <th scope="col">{t('columns.name')}</th>
          <th scope="col">{t('columns.kind')}</th>
          <th scope="col">{t('columns.status')}</th>
          <th scope="col">{t('columns.lastTest')}</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => (
          <tr key={account.id} data-testid="channel-row" data-account-id={account.id}>
            <td>
              <Link to={`/settings/channels/${account.id}`} className="table__primary">
                {account.name}
              </Link>
              {account.providerName && <span className="muted"> · {account.providerName}</span>}
            </td>
            <td>{t(`kinds.${account.kind}`)}</td>
            <td>
              <AccountStatusBadge account={account} />
              {account.testing && <span className="badge badge--channel-testing">{t('testing')}</span>}
            </td>
            <td>
              {account.lastTest ? (
                <span className={account.lastTest.ok ? 'channel-test--ok' : 'channel-test--failed'}>
                  {account.lastTest.ok ? t('testOk') : t('testFailed')} ·{' '}
                  {formatDateTime(account.lastTest.at, me.workspace.timezone)}
                </span>
              ) : (
                <span className="muted">{t('never')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
