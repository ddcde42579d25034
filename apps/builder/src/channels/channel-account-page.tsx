import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../shell/query-state';
import { AccountActions } from './account-actions';
import { AccountForm } from './account-form';
import {
  accountConfigFromForm,
  accountFormFromAccount,
  SEND_RATE_KEY,
  sendRateFromText,
} from './account-form-schema';
import { AccountStatusBadge } from './account-status-badge';
import { useChannelAccount, useUpdateChannelAccount, type ChannelAccount } from './channel-queries';
import { ConnectionNotices } from './connection-notices';
import { SmsPriceForm } from './sms-price-form';
import { TestMessageForm } from './test-message-form';
import { WebhookUrl } from './webhook-url';
import { ZnsTemplatesSection } from './zns-templates-section';

/** Inside the settings layout, which refuses roles other than admin. */
export function ChannelAccountPage() {
  const { id = '' } = useParams();
  const query = useChannelAccount(id);
  if (query.isPending || query.isError)
    return (
      <section className="page">
        <QueryState error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  return <AccountDetail account={query.data} />;
}

function AccountDetail({ account }: { account: ChannelAccount }) {
  const { t } = useTranslation('channels');
  const update = useUpdateChannelAccount(account.id);
  const isZalo = account.kind === 'zalo_oa';
  const sendsSms = account.channels.includes('sms');

  return (
    <section className="page channel-page" aria-labelledby="channel-title">
      <Link to="/settings/channels" className="channel-page__back">
        ← {t('backToList')}
      </Link>
      <div className="page__header">
        <div>
          <h1 id="channel-title">{account.name}</h1>
          <p className="channel-page__facts">
            <span>{t(`kinds.${account.kind}`)}</span>
            <AccountStatusBadge account={account} />
            {account.testing && <span className="badge badge--channel-testing">{t('testing')}</span>}
            {account.providerName && (
              <span data-testid="provider-name">
                {t('detail.providerName')}: {account.providerName}
              </span>
            )}
          </p>
        </div>
      </div>
      <ConnectionNotices account={account} />
      <AccountActions account={account} />
      {account.webhookUrl && <WebhookUrl url={account.webhookUrl} />}
      {isZalo && <ZnsTemplatesSection account={account} />}
      {account.status === 'connected' && !account.disabled && <TestMessageForm account={account} />}
      {sendsSms && <SmsPriceForm accountId={account.id} />}
      <section className="channel-section" aria-labelledby="channel-settings-title">
        <h2 id="channel-settings-title">{t('form.settings')}</h2>
        <AccountForm
          key={account.id}
          kind={account.kind}
          initial={accountFormFromAccount(account)}
          storedSecrets={account.secretsSet}
          testId="edit-channel-form"
          submitLabel={t('form.save')}
          submittingLabel={t('form.saving')}
          sendRate={{ defaultPerSecond: account.defaultSendRatePerSecond }}
          onSave={async (values) => {
            await update.mutateAsync({
              name: values.name.trim(),
              config: accountConfigFromForm(account.kind, values),
              sendRatePerSecond: sendRateFromText(String(values[SEND_RATE_KEY] ?? '')) ?? null,
            });
          }}
        />
      </section>
    </section>
  );
}
