import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { formatCount, formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { useSegmentList } from './segment-queries';

/** `/segments`: the workspace's segments by name, with their member counts (every role may read them). */
export function SegmentListPage() {
  const { t } = useTranslation('segments');
  const me = useMe();
  const list = useSegmentList();
  const segments = [...(list.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <section className="page" aria-labelledby="segments-title">
      <div className="page__header">
        <h1 id="segments-title">{t('list.title')}</h1>
        {can(me.role, 'segments.edit') && (
          <Link to="/segments/new" className="button button--primary">
            {t('list.create')}
          </Link>
        )}
      </div>
      {list.isPending || list.isError ? (
        <QueryState error={list.error} onRetry={() => void list.refetch()} />
      ) : segments.length === 0 ? (
        <p className="empty-state">{t('list.empty')}</p>
      ) : (
        <table className="table" data-testid="segment-list">
          <thead>
            <tr>
              <th scope="col">{t('list.columns.name')}</th>
              <th scope="col" className="table__number">
                {t('list.columns.members')}
              </th>
              <th scope="col">{t('list.columns.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((segment) => (
              <tr key={segment.id} data-testid="segment-row" data-segment-id={segment.id}>
                <td className="table__primary">
                  <Link to={`/segments/${segment.id}`}>{segment.name}</Link>
                  {segment.description && <div className="muted">{segment.description}</div>}
                </td>
                <td className="table__number" data-testid="segment-member-count">
                  {formatCount(segment.memberCount)}
                  {segment.refreshedAt === null && <span className="muted"> ({t('list.computing')})</span>}
                </td>
                <td>{formatDateTime(segment.updatedAt, me.workspace.timezone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
