import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './modal-dialog';

/** Stopping cannot be undone: the admin confirms it. */
export function StopDialog({
  open,
  onClose,
  onStop,
}: {
  open: boolean;
  onClose: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation('lifecycle');
  const id = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('stop.title')}</h2>
      <p>{t('stop.body')}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--subtle" autoFocus onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onStop}>
          {t('stop.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}
