import { useTranslation } from 'react-i18next';
import type { ChannelAccount } from './channel-queries';

/** What an account's state means for sending: a disabled account says so whatever its connection. */
export function displayedStatus(account: Pick<ChannelAccount, 'status' | 'disabled'>) {
  return account.disabled ? 'disabled' : account.status;
}

export function AccountStatusBadge({ account }: { account: Pick<ChannelAccount, 'status' | 'disabled'> }) {
  const { t } = useTranslation('channels');
  const status = displayedStatus(account);
  return (
    <span className={`badge badge--channel-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
