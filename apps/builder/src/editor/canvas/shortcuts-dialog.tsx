import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The cheat sheet `?` opens. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('editor');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="shortcuts"
    >
      <h2 id={titleId}>{t('shortcuts.title')}</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>{t(`shortcuts.${shortcut.action}`)}</td>
              <td>
                {shortcut.keys.map((keys) => (
                  <kbd key={keys}>{keys.replace('Mod', isMac ? '⌘' : 'Ctrl')}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
