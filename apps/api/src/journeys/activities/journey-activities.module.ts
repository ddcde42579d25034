import {
  type ClassProvider,
  type DynamicModule,
  type FactoryProvider,
  type ModuleMetadata,
  Module,
  type Provider,
  type ValueProvider,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactsService } from '../../contacts/contacts.service';
import { MessagesModule } from '../../messages/messages.module';
import { SendService } from '../../messages/send.service';
import { createContactActivities, type ContactActivities } from './contact-activities';
import { cachedJourneyCampaigns, JOURNEY_CAMPAIGNS, type JourneyCampaigns } from './journey-campaigns';
import { PostgresJourneyCampaigns } from './postgres-journey-campaigns';
import { createSendActivities, type SendActivities } from './send-activities';

/** The Nest tokens of the activity objects, to spread into the worker's `activities`. */
export const SEND_ACTIVITIES = Symbol('SEND_ACTIVITIES');
export const CONTACT_ACTIVITIES = Symbol('CONTACT_ACTIVITIES');
const CAMPAIGN_VERSION_SOURCE = Symbol('CAMPAIGN_VERSION_SOURCE');

export type CampaignsProvider =
  | Omit<ClassProvider<JourneyCampaigns>, 'provide'>
  | Omit<FactoryProvider<JourneyCampaigns>, 'provide'>
  | Omit<ValueProvider<JourneyCampaigns>, 'provide'>;

const providers: Provider[] = [
  {
    provide: JOURNEY_CAMPAIGNS,
    inject: [CAMPAIGN_VERSION_SOURCE],
    useFactory: (campaigns: JourneyCampaigns) => cachedJourneyCampaigns(campaigns),
  },
  {
    provide: SEND_ACTIVITIES,
    inject: [SendService, ContactsService, DataSource, JOURNEY_CAMPAIGNS],
    useFactory: (
      sends: SendService,
      contacts: ContactsService,
      db: DataSource,
      campaigns: JourneyCampaigns,
    ): SendActivities => createSendActivities({ sends, contacts, db, campaigns }),
  },
  {
    provide: CONTACT_ACTIVITIES,
    inject: [ContactsService, DataSource, JOURNEY_CAMPAIGNS],
    useFactory: (contacts: ContactsService, db: DataSource, campaigns: JourneyCampaigns): ContactActivities =>
      createContactActivities({ contacts, db, campaigns }),
  },
];

/** Published campaign versions in PostgreSQL (campaign_versions, campaigns). */
const POSTGRES_CAMPAIGNS: CampaignsProvider = {
  inject: [DataSource],
  useFactory: (db: DataSource) => new PostgresJourneyCampaigns(db),
};

/**
 * The journey's send and contact activities as plain functions built from Nest services (Temporal's NestJS
 * pattern): `{ ...app.get(SEND_ACTIVITIES), ...app.get(CONTACT_ACTIVITIES) }` goes into the worker's activities.
 * `campaigns` says where a journey's campaign version (its settings) is read: the published versions in PostgreSQL
 * unless given. Needs the database, Redis, Bull and the contacts module (global) in the importing application.
 */
@Module({})
export class JourneyActivitiesModule {
  static register(
    options: { campaigns?: CampaignsProvider; imports?: ModuleMetadata['imports'] } = {},
  ): DynamicModule {
    const campaigns = options.campaigns ?? POSTGRES_CAMPAIGNS;
    return {
      module: JourneyActivitiesModule,
      imports: [MessagesModule, ...(options.imports ?? [])],
      providers: [{ provide: CAMPAIGN_VERSION_SOURCE, ...campaigns } as Provider, ...providers],
      exports: [SEND_ACTIVITIES, CONTACT_ACTIVITIES, JOURNEY_CAMPAIGNS],
    };
  }
}
