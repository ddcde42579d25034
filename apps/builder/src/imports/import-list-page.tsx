import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { errorsCsvUrl, useImports } from './import-queries';

/** `/imports`: the workspace's imports, newest first, with their status and counts (every role may read them). */
export function ImportListPage() {
  const { t } = useTranslation('imports');
  const me = useMe();
  const list = useImports();
  return (
    <section className="page" aria-labelledby="imports-title">
      <div className="page__header">
        <h1 id="imports-title">{t('listTitle')}</h1>
        {can(me.role, 'contacts.import') && (
          <Link to="/contacts/import" className="button button--primary">
            {t('newImport')}
          </Link>
        )}
      </div>
      {list.isPending || list.isError ? (
        <QueryState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p className="empty-state">{t('list.empty')}</p>
      ) : (
        <table className="table" data-testid="import-list">
          <thead>
            <tr>
              <th scope="col">{t('list.file')}</th>
              <th scope="col">{t('list.kind')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.when')}</th>
              <th scope="col">{t('list.counts')}</th>
              <th scope="col">{t('list.errorsCsv')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((item) => (
              <tr key={item.id} data-testid="import-row" data-import-id={item.id} data-status={item.status}>
                <td>{item.fileName}</td>
                <td>{item.dryRun ? t('list.dryRun') : t('list.real')}</td>
                <td>
                  <span className={`badge badge--import-${item.status}`}>{t(`status.${item.status}`)}</span>
                </td>
                <td>{formatDateTime(item.createdAt, me.workspace.timezone)}</td>
                <td>
                  {item.progress.created} / {item.progress.updated} / {item.progress.failed}
                </td>
                <td>
                  {item.progress.failed > 0 && (
                    <a href={errorsCsvUrl(item.id)} download>
                      {t('list.errorsCsv')}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
