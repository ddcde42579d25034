import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { seededSecret } from '../testing/seeded-secret';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { WorkspaceSecrets } from './workspace-secrets';

const TOKEN = seededSecret('crm-token');
const ROTATED = seededSecret('crm-token-rotated');

describe('workspace secrets: set by admins, sealed at rest, never shown', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
  });

  afterAll(async () => {
    await app.close();
  });

  it('sets, replaces, lists by name, reveals only to the worker, and deletes', async () => {
    const created = await ws.as.admin.put('/secrets/CRM_TOKEN').send({ value: TOKEN }).expect(200);
    expect(created.body).toEqual({
      name: 'CRM_TOKEN',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await ws.as.admin.put('/secrets/CRM_TOKEN').send({ value: ROTATED }).expect(200);

    const listed = await ws.as.admin.get('/secrets').expect(200);
    expect(listed.body).toEqual({
      items: [created.body.name].map((name) => expect.objectContaining({ name })),
    });
    expect((await other.as.admin.get('/secrets').expect(200)).body).toEqual({ items: [] });

    const [row] = (await app
      .get(DataSource)
      .query('SELECT value_ciphertext FROM workspace_secrets WHERE workspace_id = $1', [
        ws.workspaceId,
      ])) as Array<{
      value_ciphertext: string;
    }>;
    expect(row!.value_ciphertext).not.toContain('loa-seeded-secret');
    const store = app.get(WorkspaceSecrets);
    expect(await store.reveal(ws.workspaceId, 'CRM_TOKEN')).toBe(ROTATED);
    expect(await store.reveal(other.workspaceId, 'CRM_TOKEN')).toBeUndefined();

    await other.as.admin.delete('/secrets/CRM_TOKEN').expect(404);
    await ws.as.admin.delete('/secrets/CRM_TOKEN').expect(204);
    await ws.as.admin.delete('/secrets/CRM_TOKEN').expect(404);
    expect(await store.reveal(ws.workspaceId, 'CRM_TOKEN')).toBeUndefined();
  });

  it('accepts concurrent PUTs of the same new name: each succeeds, and one of the values is kept, readable', async () => {
    const values = [0, 1, 2, 3].map((index) => seededSecret(`concurrent-${index}`));
    for (const round of [0, 1, 2, 3, 4]) {
      const name = `CONCURRENT_${round}`;
      const answers = await Promise.all(
        values.map((value) => ws.as.admin.put(`/secrets/${name}`).send({ value })),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      expect(values).toContain(await app.get(WorkspaceSecrets).reveal(ws.workspaceId, name));
      const rows = (await app
        .get(DataSource)
        .query('SELECT id FROM workspace_secrets WHERE workspace_id = $1 AND name = $2', [
          ws.workspaceId,
          name,
        ])) as unknown[];
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses a malformed name or an empty value with 422 naming the field', async () => {
    const badName = await ws.as.admin.put('/secrets/has%20space').send({ value: 'x' }).expect(422);
    expect(JSON.stringify(badName.body)).toContain('name');
    const empty = await ws.as.admin.put('/secrets/OK').send({ value: '' }).expect(422);
    expect(JSON.stringify(empty.body)).toContain('value');
  });

  it('lets only admins manage them', async () => {
    await ws.as.marketer.put('/secrets/X').send({ value: 'x' }).expect(403);
    await ws.as.writeKey.get('/secrets').expect(403);
  });
});
