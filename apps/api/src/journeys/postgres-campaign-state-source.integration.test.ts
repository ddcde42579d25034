import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { journeyStateOf } from './campaign-state-source';
import { PostgresCampaignStateSource } from './postgres-campaign-state-source';
import { journeysTestContext } from './testing/journeys-test-context';

describe('PostgresCampaignStateSource (getCampaignState)', () => {
  let context: INestApplicationContext;
  let connection: QueryRunner;

  beforeAll(async () => {
    context = await journeysTestContext();
    connection = context.get(DataSource).createQueryRunner();
    // TEST-ONLY STAND-IN: the campaigns table comes from the campaign lifecycle's migration, not on this branch yet.
    // A temporary table on one connection has its columns (and shadows the real one there once it exists).
    await connection.query(`
      CREATE TEMPORARY TABLE campaigns (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        state text NOT NULL
          CHECK (state IN ('draft', 'pending_approval', 'active', 'paused', 'stopped', 'archived'))
      )`);
  });

  afterAll(async () => {
    await connection?.query('DROP TABLE IF EXISTS pg_temp.campaigns');
    await connection?.release();
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
    const id = randomUUID();
    await connection.query('INSERT INTO campaigns (id, workspace_id, state) VALUES ($1, $2, $3)', [
      id,
      randomUUID(),
      state,
    ]);
    expect(await new PostgresCampaignStateSource(connection).stateOf(id)).toBe(expected);
  });

  it('reads an unknown campaign, or an id that cannot name one, as stopped', async () => {
    const source = new PostgresCampaignStateSource(connection);
    expect(await source.stateOf(randomUUID())).toBe('stopped');
    expect(await source.stateOf('not-a-uuid')).toBe('stopped');
  });

  it('maps lifecycle states it does not know to paused (reversible), never to stopped', () => {
    expect(journeyStateOf('some_future_state')).toBe('paused');
  });
});
