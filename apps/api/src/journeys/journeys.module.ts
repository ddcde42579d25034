import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactsModule } from '../contacts/contacts.module';
import { type CampaignsProvider, JourneyActivitiesModule } from './activities/journey-activities.module';
import { CAMPAIGN_STATE_SOURCE } from './campaign-state-source';
import { HttpStepCaller } from './http/http-step-caller.service';
import { JourneyRecorder } from './journey-recorder.service';
import { JourneyScopes } from './journey-scope';
import { PostgresCampaignStateSource } from './postgres-campaign-state-source';

/**
 * The services the worker's journey activities are bound from (journey-activity-bindings.ts). `campaigns` says where
 * a journey's campaign version is read: the published versions in PostgreSQL unless given (tests).
 */
@Module({})
export class JourneysModule {
  static register(options: { campaigns?: CampaignsProvider } = {}): DynamicModule {
    const activities = JourneyActivitiesModule.register(options);
    return {
      module: JourneysModule,
      imports: [ContactsModule, activities],
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
      exports: [activities, HttpStepCaller, JourneyRecorder, CAMPAIGN_STATE_SOURCE],
    };
  }
}
