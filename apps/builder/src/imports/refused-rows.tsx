import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../shell/query-state';
import { parseErrorRows } from './error-rows';
import { errorsCsvUrl, type ContactImport } from './import-queries';

const SHOWN = 20;

async function fetchErrorsCsv(id: string): Promise<string> {
  const answer = await fetch(errorsCsvUrl(id), { credentials: 'same-origin' });
  if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
  return answer.text();
}

/** The first rows a finished import (or dry run) refused, and its whole error file to download. */
export function RefusedRows({ current }: { current: ContactImport }) {
  const { t } = useTranslation('imports');
  const failed = current.progress.failed;
  const errors = useQuery({
    queryKey: ['imports', 'errors', current.id, current.finishedAt],
    enabled: failed > 0,
    queryFn: () => fetchErrorsCsv(current.id),
    select: (csv) => parseErrorRows(csv, SHOWN),
  });
  if (failed === 0) return <p data-testid="import-no-errors">{t('errors.none')}</p>;
  return (
    <section className="import-errors" aria-labelledby={`import-errors-${current.id}`}>
      <h3 id={`import-errors-${current.id}`}>{t('errors.title')}</h3>
      {errors.isPending || errors.isError ? (
        <QueryState error={errors.error} onRetry={() => void errors.refetch()} />
      ) : (
        <table className="table" data-testid="import-error-rows">
          <thead>
            <tr>
              <th scope="col">{t('errors.row')}</th>
              <th scope="col">{t('errors.column')}</th>
              <th scope="col">{t('errors.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.data.map((error, index) => (
              <tr key={index} data-testid="import-error-row" data-row={error.row}>
                <td>{error.row}</td>
                <td>{error.column}</td>
                <td>{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failed > SHOWN && <p className="muted">{t('errors.more', { count: failed - SHOWN })}</p>}
      <a className="button" href={errorsCsvUrl(current.id)} download data-testid="import-errors-csv">
        {t('errors.download')}
      </a>
    </section>
  );
}
