import type { ReportFilters } from './report-filters';
import type { ReportTable } from './report-queries';

/** campaign-report-channels-v2-2026-12-01-2026-12-07.csv: the table, then the filters it was downloaded with. */
export function csvFileName(table: ReportTable, filters: ReportFilters, interval?: string): string {
  const parts = [
    'campaign-report',
    table,
    filters.version === undefined ? 'all-versions' : `v${filters.version}`,
    ...(interval ? [`per-${interval}`] : []),
    ...(filters.from ? [`from-${filters.from}`] : []),
    ...(filters.to ? [`to-${filters.to}`] : []),
  ];
  return `${parts.join('-')}.csv`;
}
