import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { formatCount } from '../format/formats';
import { QueryState } from '../shell/query-state';
import { filtersFromParams, filtersToParams, hasFilters, type ContactFilters } from './contact-filters';
import { ContactFilterForm } from './contact-filter-form';
import { useContactList } from './contact-queries';
import { VirtualContactList } from './virtual-contact-list';

export function ContactListPage() {
  const { t } = useTranslation('audience');
  const { t: tImports } = useTranslation('imports');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const setFilters = (next: ContactFilters) => setParams(filtersToParams(next), { replace: true });
  const list = useContactList(filters);
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total;

  return (
    <section className="page contacts-page" aria-labelledby="contacts-title">
      <div className="page__header">
        <h1 id="contacts-title">{t('list.title')}</h1>
        {total !== undefined && (
          <span className="muted" data-testid="contact-total">
            {t('list.total', { total: formatCount(total) })}
          </span>
        )}
        {can(me.role, 'contacts.import') && (
          <Link to="/contacts/import" className="button button--primary">
            {tImports('newImport')}
          </Link>
        )}
      </div>
      <ContactFilterForm key={params.toString()} filters={filters} onChange={setFilters} />
      {list.isPending || list.isError ? (
        <QueryState error={list.error} onRetry={() => void list.refetch()} />
      ) : contacts.length === 0 ? (
        <p className="empty-state">{hasFilters(filters) ? t('list.emptyFiltered') : t('list.empty')}</p>
      ) : (
        <VirtualContactList
          contacts={contacts}
          timeZone={me.workspace.timezone}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onNeedMore={() => void list.fetchNextPage()}
        />
      )}
    </section>
  );
}
