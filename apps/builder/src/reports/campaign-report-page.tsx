import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCampaign } from '../campaigns/campaign-queries';
import { StateBadge } from '../campaigns/state-badge';
import type { DiffGraph } from '../editor/versions/graph-diff';
import { useVersion, useVersions } from '../editor/versions/versions-queries';
import { QueryState } from '../shell/query-state';
import { useSearchUpdater } from '../shell/use-search-updater';
import { ChannelTable } from './channel-table';
import { CsvDownloadButton } from './csv-download-button';
import { OverviewFigures } from './overview-figures';
import { ReportCanvas } from './report-canvas';
import { useMe } from '../auth/session';
import { parseReportFilters, withReportFilters, type ReportFilters } from './report-filters';
import { ReportFiltersBar } from './report-filters-bar';
import {
  useChannelReport,
  useNodeReport,
  useOverviewReport,
  useSeriesReport,
  useSplitReport,
  type SeriesInterval,
} from './report-queries';
import { ReportSection } from './report-section';
import { SeriesChart } from './series-chart';
import { SeriesIntervalToggle } from './series-interval-toggle';
import { SplitResults } from './split-results';

/**
 * /campaigns/:id/report — a campaign's figures, read-only for every role: overview, per step on the published
 * canvas, per channel and account, A/B splits and a time series. The version, days and interval live in the
 * address (?version=2&from=2026-12-01&to=2026-12-07&interval=hour).
 */
export function CampaignReportPage() {
  const { t } = useTranslation('reports');
  const campaignId = useParams()['id'] ?? '';
  const [search, updateSearch] = useSearchUpdater();
  const me = useMe();
  const filters = { ...parseReportFilters(search), timeZone: me.workspace.timezone };
  const interval: SeriesInterval = search.get('interval') === 'hour' ? 'hour' : 'day';
  const campaign = useCampaign(campaignId);
  const versions = useVersions(campaignId);
  const published = (versions.data?.items ?? []).map((item) => item.version).sort((a, b) => a - b);
  const canvasVersion = filters.version ?? campaign.data?.currentVersion?.version ?? published.at(-1);
  const version = useVersion(campaignId, canvasVersion);
  const overview = useOverviewReport(campaignId, filters);
  const nodes = useNodeReport(campaignId, filters);
  const channels = useChannelReport(campaignId, filters);
  const splits = useSplitReport(campaignId, filters);
  const series = useSeriesReport(campaignId, filters, interval);

  if (!campaign.data || !versions.data)
    return (
      <QueryState
        error={campaign.error ?? versions.error}
        onRetry={() => void Promise.all([campaign.refetch(), versions.refetch()])}
      />
    );

  const changeFilters = (change: Partial<ReportFilters>) =>
    updateSearch((current) => withReportFilters(current, { ...parseReportFilters(current), ...change }));
  const setInterval = (next: SeriesInterval) =>
    updateSearch((current) => {
      current.set('interval', next);
      return current;
    });
  const csv = (table: Parameters<typeof CsvDownloadButton>[0]['table'], tableName: string) => (
    <CsvDownloadButton
      table={table}
      tableName={tableName}
      campaignId={campaignId}
      filters={filters}
      {...(table === 'series' && { interval })}
    />
  );

  return (
    <section className="report-page" aria-labelledby="report-title" data-testid="report-page">
      <header className="report-page__header">
        <div>
          <Link to={`/campaigns/${campaignId}`} className="version-page__back">
            ← {t('page.backToEditor')}
          </Link>
          <h1 id="report-title">{t('page.heading', { name: campaign.data.name })}</h1>
          <p className="report-page__meta">
            <StateBadge state={campaign.data.state} />
            <span>{t('page.readOnly')}</span>
          </p>
        </div>
        <ReportFiltersBar filters={filters} versions={published} onChange={changeFilters} />
      </header>

      {published.length === 0 && <p className="notice">{t('page.notPublished')}</p>}

      <ReportSection id="overview" title={t('overview.title')} tools={csv('overview', t('overview.title'))}>
        {overview.data ? (
          <OverviewFigures overview={overview.data} />
        ) : (
          <QueryState error={overview.error} onRetry={() => void overview.refetch()} />
        )}
      </ReportSection>

      {canvasVersion !== undefined && (
        <ReportSection id="nodes" title={t('nodes.title')} tools={csv('nodes', t('nodes.title'))}>
          <p className="muted">{t('nodes.canvasHint', { version: canvasVersion })}</p>
          {version.data && nodes.data ? (
            <ReportCanvas graph={version.data.graph as DiffGraph} nodes={nodes.data.nodes} />
          ) : (
            <QueryState
              error={version.error ?? nodes.error}
              onRetry={() => void Promise.all([version.refetch(), nodes.refetch()])}
            />
          )}
        </ReportSection>
      )}

      <ReportSection id="channels" title={t('channels.title')} tools={csv('channels', t('channels.title'))}>
        {channels.data ? (
          <ChannelTable report={channels.data} />
        ) : (
          <QueryState error={channels.error} onRetry={() => void channels.refetch()} />
        )}
      </ReportSection>

      <ReportSection id="splits" title={t('splits.title')} tools={csv('splits', t('splits.title'))}>
        {splits.data ? (
          <SplitResults splits={splits.data.splits} />
        ) : (
          <QueryState error={splits.error} onRetry={() => void splits.refetch()} />
        )}
      </ReportSection>

      <ReportSection
        id="series"
        title={t('series.title')}
        tools={
          <>
            <SeriesIntervalToggle interval={interval} onChange={setInterval} />
            {csv('series', t('series.title'))}
          </>
        }
      >
        {series.data ? (
          <SeriesChart report={series.data} />
        ) : (
          <QueryState error={series.error} onRetry={() => void series.refetch()} />
        )}
      </ReportSection>
    </section>
  );
}
