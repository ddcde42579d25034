import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { journeyStateOf } from './campaign-state-source';
import { PostgresCampaignStateSource } from './postgres-campaign-state-source';
import { insertCampaign, insertWorkspace } from './testing/campaign-rows';
import { journeysTestContext } from './testing/journeys-test-context';

describe('PostgresCampaignStateSource (getCampaignState)', () => {
  let context: INestApplicationContext;
  let db: DataSource;
  let workspaceId: string;

  beforeAll(async () => {
    context = await journeysTestContext();
    db = context.get(DataSource);
    workspaceId = await insertWorkspace(db);
  });

  afterAll(async () => {
    await context?.close();
  });

  it.each([
    ['active', 'active'],
    ['paused', 'paused'],
    ['stopped', 'stopped'],
    ['archived', 'stopped'],
    ['draft', 'paused'],
    ['pending_approval', 'paused'],
  ])('reads a campaign in state %s as %s', async (state, expected) => {
    const id = await insertCampaign(db, { workspaceId, state });
    expect(await new PostgresCampaignStateSource(db).stateOf(id)).toBe(expected);
  });

  it('reads an unknown campaign, or an id that cannot name one, as stopped', async () => {
    const source = new PostgresCampaignStateSource(db);
    expect(await source.stateOf(randomUUID())).toBe('stopped');
    expect(await source.stateOf('not-a-uuid')).toBe('stopped');
  });

  it('maps lifecycle states it does not know to paused (reversible), never to stopped', () => {
    expect(journeyStateOf('some_future_state')).toBe('paused');
  });
});
