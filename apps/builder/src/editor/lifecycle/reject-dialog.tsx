import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './modal-dialog';

/** Asks the admin why the submission is rejected; the comment is what the submitter reads. */
export function RejectDialog({
  open,
  onClose,
  onReject,
}: {
  open: boolean;
  onClose: () => void;
  onReject: (comment: string) => void;
}) {
  const { t } = useTranslation('lifecycle');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={`${id}-title`}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (comment.trim() === '') return setMissing(true);
          onReject(comment.trim());
          setComment('');
          setMissing(false);
        }}
      >
        <h2 id={`${id}-title`}>{t('reject.title')}</h2>
        <label className="field">
          <span>{t('reject.comment')}</span>
          <textarea
            autoFocus
            rows={4}
            maxLength={2000}
            value={comment}
            aria-invalid={missing || undefined}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setComment(event.target.value)}
          />
          <span id={`${id}-hint`} className="muted">
            {missing ? (
              <span className="field__error">{t('reject.commentRequired')}</span>
            ) : (
              t('reject.commentHint')
            )}
          </span>
        </label>
        <div className="dialog__actions">
          <button type="button" className="button button--subtle" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--danger">
            {t('reject.confirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
