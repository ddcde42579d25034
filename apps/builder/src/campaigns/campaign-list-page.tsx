import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { formatCount, formatDateTime } from '../format/formats';
import { QueryState } from '../shell/query-state';
import {
  useArchiveCampaign,
  useCampaignList,
  useDuplicateCampaign,
  type Campaign,
  type CampaignFilters,
  type CampaignState,
} from './campaign-queries';
import { CreateCampaignDialog } from './create-campaign-dialog';
import { StateBadge } from './state-badge';

const STATES: CampaignState[] = ['draft', 'pending_approval', 'active', 'paused', 'stopped', 'archived'];
const ARCHIVABLE: CampaignState[] = ['draft', 'stopped'];

/** Filters live in the address (?state=&q=), so a filtered list can be bookmarked and shared. */
function useFilters(): [CampaignFilters, (next: CampaignFilters) => void] {
  const [params, setParams] = useSearchParams();
  const state = params.get('state');
  const query = params.get('q');
  const filters: CampaignFilters = {
    ...(state && STATES.includes(state as CampaignState) && { state: state as CampaignState }),
    ...(query && { q: query }),
  };
  const setFilters = (next: CampaignFilters) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined && value !== '')),
      { replace: true },
    );
  return [filters, setFilters];
}

export function CampaignListPage() {
  const { t } = useTranslation('campaigns');
  const me = useMe();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const [creating, setCreating] = useState(false);
  const list = useCampaignList(filters);
  const campaigns = list.data?.pages.flatMap((page) => page.items) ?? [];
  const mayEdit = can(me.role, 'campaign.edit');

  return (
    <section className="page" aria-labelledby="campaigns-title">
      <div className="page__header">
        <h1 id="campaigns-title">{t('title')}</h1>
        {mayEdit && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('newCampaign')}
          </button>
        )}
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters({ ...filters, q: search.trim() || undefined });
        }}
      >
        <label className="field field--inline">
          <span className="visually-hidden">{t('searchLabel')}</span>
          <input
            type="search"
            value={search}
            placeholder={t('searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <label className="field field--inline">
          <span>{t('stateFilter')}</span>
          <select
            value={filters.state ?? ''}
            onChange={(event) =>
              setFilters({
                ...filters,
                state: (event.target.value || undefined) as CampaignState | undefined,
              })
            }
          >
            <option value="">{t('allStates')}</option>
            {STATES.map((state) => (
              <option key={state} value={state}>
                {t(`states.${state}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.isPending || list.isError ? (
        <QueryState error={list.error} onRetry={() => void list.refetch()} />
      ) : campaigns.length === 0 ? (
        <p className="empty-state">{filters.q || filters.state ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <CampaignTable campaigns={campaigns} timeZone={me.workspace.timezone} mayEdit={mayEdit} />
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {t('loadMore')}
        </button>
      )}
      <CreateCampaignDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function CampaignTable({
  campaigns,
  timeZone,
  mayEdit,
}: {
  campaigns: Campaign[];
  timeZone: string;
  mayEdit: boolean;
}) {
  const { t } = useTranslation('campaigns');
  const duplicate = useDuplicateCampaign();
  const archive = useArchiveCampaign();
  const failure = duplicate.error ?? archive.error;

  return (
    <>
      {failure && (
        <p className="form-error" role="alert">
          {t('actionFailed', { detail: failure.message })}
        </p>
      )}
      <table className="table" data-testid="campaign-list">
        <thead>
          <tr>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.state')}</th>
            <th scope="col">{t('columns.version')}</th>
            <th scope="col">{t('columns.journeys')}</th>
            <th scope="col">{t('columns.edited')}</th>
            {mayEdit && <th scope="col">{t('columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr key={campaign.id} data-testid="campaign-row" data-campaign-id={campaign.id}>
              <td>
                <Link to={`/campaigns/${campaign.id}`} className="table__primary">
                  {campaign.name}
                </Link>
                {campaign.tags.length > 0 && (
                  <span className="table__tags">
                    {campaign.tags.map((tag) => (
                      <span key={tag} className="chip">
                        {tag}
                      </span>
                    ))}
                  </span>
                )}
              </td>
              <td>
                <StateBadge state={campaign.state} />
                {campaign.approval && campaign.state !== 'pending_approval' && (
                  <span className={`badge badge--approval-${campaign.approval.status}`}>
                    {campaign.approval.status === 'pending' ? t('pendingApproval') : t('rejected')}
                  </span>
                )}
              </td>
              <td>
                {campaign.currentVersion ? (
                  <>
                    <Link to={`/campaigns/${campaign.id}/versions/${campaign.currentVersion.version}`}>
                      {t('versionNumber', { version: campaign.currentVersion.version })}
                    </Link>{' '}
                    <Link
                      to={`/campaigns/${campaign.id}/report`}
                      className="table__secondary-link"
                      aria-label={t('reportOf', { name: campaign.name })}
                    >
                      {t('report')}
                    </Link>
                  </>
                ) : (
                  <span className="muted">{t('noVersion')}</span>
                )}
              </td>
              <td data-testid="campaign-journeys">
                {t('journeyCounts', {
                  entered: formatCount(campaign.journeys.entered),
                  inProgress: formatCount(campaign.journeys.inProgress),
                })}
              </td>
              <td>
                {t('editedBy', {
                  name: campaign.draftSavedBy.name,
                  when: formatDateTime(campaign.draftSavedAt, timeZone),
                })}
              </td>
              {mayEdit && (
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => duplicate.mutate(campaign.id)}
                    disabled={duplicate.isPending}
                  >
                    {t('duplicate')}
                  </button>
                  {ARCHIVABLE.includes(campaign.state) && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        if (window.confirm(t('archiveConfirm', { name: campaign.name })))
                          archive.mutate(campaign.id);
                      }}
                      disabled={archive.isPending}
                    >
                      {t('archive')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
