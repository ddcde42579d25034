import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

const cursorOf = (position: unknown[]) => Buffer.from(JSON.stringify(position)).toString('base64url');

describe('the campaign list refuses a cursor it did not give', () => {
  let app: INestApplication;
  let ws: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['36 dashes for an id', cursorOf(['2026-12-01T03:00:00.000Z', '-'.repeat(36)])],
    ['hex without the uuid groups', cursorOf(['2026-12-01T03:00:00.000Z', 'a'.repeat(36)])],
    ['a date PostgreSQL cannot read', cursorOf(['1', '3ddf6a2d-0b2f-4f3a-a54d-3cdf64314258'])],
    ['not JSON', 'bm90IGpzb24'],
  ])('answers 422 naming the cursor for %s', async (_, cursor) => {
    const answer = await ws.as.analyst.get('/campaigns').query({ cursor }).expect(422);
    expect(JSON.stringify(answer.body)).toContain('cursor');
  });
});
