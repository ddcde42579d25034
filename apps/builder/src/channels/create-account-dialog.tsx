import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CHANNEL_KINDS } from './account-fields';
import { AccountForm } from './account-form';
import { accountConfigFromForm, emptyAccountForm } from './account-form-schema';
import { useCreateChannelAccount, type ChannelKind } from './channel-queries';

const NO_SECRETS: readonly string[] = [];

/** Pick a kind, fill in its settings; opens the new account's page once created. */
export function CreateAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('channels');
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const create = useCreateChannelAccount();
  const [kind, setKind] = useState<ChannelKind>('zalo_oa');

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog dialog--wide"
      onClose={onClose}
      aria-labelledby="create-channel-title"
    >
      <h2 id="create-channel-title">{t('create.title')}</h2>
      <div className="field">
        <label htmlFor="channel-kind">{t('create.kind')}</label>
        <select
          id="channel-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as ChannelKind)}
        >
          {CHANNEL_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kinds.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {open && (
        <AccountForm
          key={kind}
          kind={kind}
          initial={emptyAccountForm(kind)}
          storedSecrets={NO_SECRETS}
          testId="create-channel-form"
          submitLabel={t('create.submit')}
          submittingLabel={t('create.creating')}
          onSave={async (values) => {
            const account = await create.mutateAsync({
              kind,
              name: values.name.trim(),
              config: accountConfigFromForm(kind, values),
            });
            onClose();
            await navigate(`/settings/channels/${account.id}`);
          }}
          actions={
            <button type="button" className="button" onClick={onClose}>
              {t('cancel', { ns: 'common' })}
            </button>
          }
        />
      )}
    </dialog>
  );
}
