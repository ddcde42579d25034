import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { CampaignSimulationController } from './campaign-simulation.controller';
import { CampaignSimulationService } from './campaign-simulation.service';

/** `POST /campaigns/{id}/simulate`: the engine's simulator on the workspace's contacts or sample contacts. */
@Module({
  imports: [ContactsModule],
  controllers: [CampaignSimulationController],
  providers: [CampaignSimulationService],
})
export class CampaignSimulationModule {}
