import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ChannelAccount } from './channel-queries';
import { ZaloErrorNotice } from './zalo-error-notice';

/**
 * What the account's state means for sending, most urgent first, and what became of a Zalo consent the API
 * callback sent the browser back from (`?connected=zalo` or `?zaloError=<code>`).
 */
export function ConnectionNotices({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation('channels');
  const [params] = useSearchParams();
  const justConnected = params.get('connected') === 'zalo' && account.status === 'connected';

  return (
    <>
      <ZaloErrorNotice className="banner banner--down channel-notice" />
      {justConnected && (
        <div className="banner banner--up channel-notice" role="status">
          <p>{t('detail.connected', { name: account.providerName ?? '' })}</p>
        </div>
      )}
      {account.status === 'needs_reconnect' && (
        <div className="banner banner--down channel-notice" role="alert" data-testid="needs-reconnect">
          <p className="banner__title">{t('detail.needsReconnect')}</p>
          {account.statusDetail && <p className="banner__reason">{account.statusDetail}</p>}
        </div>
      )}
      {account.status === 'not_connected' && (
        <div className="banner banner--checking channel-notice" role="status">
          <p>{t('detail.notConnected')}</p>
        </div>
      )}
      {account.disabled && (
        <div className="banner banner--checking channel-notice" role="status">
          <p>{t('detail.disabledNotice')}</p>
        </div>
      )}
    </>
  );
}
