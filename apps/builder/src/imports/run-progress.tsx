import { useTranslation } from 'react-i18next';
import { runPercent } from './import-progress';
import { useCancelImport, type ContactImport } from './import-queries';

/** The running import: a progress bar against the dry run's row count, its counters so far, and stopping it. */
export function RunProgress({
  current,
  totalRows,
  canCancel,
}: {
  current: ContactImport;
  totalRows: number | undefined;
  canCancel: boolean;
}) {
  const { t } = useTranslation('imports');
  const cancel = useCancelImport(current.id);
  const percent = runPercent(current, totalRows);
  return (
    <div className="import-run">
      <div
        className="import-progress"
        role="progressbar"
        aria-label={t('run.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={percent === undefined ? undefined : `${percent} %`}
        data-testid="import-progress"
      >
        <div className="import-progress__bar" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <p role="status">
        {percent !== undefined && `${percent} % · `}
        {t('run.rows', {
          read: current.progress.rowsRead.toLocaleString('vi-VN'),
          total: totalRows?.toLocaleString('vi-VN') ?? '?',
        })}
      </p>
      {canCancel &&
        (current.cancelRequested ? (
          <p className="muted">{t('run.cancelling')}</p>
        ) : (
          <button
            type="button"
            className="button button--danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('run.cancel')}
          </button>
        ))}
    </div>
  );
}
