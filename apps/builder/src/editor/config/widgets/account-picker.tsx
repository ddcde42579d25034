import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InputA11y } from '../field-shell';
import { useConfigForm } from '../form-context';
import { useChannelAccounts, type ChannelAccount } from '../queries';

function accountName(t: TFunction, account: ChannelAccount): string {
  if (account.disabled) return t('accounts.disabled', { name: account.name });
  if (account.status !== 'connected') return t('accounts.notConnected', { name: account.name });
  if (account.testing) return t('accounts.testing', { name: account.name });
  return account.name;
}

/** The workspace's channel accounts that send on the node's channel. */
export function AccountPicker(props: { a11y: InputA11y; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('config');
  const { readOnly, accountChannel } = useConfigForm();
  const accounts = useChannelAccounts();
  const usable = (accounts.data ?? []).filter(
    (account) => accountChannel === undefined || account.channels.includes(accountChannel),
  );
  const known = usable.some((account) => account.id === props.value);
  return (
    <>
      <select
        {...props.a11y}
        value={props.value}
        disabled={readOnly}
        aria-busy={accounts.isPending || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{accounts.isPending ? t('loading') : t('accounts.placeholder')}</option>
        {!known && props.value && <option value={props.value}>{props.value}</option>}
        {usable.map((account) => (
          <option key={account.id} value={account.id}>
            {accountName(t, account)}
          </option>
        ))}
      </select>
      {accounts.isError && (
        <span className="config-field__issues">{t('loadFailed', { detail: accounts.error.message })}</span>
      )}
      {accounts.isSuccess && usable.length === 0 && (
        <span className="config-field__hint">{t('accounts.none')}</span>
      )}
    </>
  );
}
