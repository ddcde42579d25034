import { useTranslation } from 'react-i18next';

/** What a screen shows while its data loads or when loading failed (with a retry). */
export function QueryState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error)
    return (
      <p className="query-state" role="status">
        {t('loading')}
      </p>
    );
  return (
    <div className="query-state query-state--error" role="alert">
      <p>{t('loadFailed', { detail: error instanceof Error ? error.message : String(error) })}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
