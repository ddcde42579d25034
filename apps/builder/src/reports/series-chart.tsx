import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../format/formats';
import type { SeriesReport } from './report-queries';
import { bucketLabel } from './series-labels';

const LINES = [
  { key: 'entries', color: '#2563eb' },
  { key: 'sends', color: '#b45309' },
  { key: 'conversions', color: '#15803d' },
] as const;

/** Entries, sends and conversions per UTC hour or day: a line chart, and the same figures as a table. */
export function SeriesChart({ report }: { report: SeriesReport }) {
  const { t } = useTranslation('reports');
  if (report.points.length === 0) return <p className="muted">{t('series.empty')}</p>;
  const data = report.points.map((point) => ({ ...point, label: bucketLabel(point.at, report.interval) }));
  return (
    <>
      <figure
        className="report-chart"
        aria-label={t('series.chartLabel', { interval: t(`series.${report.interval}`).toLowerCase() })}
        data-testid="series-chart"
      >
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d8dde5" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#4a5563' }} />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 12, fill: '#4a5563' }}
              tickFormatter={formatCount}
            />
            <Tooltip formatter={(value) => formatCount(Number(value))} />
            <Legend />
            {LINES.map((line) => (
              <Line
                key={line.key}
                type="monotone"
                dataKey={line.key}
                name={t(`series.${line.key}`)}
                stroke={line.color}
                strokeWidth={2}
                dot={data.length < 50}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
        <figcaption className="muted">{t('series.utc')}</figcaption>
      </figure>
      <details className="report-series-table">
        <summary>{t('series.asTable')}</summary>
        <div className="report-table-scroll">
          <table className="table report-table" data-testid="series-table">
            <thead>
              <tr>
                <th scope="col">{t('series.at')}</th>
                {LINES.map((line) => (
                  <th key={line.key} scope="col" className="report-table__number">
                    {t(`series.${line.key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((point) => (
                <tr key={point.at}>
                  <th scope="row">{point.label}</th>
                  {LINES.map((line) => (
                    <td key={line.key} className="report-table__number" data-column={line.key}>
                      {formatCount(point[line.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
