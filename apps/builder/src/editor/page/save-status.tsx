import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { formatTime } from '../../format/formats';
import type { SaveStatus } from './autosave';

export function SaveStatusView({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation('editor');
  const timeZone = useMe().workspace.timezone;
  // Autosave changes the visible status every few seconds: only a failure or a conflict is read out, through a
  // live region that is always there (one that is switched on with its text is often not read at all).
  const announcement =
    status.kind === 'failed'
      ? t('save.failed', { detail: status.detail })
      : status.kind === 'conflict'
        ? t('save.unsaved')
        : '';
  return (
    <>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid="save-announcer">
        {announcement}
      </span>
      <span
        className={`save-status save-status--${status.kind}`}
        data-testid="save-status"
        data-state={status.kind}
      >
        {status.kind === 'saving' && t('save.saving')}
        {status.kind === 'saved' && t('save.savedAt', { time: formatTime(status.at, timeZone) })}
        {(status.kind === 'unsaved' || status.kind === 'conflict') && t('save.unsaved')}
        {status.kind === 'failed' && (
          <>
            {t('save.failed', { detail: status.detail })}{' '}
            <button type="button" className="button button--quiet" onClick={onRetry}>
              {t('save.retry')}
            </button>
          </>
        )}
      </span>
    </>
  );
}
