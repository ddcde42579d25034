import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { createApp } from '../../create-app';
import { testConfig } from '../../testing/test-config';
import { insertCampaign, insertVersion, insertWorkspace } from '../testing/campaign-rows';
import { CAMPAIGN_VERSION_NOT_FOUND, PostgresJourneyCampaigns } from './postgres-journey-campaigns';

describe('PostgresJourneyCampaigns', () => {
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reads the settings, version number and name of a published version; another workspace’s is not found', async () => {
    const workspaceId = await insertWorkspace(db);
    const campaignId = await insertCampaign(db, { workspaceId, name: 'Giỏ hàng' });
    const settings = {
      timezone: 'Asia/Ho_Chi_Minh',
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCaps: [{ channel: 'zns', max: 2, per: { amount: 1, unit: 'days' } }],
    };
    const versionId = await insertVersion(db, { workspaceId, campaignId, version: 4, plan: { settings } });
    const campaigns = new PostgresJourneyCampaigns(db);
    const version = await campaigns.versionOf({ workspaceId, versionId });
    expect(version).toEqual({
      name: 'Giỏ hàng',
      version: 4,
      settings: expect.objectContaining({ ...settings, reEntry: { mode: 'never' } }),
    });

    for (const missing of [
      { workspaceId: randomUUID(), versionId },
      { workspaceId, versionId: randomUUID() },
      { workspaceId, versionId: 'v1' },
    ]) {
      const failure = await campaigns.versionOf(missing).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: CAMPAIGN_VERSION_NOT_FOUND, nonRetryable: true });
    }
  });
});
