import { validateGraph } from '@loa/engine';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace } from '../testing/test-workspace';
import { loadValidationContext } from './campaign-validation-context';
import { orderConfirmation, seedCampaignWorld } from './testing/campaign-fixtures';

describe("a campaign's validation context knows the contact fields journeys read at run time", () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('reports no built-in field as unknown, and still reports a field no contact has', async () => {
    const ws = await seedTestWorkspace(app);
    const world = await seedCampaignWorld(app, ws.workspaceId);
    const db = app.get(DataSource);
    const context = await loadValidationContext(db.manager, ws.workspaceId);
    const fields = ['name', 'externalId', 'score', 'doNotContact', 'createdAt', 'updatedAt', 'id', 'phone'];
    const text = fields.map((field) => `{{ contact.${field} }}`).join(' ');
    expect(validateGraph(orderConfirmation(world, text), context)).toEqual([]);
    const unknown = validateGraph(orderConfirmation(world, '{{ contact.nickname }}'), context);
    expect(unknown.map((diagnostic) => diagnostic.code)).toEqual(['UNKNOWN_CONTACT_FIELD']);
  });

  it('reports an advertising SMS through an account a journey cannot send it through', async () => {
    const ws = await seedTestWorkspace(app);
    const world = await seedCampaignWorld(app, ws.workspaceId);
    const db = app.get(DataSource);
    const account = async (kind: string, settings: object) =>
      (
        (await db.query(
          `INSERT INTO channel_accounts (workspace_id, kind, name, settings, status)
           VALUES ($1, $2, $2, $3, 'connected') RETURNING id`,
          [ws.workspaceId, kind, JSON.stringify(settings)],
        )) as Array<{ id: string }>
      )[0]!.id;
    const esmsAdvertising = await account('esms', { smsType: 'advertising' });
    const speedSmsBrand = await account('speedsms', { smsType: 3 });
    const context = await loadValidationContext(db.manager, ws.workspaceId);
    const advertisingThrough = (accountId: string) => {
      const graph = orderConfirmation(world);
      const sms = graph.nodes.find((node) => node.id === 'sms')!;
      Object.assign(sms.data, { accountId, purpose: 'advertising' });
      return validateGraph(graph, context).map((diagnostic) => diagnostic.code);
    };

    expect(advertisingThrough(world.smsAccountId)).toEqual(['ACCOUNT_PURPOSE_UNSUPPORTED']);
    expect(advertisingThrough(esmsAdvertising)).toEqual(['ACCOUNT_PURPOSE_UNSUPPORTED']);
    expect(advertisingThrough(speedSmsBrand)).toEqual([]);
    // A scheduled broadcast sends in batches (cohorts): eSMS advertising can go through the advertising account.
    const broadcast = (accountId: string) => {
      const graph = orderConfirmation(world);
      const trigger = graph.nodes.find((node) => node.type.startsWith('trigger.'))!;
      Object.assign(trigger, {
        type: 'trigger.schedule',
        data: {
          audience: { kind: 'segment', segmentId: world.segmentId },
          schedule: { kind: 'once', at: '2026-12-24T09:00' },
        },
      });
      Object.assign(graph.nodes.find((node) => node.id === 'sms')!.data, {
        accountId,
        purpose: 'advertising',
      });
      return validateGraph(graph, context).map((diagnostic) => diagnostic.code);
    };
    expect(broadcast(esmsAdvertising)).toEqual([]);
    expect(broadcast(world.smsAccountId)).toEqual(['ACCOUNT_PURPOSE_UNSUPPORTED']);
  });
});
