import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

interface Entry {
  id: string;
  at: string;
  action: string;
  targetKind: string | null;
  targetId: string | null;
  actor: { kind: string; id: string | null; name: string | null };
  details: Record<string, unknown>;
}

describe('GET /audit-log', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_LOGIN_RATE_LIMIT: '10000' }));
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
  });

  afterAll(async () => {
    await app.close();
  });

  it("lists the workspace's own entries newest first, with who did it, and never a secret", async () => {
    const invitation = await ws.as.admin
      .post('/users/invitations')
      .send({ email: `audit-${Date.now()}@example.test`, role: 'marketer' })
      .expect(201);
    const key = await ws.as.admin.post('/api-keys').send({ name: 'audited key', scope: 'read' }).expect(201);
    await ws.as.admin.delete(`/api-keys/${key.body.id}`).expect(204);

    const page = await ws.as.admin.get('/audit-log?limit=3').expect(200);
    const items = page.body.items as Entry[];
    expect(items.map((entry) => [entry.action, entry.targetId])).toEqual([
      ['api_key.revoked', key.body.id],
      ['api_key.created', key.body.id],
      ['invitation.created', invitation.body.id],
    ]);
    expect(items[0]!.actor).toEqual({ kind: 'user', id: ws.users.admin.id, name: 'Test admin' });
    expect(page.body.nextCursor).toEqual(items[2]!.id);
    const text = JSON.stringify(page.body);
    expect(text).not.toContain(key.body.key);
    expect(text).not.toContain(invitation.body.token);

    const all = await ws.as.admin.get('/audit-log?limit=200').expect(200);
    expect((all.body.items as Entry[]).map((entry) => entry.targetId)).not.toContain(other.users.admin.id);
  });

  it('pages with the cursor until nextCursor is null, without repeating an entry', async () => {
    const seen: string[] = [];
    const pageAfter = async (cursor: string | null) =>
      (await ws.as.admin.get(`/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as {
        items: Entry[];
        nextCursor: string | null;
      };
    let cursor: string | null = null;
    do {
      const page = await pageAfter(cursor);
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    const everything = await ws.as.admin.get('/audit-log?limit=200').expect(200);
    expect(seen).toEqual((everything.body.items as Entry[]).map((entry) => entry.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by actor, target kind and time range', async () => {
    const before = new Date().toISOString();
    await ws.as.admin.patch('/workspace').send({ approvalRequired: false }).expect(200);

    const byKind = await ws.as.admin.get('/audit-log?targetKind=workspace').expect(200);
    expect((byKind.body.items as Entry[]).map((entry) => entry.action)).toEqual(['workspace.updated']);

    const byActor = await ws.as.admin.get(`/audit-log?actorId=${ws.users.marketer.id}`).expect(200);
    expect(byActor.body.items).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        actor: expect.objectContaining({ name: 'Test marketer' }),
      }),
    ]);

    const future = new Date(Date.now() + 60_000).toISOString();
    const since = await ws.as.admin
      .get(`/audit-log?from=${encodeURIComponent(before)}&to=${encodeURIComponent(future)}`)
      .expect(200);
    expect((since.body.items as Entry[]).map((entry) => entry.action)).toEqual(['workspace.updated']);
  });

  it('answers 422 naming the field for a bad filter or cursor', async () => {
    for (const [query, field] of [
      ['actorId=someone', 'actorId'],
      ['from=yesterday', 'from'],
      ['from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['cursor=abc', 'cursor'],
      ['limit=0', 'limit'],
      ['targetKind=DROP%20TABLE', 'targetKind'],
    ] as const) {
      const response = await ws.as.admin.get(`/audit-log?${query}`).expect(422);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ in: 'query', field }));
    }
  });

  it('refuses marketers, analysts and API keys', async () => {
    await ws.as.marketer.get('/audit-log').expect(403);
    await ws.as.analyst.get('/audit-log').expect(403);
    await ws.as.writeKey.get('/audit-log').expect(403);
    await ws.as.anonymous.get('/audit-log').expect(401);
  });
});
