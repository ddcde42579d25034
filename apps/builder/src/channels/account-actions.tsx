import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { formatDateTime } from '../format/formats';
import {
  useStartZaloConnect,
  useTestConnection,
  useUpdateChannelAccount,
  type ChannelAccount,
} from './channel-queries';
import { DeleteAccountDialog } from './delete-account-dialog';

/**
 * Connect or reconnect a Zalo OA (through Zalo's consent page), test the connection, enable or disable, delete.
 */
export function AccountActions({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation('channels');
  const me = useMe();
  const test = useTestConnection(account.id);
  const update = useUpdateChannelAccount(account.id);
  const connect = useStartZaloConnect(account.id);
  const [deleting, setDeleting] = useState(false);
  const failure = test.error ?? update.error ?? connect.error;

  const goToZalo = async () => {
    const { url } = await connect.mutateAsync();
    window.location.assign(url);
  };

  return (
    <div className="channel-actions">
      <div className="channel-actions__buttons">
        {account.kind === 'zalo_oa' && (
          <button
            type="button"
            className={`button${account.status === 'connected' ? '' : ' button--primary'}`}
            onClick={() => void goToZalo().catch(() => undefined)}
            disabled={connect.isPending || connect.isSuccess}
          >
            {connect.isPending || connect.isSuccess
              ? t('detail.connecting')
              : account.status === 'not_connected'
                ? t('detail.connect')
                : t('detail.reconnect')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => test.mutate()}
          disabled={test.isPending || account.status !== 'connected'}
        >
          {test.isPending ? t('detail.testing') : t('detail.testConnection')}
        </button>
        <button
          type="button"
          className={`button${account.disabled ? '' : ' button--danger'}`}
          onClick={() => update.mutate({ disabled: !account.disabled })}
          disabled={update.isPending}
        >
          {account.disabled ? t('detail.enable') : t('detail.disable')}
        </button>
        <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
          {t('delete.open')}
        </button>
      </div>
      <DeleteAccountDialog
        account={account}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDisable={() => update.mutate({ disabled: true })}
      />
      {failure && (
        <p className="form-error" role="alert">
          {t('detail.actionFailed', { detail: failure.message })}
        </p>
      )}
      {account.lastTest && (
        <p
          className={`channel-last-test ${account.lastTest.ok ? 'channel-test--ok' : 'channel-test--failed'}`}
          role="status"
          data-testid="last-test"
        >
          <strong>
            {t('detail.lastTest')}: {account.lastTest.ok ? t('testOk') : t('testFailed')}
          </strong>{' '}
          ({formatDateTime(account.lastTest.at, me.workspace.timezone)}){' '}
          {account.lastTest.detail && <span>{account.lastTest.detail}</span>}
        </p>
      )}
    </div>
  );
}
