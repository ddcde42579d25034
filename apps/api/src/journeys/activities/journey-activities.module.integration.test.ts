import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { JourneyActivities } from '@loa/engine';
import { AppModule } from '../../app.module';
import { ConfigModule } from '../../config/config.module';
import { ContactsModule } from '../../contacts/contacts.module';
import { DatabaseModule } from '../../database/database.module';
import { QueuesModule } from '../../queues/queues.module';
import { RedisModule } from '../../redis/redis.module';
import { SecretsModule } from '../../secrets/secrets.module';
import { ContactsService } from '../../contacts/contacts.service';
import { testConfig } from '../../testing/test-config';
import { CONTACT_ACTIVITIES, JourneyActivitiesModule, SEND_ACTIVITIES } from './journey-activities.module';
import { journeyOf, TestCampaigns } from './testing/journey-fixtures';
import { DataSource } from 'typeorm';

@Module({})
class JourneyActivitiesTestRoot {}

describe('JourneyActivitiesModule', () => {
  let app: INestApplicationContext;
  let worker: INestApplicationContext | undefined;

  afterAll(async () => {
    await app?.close();
    await worker?.close();
  });

  it('builds the activity functions from Nest services, ready to spread into a worker', async () => {
    const campaigns = new TestCampaigns();
    app = await NestFactory.createApplicationContext(
      {
        module: JourneyActivitiesTestRoot,
        imports: [
          AppModule.forRoot(testConfig()),
          JourneyActivitiesModule.register({ campaigns: { useValue: campaigns } }),
        ],
      },
      { logger: false },
    );
    const activities: Partial<JourneyActivities> = {
      ...app.get<Partial<JourneyActivities>>(SEND_ACTIVITIES),
      ...app.get<Partial<JourneyActivities>>(CONTACT_ACTIVITIES),
    };
    expect(Object.keys(activities).sort()).toEqual([
      'evaluateCondition',
      'readContactAttributes',
      'sendEmail',
      'sendOa',
      'sendSms',
      'sendZns',
      'updateContact',
    ]);

    const db = app.get(DataSource);
    const [workspace] = (await db.query(
      `INSERT INTO workspaces (slug, name) VALUES ($1, 'Module test') RETURNING id`,
      [`module-${Date.now()}`],
    )) as Array<{ id: string }>;
    const created = await app.get(ContactsService).upsert({
      workspaceId: workspace!.id,
      match: { externalId: 'crm-1' },
      write: { name: 'Lan', attributes: { city: 'Huế' } },
      mode: 'create',
      cause: 'contact',
    });
    const journey = journeyOf(workspace!.id, created.contact!.id, campaigns.add());
    expect(await activities.readContactAttributes!({ journey, fields: ['city', 'name'] })).toEqual({
      city: 'Huế',
      name: 'Lan',
    });
  });

  it('boots without the HTTP application: configuration, database, secrets, Redis, Bull and contacts', async () => {
    worker = await NestFactory.createApplicationContext(
      {
        module: JourneyActivitiesTestRoot,
        imports: [
          ConfigModule.forRoot(testConfig()),
          DatabaseModule,
          SecretsModule,
          RedisModule,
          QueuesModule,
          ContactsModule,
          JourneyActivitiesModule.register(),
        ],
      },
      { logger: false },
    );
    expect(Object.keys(worker.get(SEND_ACTIVITIES)).sort()).toEqual([
      'sendEmail',
      'sendOa',
      'sendSms',
      'sendZns',
    ]);
  });
});
