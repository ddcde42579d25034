import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource, type QueryRunner } from 'typeorm';
import { createApp } from '../../create-app';
import { testConfig } from '../../testing/test-config';
import { CAMPAIGN_VERSION_NOT_FOUND, PostgresJourneyCampaigns } from './postgres-journey-campaigns';

describe('PostgresJourneyCampaigns', () => {
  let app: INestApplication;
  let connection: QueryRunner;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    connection = app.get(DataSource).createQueryRunner();
    // TEST-ONLY STAND-IN: campaigns and campaign_versions come from the campaign lifecycle's migration, not on this
    // branch yet. Temporary tables on one connection have their columns (and shadow the real ones there later).
    await connection.query(
      `CREATE TEMPORARY TABLE campaigns (id uuid PRIMARY KEY, workspace_id uuid, name text)`,
    );
    await connection.query(`
      CREATE TEMPORARY TABLE campaign_versions (
        id uuid PRIMARY KEY, workspace_id uuid NOT NULL, campaign_id uuid NOT NULL, version integer NOT NULL,
        plan jsonb NOT NULL
      )`);
  });

  afterAll(async () => {
    await connection?.query('DROP TABLE IF EXISTS pg_temp.campaign_versions, pg_temp.campaigns');
    await connection?.release();
    await app?.close();
  });

  it('reads the settings, version number and name of a published version; another workspace’s is not found', async () => {
    const [workspaceId, campaignId, versionId] = [randomUUID(), randomUUID(), randomUUID()];
    await connection.query(`INSERT INTO campaigns (id, workspace_id, name) VALUES ($1, $2, 'Giỏ hàng')`, [
      campaignId,
      workspaceId,
    ]);
    const settings = {
      timezone: 'Asia/Ho_Chi_Minh',
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCaps: [{ channel: 'zns', max: 2, per: { amount: 1, unit: 'days' } }],
    };
    await connection.query(
      `INSERT INTO campaign_versions (id, workspace_id, campaign_id, version, plan) VALUES ($1, $2, $3, 4, $4)`,
      [versionId, workspaceId, campaignId, JSON.stringify({ settings })],
    );
    const campaigns = new PostgresJourneyCampaigns(connection);
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
