import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Campaign reports: overview, steps, channels, splits and time series, as JSON or CSV. */
@Module({ controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
