import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format/formats';
import { QueryState } from '../../shell/query-state';
import { useVersions } from './versions-queries';

/**
 * The campaign's published versions, newest first: number, who published it, when, and its plan hash; the live
 * one is marked, and each opens read-only at an address that can be shared.
 */
export function VersionHistory({
  campaignId,
  currentVersion,
  selectedVersion,
}: {
  campaignId: string;
  currentVersion: number | undefined;
  selectedVersion?: number;
}) {
  const { t } = useTranslation('versions');
  const versions = useVersions(campaignId);
  if (!versions.data) return <QueryState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (versions.data.items.length === 0) return <p className="versions__empty muted">{t('history.empty')}</p>;
  return (
    <ol className="versions" aria-label={t('history.title')} data-testid="version-history">
      {versions.data.items.map((version) => (
        <li
          key={version.id}
          className={`versions__item ${version.version === selectedVersion ? 'versions__item--selected' : ''}`}
        >
          <Link
            className="versions__link"
            to={`/campaigns/${campaignId}/versions/${version.version}`}
            aria-current={version.version === selectedVersion ? 'page' : undefined}
          >
            <span className="versions__number">v{version.version}</span>
            {version.version === currentVersion && <span className="live-badge">{t('history.current')}</span>}
          </Link>
          <span className="versions__meta">
            {t('history.publishedBy', {
              name: version.publishedBy.name,
              when: formatDateTime(version.publishedAt),
            })}
          </span>
          <code className="versions__hash" title={version.hash}>
            {version.hash.slice(0, 10)}
          </code>
        </li>
      ))}
    </ol>
  );
}
