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
});
