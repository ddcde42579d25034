import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CampaignRunsController } from './campaign-runs.controller';
import { CampaignRunsService } from './campaign-runs.service';
import {
  CAMPAIGN_STATE_SIGNALS_QUEUE,
  CampaignStateSignals,
  CampaignStateSignalsProcessor,
} from './campaign-state-signals.queue';
import { JourneyControl } from './journey-control';

/** Enrollments, "where is this contact", cancelling a journey, and carrying run controls to running journeys. */
@Module({
  imports: [BullModule.registerQueue({ name: CAMPAIGN_STATE_SIGNALS_QUEUE })],
  controllers: [CampaignRunsController],
  providers: [JourneyControl, CampaignRunsService, CampaignStateSignals, CampaignStateSignalsProcessor],
  exports: [CampaignStateSignals],
})
export class CampaignRunsModule {}
