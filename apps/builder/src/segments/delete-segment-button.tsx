import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ModalDialog } from '../editor/lifecycle/modal-dialog';
import { useDeleteSegment, type Segment } from './segment-queries';

/** Deleting cannot be undone: it is confirmed first; a segment other segments use is refused (409). */
export function DeleteSegmentButton({ segment }: { segment: Segment }) {
  const { t } = useTranslation('segments');
  const [open, setOpen] = useState(false);
  const remove = useDeleteSegment(segment.id);
  const navigate = useNavigate();
  const id = useId();
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        {t('page.delete')}
      </button>
      <ModalDialog open={open} onClose={close} labelledBy={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('page.deleteTitle', { name: segment.name })}</h2>
        <p>{t('page.deleteBody')}</p>
        {remove.isError && (
          <p className="form-error" role="alert">
            {t('page.deleteFailed', { detail: remove.error.message })}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--subtle" autoFocus onClick={close}>
            {t('page.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, { onSuccess: () => void navigate('/segments', { replace: true }) })
            }
          >
            {t('page.deleteConfirm')}
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
