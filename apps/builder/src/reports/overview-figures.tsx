import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../format/formats';
import type { CampaignOverview } from './report-queries';

const NONE = '—';
const COLUMNS = ['entered', 'inProgress', 'completed', 'exited', 'conversions'] as const;

const rateOf = (rate: number | null) => (rate === null ? NONE : formatPercent(rate));

/**
 * The journeys' figures overall: entered, in progress, completed, exited (by reason), conversions and their rate;
 * then the same per version.
 */
export function OverviewFigures({ overview }: { overview: CampaignOverview }) {
  const { t } = useTranslation('reports');
  const figures = overview.overall;
  const reasons = Object.entries(figures.exitedByReason).sort(([a], [b]) => a.localeCompare(b));
  const tiles: Array<[string, string]> = [
    ['entered', formatCount(figures.entered)],
    ['inProgress', formatCount(figures.inProgress)],
    ['completed', formatCount(figures.completed)],
    ['exited', formatCount(figures.exited)],
    ['conversions', formatCount(figures.conversions)],
    ['conversionRate', rateOf(figures.conversionRate)],
  ];
  return (
    <div className="report-overview">
      <dl className="report-overview__tiles">
        {tiles.map(([key, value]) => (
          <div key={key} className="report-tile" data-figure={key}>
            <dt>{t(`overview.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="report-overview__reasons">
        <h3>{t('overview.exitedByReason')}</h3>
        {reasons.length === 0 ? (
          <p className="muted">{t('overview.noExit')}</p>
        ) : (
          <dl className="report-reasons">
            {reasons.map(([reason, count]) => (
              <div key={reason} data-reason={reason}>
                <dt>{reason}</dt>
                <dd>{formatCount(count)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {overview.versions.length > 0 && (
        <div className="report-table-scroll report-overview__versions">
          <table className="table report-table" data-testid="overview-versions">
            <thead>
              <tr>
                <th scope="col">{t('page.version')}</th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="report-table__number">
                    {t(`overview.${column}`)}
                  </th>
                ))}
                <th scope="col" className="report-table__number">
                  {t('overview.conversionRate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.versions.map((row) => (
                <tr key={row.versionId} data-version={row.version ?? ''}>
                  <th scope="row">
                    {row.version === null ? NONE : t('page.versionOption', { version: row.version })}
                  </th>
                  {COLUMNS.map((column) => (
                    <td key={column} className="report-table__number" data-column={column}>
                      {formatCount(row[column])}
                    </td>
                  ))}
                  <td className="report-table__number" data-column="conversionRate">
                    {rateOf(row.conversionRate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
