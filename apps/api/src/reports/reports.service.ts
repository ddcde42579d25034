import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { campaignOverview } from './campaign-overview.query';
import { channelReport } from './channel-report.query';
import { nodeReport } from './node-report.query';
import { reportScope } from './report-scope';
import type { ReportQuery, SeriesQuery } from './reports.schemas';
import { seriesReport } from './series-report.query';
import { splitReport } from './split-report.query';

/** A campaign's reports, from the ledger and the recorded journeys; each call checks the campaign is the workspace's. */
@Injectable()
export class ReportsService {
  constructor(private readonly db: DataSource) {}

  private scope(workspaceId: string, campaignId: string, query: ReportQuery) {
    return reportScope(this.db.manager, workspaceId, campaignId, query);
  }

  async overview(workspaceId: string, campaignId: string, query: ReportQuery) {
    return campaignOverview(this.db.manager, await this.scope(workspaceId, campaignId, query));
  }

  async nodes(workspaceId: string, campaignId: string, query: ReportQuery) {
    return nodeReport(this.db.manager, await this.scope(workspaceId, campaignId, query));
  }

  async channels(workspaceId: string, campaignId: string, query: ReportQuery) {
    return channelReport(this.db.manager, await this.scope(workspaceId, campaignId, query));
  }

  async splits(workspaceId: string, campaignId: string, query: ReportQuery) {
    return splitReport(this.db.manager, await this.scope(workspaceId, campaignId, query));
  }

  async series(workspaceId: string, campaignId: string, query: SeriesQuery) {
    return seriesReport(this.db.manager, await this.scope(workspaceId, campaignId, query), query.interval);
  }
}
