import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { JourneyRef } from '@loa/engine';
import { DataSource } from 'typeorm';
import { CampaignRunActivitiesModule } from '../../broadcasts/campaign-run-activities.module';
import { ConfigModule } from '../../config/config.module';
import { ContactsService } from '../../contacts/contacts.service';
import { DatabaseModule } from '../../database/database.module';
import { SecretsModule } from '../../secrets/secrets.module';
import { testConfig } from '../../testing/test-config';
import { TemporalClientModule } from '../../temporal/temporal-client.module';
import { QueuesModule } from '../../queues/queues.module';
import { RedisModule } from '../../redis/redis.module';
import type { LoaConfig } from '../../config/loa-config';
import type { JourneyCampaigns } from '../activities/journey-campaigns';
import type { CampaignsProvider } from '../activities/journey-activities.module';
import { TestCampaigns } from '../activities/testing/journey-fixtures';
import { JourneysModule } from '../journeys.module';

/**
 * The services workflow activities are bound from, on the run's real PostgreSQL and Redis, without HTTP (the
 * Temporal client connects lazily, when first used).
 * Campaign versions come from `campaigns` (default settings for any version it does not know).
 */
export async function journeysTestContext(
  env: NodeJS.ProcessEnv = {},
  campaigns: JourneyCampaigns = new TestCampaigns(),
): Promise<INestApplicationContext> {
  return workerServicesContext(testConfig(env), { useValue: campaigns });
}

/**
 * The worker process's services (worker/worker.module.ts) without its Temporal worker, on `config`: a test binds
 * the activities (journey-activity-bindings.ts) to a worker of its own. Campaign versions are the published ones in
 * PostgreSQL unless `campaigns` is given.
 */
export async function workerServicesContext(
  config: LoaConfig,
  campaigns?: CampaignsProvider,
): Promise<INestApplicationContext> {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      SecretsModule,
      RedisModule,
      QueuesModule,
      JourneysModule.register(campaigns ? { campaigns } : {}),
      TemporalClientModule,
      CampaignRunActivitiesModule,
    ],
  })
  class WorkerServicesModule {}
  return NestFactory.createApplicationContext(WorkerServicesModule, { logger: false, abortOnError: false });
}

/** A workspace of its own with one contact; the journey reference of that contact in a made-up campaign. */
export async function seedJourney(
  context: INestApplicationContext,
  contact: { name?: string; phone?: string; attributes?: Record<string, unknown> } = {},
): Promise<JourneyRef> {
  const db = context.get(DataSource);
  const slug = `journeys-${randomUUID().slice(0, 12)}`;
  const [workspace] = (await db.query('INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id', [
    slug,
  ])) as Array<{ id: string }>;
  const workspaceId = workspace!.id;
  const result = await context.get(ContactsService).upsert({
    workspaceId,
    match: { externalId: `c-${randomUUID()}` },
    write: {
      name: contact.name ?? 'Lan',
      phone: contact.phone ?? '0912345678',
      attributes: contact.attributes,
    },
    mode: 'both',
    cause: 'contact',
  });
  const campaignId = randomUUID();
  const contactId = result.contact!.id;
  const workflowId = `journey:${campaignId}:${contactId}:once`;
  return {
    workspaceId,
    campaignId,
    versionId: 'v1',
    contactId,
    workflowId,
    enrollmentId: randomUUID(),
    entryKey: 'once',
  };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | null;

/**
 * A local HTTP server that records what it receives and answers with `answer` (or never, when it returns null; when
 * it returns a promise, once that settles).
 */
export async function startRecordingServer(
  answer: (request: ReceivedRequest) => Reply | Promise<Reply>,
  host = '127.0.0.1',
): Promise<{ url: string; received: ReceivedRequest[]; close: () => Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const reply = await answer(request);
      if (!reply) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
