import { Module } from '@nestjs/common';
import { CampaignSchedulesModule } from '../broadcasts/campaign-schedules.module';
import { CampaignRunsModule } from '../campaign-runs/campaign-runs.module';
import { CampaignSimulationModule } from '../campaign-simulation/campaign-simulation.module';
import { CampaignDraftsService } from './campaign-drafts.service';
import { CampaignLifecycleController } from './campaign-lifecycle.controller';
import { CampaignLifecycleService } from './campaign-lifecycle.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [CampaignRunsModule, CampaignSimulationModule, CampaignSchedulesModule],
  controllers: [CampaignsController, CampaignLifecycleController],
  providers: [CampaignsService, CampaignDraftsService, CampaignLifecycleService],
  exports: [CampaignLifecycleService],
})
export class CampaignsModule {}
