import { Controller, Get, Param, Query, Req, StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { campaignIdParamsSchema } from '../campaigns/campaign.schemas';
import { Endpoint } from '../http/endpoint.decorator';
import { channelsCsv, nodesCsv, overviewCsv, seriesCsv, splitsCsv } from './report-csv';
import {
  campaignOverviewSchema,
  channelReportSchema,
  nodeReportSchema,
  reportQuerySchema,
  seriesQuerySchema,
  seriesReportSchema,
  splitReportSchema,
  type ReportQuery,
  type SeriesQuery,
} from './reports.schemas';
import { ReportsService } from './reports.service';

const TAGS = ['Reports'];
const CSV = 'text/csv';
const FILTERS =
  '`version` keeps one campaign version; `from` and `to` (ISO 8601) keep the journeys that entered, and the ' +
  'messages created, in [from, to). Served as CSV when the request accepts `text/csv` before JSON.';

type Params = z.infer<typeof campaignIdParamsSchema>;

/** The JSON report, or the same figures as CSV when the caller asks for it. */
function answer<T>(req: Request, report: T, name: string, csv: (report: T) => Readable) {
  req.res?.vary('Accept');
  if (req.accepts(['application/json', CSV]) !== CSV) return report;
  return new StreamableFile(csv(report), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}

/** A campaign's reports (DESIGN §9): readable by every role and by read and write API keys. */
@Controller('reports/campaigns')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id')
  @Endpoint({
    summary: 'Campaign overview per version and overall: entered, in progress, completed, exits, conversions',
    description: FILTERS,
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    query: reportQuerySchema,
    response: campaignOverviewSchema,
    alsoServedAs: [CSV],
  })
  async overview(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Query() query: ReportQuery,
    @Req() req: Request,
  ) {
    const report = await this.reports.overview(principal.workspaceId, params.id, query);
    return answer(req, report, `campaign-${params.id}-overview`, overviewCsv);
  }

  @Get(':id/nodes')
  @Endpoint({
    summary:
      'Per step: entered, waiting now, succeeded, failed, and the top error codes of its failed messages',
    description: FILTERS,
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    query: reportQuerySchema,
    response: nodeReportSchema,
    alsoServedAs: [CSV],
  })
  async nodes(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Query() query: ReportQuery,
    @Req() req: Request,
  ) {
    const report = await this.reports.nodes(principal.workspaceId, params.id, query);
    return answer(req, report, `campaign-${params.id}-nodes`, nodesCsv);
  }

  @Get(':id/channels')
  @Endpoint({
    summary:
      'Per channel and account: sent, delivered, seen, failed by error code, cost in VND, cost per conversion',
    description: `${FILTERS} ZNS costs count only delivered messages, as the ledger bills them.`,
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    query: reportQuerySchema,
    response: channelReportSchema,
    alsoServedAs: [CSV],
  })
  async channels(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Query() query: ReportQuery,
    @Req() req: Request,
  ) {
    const report = await this.reports.channels(principal.workspaceId, params.id, query);
    return answer(req, report, `campaign-${params.id}-channels`, channelsCsv);
  }

  @Get(':id/splits')
  @Endpoint({
    summary: 'A/B/n splits: per variant entered, converted, rate with 95% Wilson interval; chi-squared test',
    description:
      `${FILTERS} The test is Pearson's chi-squared across the variants (significant at p < 0.05); ` +
      '`notEnoughData` when an expected cell count is under 5; `tooEarlyToCall` warns against naming a winner.',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    query: reportQuerySchema,
    response: splitReportSchema,
    alsoServedAs: [CSV],
  })
  async splits(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Query() query: ReportQuery,
    @Req() req: Request,
  ) {
    const report = await this.reports.splits(principal.workspaceId, params.id, query);
    return answer(req, report, `campaign-${params.id}-splits`, splitsCsv);
  }

  @Get(':id/series')
  @Endpoint({
    summary: 'Time series of entries, sends and conversions per UTC hour or day',
    description: FILTERS,
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    query: seriesQuerySchema,
    response: seriesReportSchema,
    alsoServedAs: [CSV],
  })
  async series(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Query() query: SeriesQuery,
    @Req() req: Request,
  ) {
    const report = await this.reports.series(principal.workspaceId, params.id, query);
    return answer(req, report, `campaign-${params.id}-series`, seriesCsv);
  }
}
