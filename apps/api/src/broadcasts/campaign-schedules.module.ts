import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { CampaignScheduleController } from './campaign-schedule.controller';
import { CampaignScheduleView } from './campaign-schedule-view';
import {
  CAMPAIGN_SCHEDULES_QUEUE,
  CampaignScheduleRequests,
  CampaignSchedulesProcessor,
} from './campaign-schedules.queue';
import { CampaignSchedules } from './campaign-schedules.service';

/** Temporal Schedules of campaigns with a schedule trigger (issue 10 §2), kept in step by a Bull job. */
@Module({
  imports: [BullModule.registerQueue({ name: CAMPAIGN_SCHEDULES_QUEUE })],
  controllers: [CampaignScheduleController],
  providers: [CampaignScheduleView, CampaignSchedules, CampaignScheduleRequests, CampaignSchedulesProcessor],
  exports: [CampaignSchedules, CampaignScheduleRequests],
})
export class CampaignSchedulesModule {}
