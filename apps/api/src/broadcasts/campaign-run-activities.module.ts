import { Module } from '@nestjs/common';
import { JourneyStarter } from '../enrollment/journey-starter.service';
import { AudiencePages } from './audience-pages';

/** What the worker's campaignRun activities are bound from: audience pages and the journey starter. */
@Module({
  providers: [AudiencePages, JourneyStarter],
  exports: [AudiencePages, JourneyStarter],
})
export class CampaignRunActivitiesModule {}
