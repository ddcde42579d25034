import { Module } from '@nestjs/common';
import { CohortStarter } from '../enrollment/cohort-starter.service';
import { JourneyStarter } from '../enrollment/journey-starter.service';
import { AudiencePages } from './audience-pages';

/** What the worker's campaignRun activities are bound from: audience pages, the journey and cohort starters. */
@Module({
  providers: [AudiencePages, JourneyStarter, CohortStarter],
  exports: [AudiencePages, JourneyStarter, CohortStarter],
})
export class CampaignRunActivitiesModule {}
