import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

describe('ingestion is limited per API key and per second', () => {
  let app: INestApplication;
  let workspace: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_INGEST_RATE_LIMIT: '2' }));
    await app.init();
    workspace = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const track = (caller: 'ingestKey' | 'writeKey') =>
    workspace.as[caller].post('/v1/track').send({ userId: 'u-1', event: 'Rate limited' });

  it('answers 429 past the limit, lets another key through, and lets the key go on a second later', async () => {
    const statuses = [];
    for (let call = 0; call < 3; call++) statuses.push((await track('ingestKey')).status);
    expect(statuses.slice(0, 2)).not.toContain(429);
    const limited = await track('ingestKey');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(1);
    expect((await track('writeKey')).status).not.toBe(429);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await track('ingestKey')).status).not.toBe(429);
  });

  it('counts track, identify and batch against one budget per key', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const statuses = [
      (await track('ingestKey')).status,
      (await workspace.as.ingestKey.post('/v1/identify').send({ userId: 'u-1', traits: {} })).status,
      (await workspace.as.ingestKey.post('/v1/batch').send({ batch: [] })).status,
    ];
    expect(statuses[2]).toBe(429);
  });
});
