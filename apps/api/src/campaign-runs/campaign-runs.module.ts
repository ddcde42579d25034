import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CampaignRunsController } from './campaign-runs.controller';
import { ContactJourneysController } from './contact-journeys.controller';
import { CampaignRunsService } from './campaign-runs.service';
import {
  CAMPAIGN_STATE_SIGNALS_QUEUE,
  CampaignStateSignals,
  CampaignStateSignalsProcessor,
} from './campaign-state-signals.queue';
import { JourneyControl } from './journey-control';
import { StepRerunController } from './step-rerun.controller';
import { StepRerunService } from './step-rerun.service';

/**
 * Enrollments, "where is this contact", a contact's journeys in every campaign, cancelling a journey, re-running a
 * failed send step's contacts, and carrying run controls to running journeys.
 */
@Module({
  imports: [BullModule.registerQueue({ name: CAMPAIGN_STATE_SIGNALS_QUEUE })],
  controllers: [CampaignRunsController, StepRerunController, ContactJourneysController],
  providers: [
    JourneyControl,
    CampaignRunsService,
    StepRerunService,
    CampaignStateSignals,
    CampaignStateSignalsProcessor,
  ],
  exports: [CampaignStateSignals],
})
export class CampaignRunsModule {}
