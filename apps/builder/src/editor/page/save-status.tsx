import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { formatTime } from '../../format/formats';
import type { SaveStatus } from './autosave';

export function SaveStatusView({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation('editor');
  const timeZone = useMe().workspace.timezone;
  // autosave changes this every few seconds: only a failure or a conflict is worth interrupting anyone for
  const announced = status.kind === 'failed' || status.kind === 'conflict';
  return (
    <span
      className={`save-status save-status--${status.kind}`}
      role="status"
      aria-live={announced ? 'polite' : 'off'}
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
  );
}
