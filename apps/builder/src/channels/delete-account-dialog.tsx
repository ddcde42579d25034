import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isProblem } from '../api/api-problem';
import { ModalDialog } from '../editor/lifecycle/modal-dialog';
import { useDeleteChannelAccount, type ChannelAccount } from './channel-queries';

/**
 * Deleting cannot be undone: the admin confirms it. The API keeps an account that has messages in the ledger
 * (the reports need it); then the dialog says so and offers to disable it instead.
 */
export function DeleteAccountDialog({
  account,
  open,
  onClose,
  onDisable,
}: {
  account: ChannelAccount;
  open: boolean;
  onClose: () => void;
  onDisable: () => void;
}) {
  const { t } = useTranslation('channels');
  const id = useId();
  const navigate = useNavigate();
  const remove = useDeleteChannelAccount(account.id);
  const kept = remove.error && isProblem(remove.error, 409);

  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = async () => {
    await remove.mutateAsync();
    void navigate('/settings/channels', { replace: true });
  };

  return (
    <ModalDialog open={open} onClose={close} labelledBy={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('delete.title', { name: account.name })}</h2>
      <p>{t('delete.body')}</p>
      {remove.error && (
        <p className="form-error" role="alert" data-testid="delete-refused">
          {kept ? t('delete.hasMessages') : t('detail.actionFailed', { detail: remove.error.message })}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--subtle" autoFocus onClick={close}>
          {t('delete.cancel')}
        </button>
        {kept && !account.disabled ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              close();
              onDisable();
            }}
          >
            {t('detail.disable')}
          </button>
        ) : (
          !kept && (
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() => void confirm().catch(() => undefined)}
            >
              {remove.isPending ? t('delete.deleting') : t('delete.confirm')}
            </button>
          )
        )}
      </div>
    </ModalDialog>
  );
}
