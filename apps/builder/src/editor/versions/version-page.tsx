import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isProblem } from '../../api/api-problem';
import { StateBadge } from '../../campaigns/state-badge';
import { formatDateTime } from '../../format/formats';
import { QueryState } from '../../shell/query-state';
import { DiffSummary } from './diff-summary';
import type { DiffGraph } from './graph-diff';
import { nodeNamesOf } from './node-names';
import { VersionCanvas } from './version-canvas';
import { compareGraphs, compareParam, parseCompare, type CompareTarget } from './version-comparison';
import { VersionHistory } from './version-history';
import { useCampaign } from '../../campaigns/campaign-queries';
import { useDraftGraph, useVersion, useVersions } from './versions-queries';

/**
 * /campaigns/:id/versions/:version — a published version, read-only (select, copy and zoom still work), optionally
 * compared with the draft or another version (?compare=draft|n): added, changed and removed steps highlighted.
 */
export function VersionPage() {
  const { t } = useTranslation('versions');
  const params = useParams();
  const campaignId = params['id'] ?? '';
  const number = Number(params['version']);
  const [search, setSearch] = useSearchParams();
  const target = parseCompare(search.get('compare'), number);
  const campaign = useCampaign(campaignId);
  const versions = useVersions(campaignId);
  const version = useVersion(campaignId, Number.isInteger(number) ? number : undefined);
  const otherVersion = useVersion(campaignId, target.kind === 'version' ? target.version : undefined);
  const draft = useDraftGraph(campaignId, target.kind === 'draft');
  const [copied, setCopied] = useState(false);

  if (isProblem(version.error, 404) || isProblem(version.error, 422))
    return (
      <p className="query-state query-state--error">{t('page.notFound', { version: params['version'] })}</p>
    );
  if (!campaign.data || !version.data)
    return (
      <QueryState
        error={campaign.error ?? version.error}
        onRetry={() => void Promise.all([campaign.refetch(), version.refetch()])}
      />
    );

  const viewed = version.data.graph as DiffGraph;
  const other =
    target.kind === 'draft' ? draft.data?.graph : (otherVersion.data?.graph as DiffGraph | undefined);
  const comparison =
    target.kind !== 'none' && other ? compareGraphs(viewed, other, target, number) : undefined;
  const otherLabel =
    target.kind === 'draft' ? t('diff.draft') : t('diff.version', { version: compareParam(target) });
  const viewedLabel = t('diff.version', { version: number });
  const setTarget = (next: CompareTarget) => {
    const value = compareParam(next);
    setSearch(value ? { compare: value } : {}, { replace: true });
  };
  const copyLink = async () => {
    await navigator.clipboard.writeText(window.location.href);
    setCopied(true);
  };
  const isCurrent = campaign.data.currentVersion?.version === number;

  return (
    <section className="version-page" aria-labelledby="version-title" data-testid="version-page">
      <header className="version-page__header">
        <div className="version-page__heading">
          <Link to={`/campaigns/${campaignId}`} className="version-page__back">
            ← {t('page.backToEditor')}
          </Link>
          <h1 id="version-title">
            {campaign.data.name} · {t('page.title', { version: number })}
          </h1>
          <p className="version-page__meta">
            {isCurrent && <span className="live-badge">{t('history.current')}</span>}
            {!isCurrent && <StateBadge state={campaign.data.state} />}
            <span>
              {t('page.published', {
                name: version.data.publishedBy.name,
                when: formatDateTime(version.data.publishedAt),
              })}
            </span>
            <span>
              {t('page.hash')}: <code title={version.data.hash}>{version.data.hash.slice(0, 12)}</code>
            </span>
          </p>
        </div>
        <div className="version-page__tools">
          <label className="field field--inline">
            <span>{t('page.compareWith')}</span>
            <select
              value={compareParam(target) ?? ''}
              onChange={(event) => setTarget(parseCompare(event.target.value || null, number))}
              data-testid="compare-select"
            >
              <option value="">{t('page.compareNone')}</option>
              <option value="draft">{t('page.compareDraft')}</option>
              {(versions.data?.items ?? [])
                .filter((item) => item.version !== number)
                .map((item) => (
                  <option key={item.id} value={item.version}>
                    {t('page.compareVersion', { version: item.version })}
                  </option>
                ))}
            </select>
          </label>
          <button type="button" className="button button--small" onClick={() => void copyLink()}>
            {copied ? t('page.linkCopied') : t('page.copyLink')}
          </button>
        </div>
      </header>
      <p className="notice version-page__readonly">{t('page.readOnly')}</p>
      <div className="version-page__body">
        <div className="version-page__canvas">
          <VersionCanvas graph={comparison?.graph ?? viewed} decorations={comparison?.decorations ?? {}} />
        </div>
        <aside className="version-page__side">
          {target.kind !== 'none' && !comparison && <QueryState error={draft.error ?? otherVersion.error} />}
          {comparison && other && (
            <DiffSummary
              diff={comparison.diff}
              nameOf={nodeNamesOf(viewed, other)}
              fromLabel={comparison.viewedIsOlder ? viewedLabel : otherLabel}
              toLabel={comparison.viewedIsOlder ? otherLabel : viewedLabel}
            />
          )}
          <h2 className="version-page__side-title">{t('history.title')}</h2>
          <VersionHistory
            campaignId={campaignId}
            currentVersion={campaign.data.currentVersion?.version}
            selectedVersion={number}
          />
        </aside>
      </div>
    </section>
  );
}
