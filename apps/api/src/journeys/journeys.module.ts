import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactsModule } from '../contacts/contacts.module';
import { CAMPAIGN_STATE_SOURCE } from './campaign-state-source';
import { HttpStepCaller } from './http/http-step-caller.service';
import { JourneyRecorder } from './journey-recorder.service';
import { JourneyScopes } from './journey-scope';
import { PostgresCampaignStateSource } from './postgres-campaign-state-source';

/** The services the worker's journey activities are bound from (journey-activity-bindings.ts). */
@Module({
  imports: [ContactsModule],
  providers: [
    JourneyScopes,
    HttpStepCaller,
    JourneyRecorder,
    {
      provide: CAMPAIGN_STATE_SOURCE,
      inject: [DataSource],
      useFactory: (db: DataSource) => new PostgresCampaignStateSource(db),
    },
  ],
  exports: [HttpStepCaller, JourneyRecorder, CAMPAIGN_STATE_SOURCE],
})
export class JourneysModule {}
