import type { paths } from '@loa/api-contract';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import { ApiProblem } from '../api/api-problem';
import type { JsonBody } from '../api/json-body';
import { toApiWindow, type ReportFilters } from './report-filters';

export type CampaignOverview = JsonBody<paths['/reports/campaigns/{id}']['get']['responses'][200]>;
export type JourneyFigures = CampaignOverview['overall'];
export type NodeReport = JsonBody<paths['/reports/campaigns/{id}/nodes']['get']['responses'][200]>;
export type NodeFigures = NodeReport['nodes'][number];
export type ErrorCount = NodeFigures['topErrors'][number];
export type ChannelReport = JsonBody<paths['/reports/campaigns/{id}/channels']['get']['responses'][200]>;
export type SplitReport = JsonBody<paths['/reports/campaigns/{id}/splits']['get']['responses'][200]>;
export type SplitResult = SplitReport['splits'][number];
export type SeriesReport = JsonBody<paths['/reports/campaigns/{id}/series']['get']['responses'][200]>;
export type SeriesInterval = SeriesReport['interval'];

/** The report tables, each with its route (below /reports/campaigns/{id}) and the name of its CSV file. */
export const REPORT_TABLES = {
  overview: '/reports/campaigns/{id}',
  nodes: '/reports/campaigns/{id}/nodes',
  channels: '/reports/campaigns/{id}/channels',
  splits: '/reports/campaigns/{id}/splits',
  series: '/reports/campaigns/{id}/series',
} as const;
export type ReportTable = keyof typeof REPORT_TABLES;

/** Under ['campaigns'], so that lifecycle actions (which invalidate it) refresh the figures too. */
const reportKey = (
  table: ReportTable,
  campaignId: string,
  filters: ReportFilters,
  interval?: SeriesInterval,
) => ['campaigns', 'reports', campaignId, table, filters, interval ?? null] as const;

/** The routes also answer CSV, so their typed body is JSON or text; asked without `Accept: text/csv`, it is JSON. */
function json<T extends object>(body: T | string): T {
  if (typeof body === 'string') throw new Error('The report answered text where JSON was expected');
  return body;
}

function queryOf(filters: ReportFilters, interval?: SeriesInterval) {
  return { ...toApiWindow(filters), ...(interval && { interval }) };
}

export function useOverviewReport(campaignId: string, filters: ReportFilters) {
  return useQuery({
    queryKey: reportKey('overview', campaignId, filters),
    queryFn: () =>
      unwrap(
        api.GET('/reports/campaigns/{id}', {
          params: { path: { id: campaignId }, query: queryOf(filters) },
        }),
      ).then(json),
  });
}

export function useNodeReport(campaignId: string, filters: ReportFilters) {
  return useQuery({
    queryKey: reportKey('nodes', campaignId, filters),
    queryFn: () =>
      unwrap(
        api.GET('/reports/campaigns/{id}/nodes', {
          params: { path: { id: campaignId }, query: queryOf(filters) },
        }),
      ).then(json),
  });
}

export function useChannelReport(campaignId: string, filters: ReportFilters) {
  return useQuery({
    queryKey: reportKey('channels', campaignId, filters),
    queryFn: () =>
      unwrap(
        api.GET('/reports/campaigns/{id}/channels', {
          params: { path: { id: campaignId }, query: queryOf(filters) },
        }),
      ).then(json),
  });
}

export function useSplitReport(campaignId: string, filters: ReportFilters) {
  return useQuery({
    queryKey: reportKey('splits', campaignId, filters),
    queryFn: () =>
      unwrap(
        api.GET('/reports/campaigns/{id}/splits', {
          params: { path: { id: campaignId }, query: queryOf(filters) },
        }),
      ).then(json),
  });
}

export function useSeriesReport(campaignId: string, filters: ReportFilters, interval: SeriesInterval) {
  return useQuery({
    queryKey: reportKey('series', campaignId, filters, interval),
    queryFn: () =>
      unwrap(
        api.GET('/reports/campaigns/{id}/series', {
          params: { path: { id: campaignId }, query: queryOf(filters, interval) },
        }),
      ).then(json),
  });
}

/** The table as CSV (the same route, asked with `Accept: text/csv`). */
export async function fetchReportCsv(
  table: ReportTable,
  campaignId: string,
  filters: ReportFilters,
  interval?: SeriesInterval,
): Promise<Blob> {
  const { data, error, response } = await api.GET(REPORT_TABLES[table], {
    params: { path: { id: campaignId }, query: queryOf(filters, interval) },
    headers: { Accept: 'text/csv' },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw ApiProblem.from(response.status, error);
  return data;
}
