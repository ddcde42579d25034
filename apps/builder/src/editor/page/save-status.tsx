import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './autosave';

const timeOf = (value: string) =>
  new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(value),
  );

export function SaveStatusView({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation('editor');
  return (
    <span
      className={`save-status save-status--${status.kind}`}
      role="status"
      data-testid="save-status"
      data-state={status.kind}
    >
      {status.kind === 'saving' && t('save.saving')}
      {status.kind === 'saved' && t('save.savedAt', { time: timeOf(status.at) })}
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
