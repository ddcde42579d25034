import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/formats';
import type { Conflict } from './autosave';

/** Someone saved the draft since this editor loaded it: take their version, or keep mine on the clipboard first. */
export function ConflictDialog({
  conflict,
  onReload,
  onCopyMine,
}: {
  conflict: Conflict;
  onReload: () => void;
  onCopyMine: () => Promise<void>;
}) {
  const { t } = useTranslation('editor');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [copying, setCopying] = useState(false);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      data-testid="conflict-dialog"
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id={titleId}>{t('conflict.title')}</h2>
      <p>
        {t('conflict.body', {
          name: conflict.lastSavedBy,
          when: conflict.lastSavedAt ? formatDateTime(conflict.lastSavedAt) : '?',
          revision: conflict.currentRevision,
        })}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onReload}>
          {t('conflict.reload')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={copying}
          onClick={() => {
            setCopying(true);
            void onCopyMine().finally(() => setCopying(false));
          }}
        >
          {t('conflict.copyMine')}
        </button>
      </div>
    </dialog>
  );
}
