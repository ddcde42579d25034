import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import {
  seedTestWorkspace,
  sessionCookie,
  signIn,
  TEST_PASSWORD,
  type TestWorkspace,
} from '../testing/test-workspace';

describe('sign-in, sessions, CSRF, API keys and people (real PostgreSQL)', () => {
  let app: INestApplication;
  let ws: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_LOGIN_RATE_LIMIT: '5' }));
    await app.init();
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('signs in with an httpOnly SameSite cookie and answers /auth/me with role, workspace and CSRF token', async () => {
    const response = await request(app.getHttpServer())
      .post('/auth/login')
      .send({ email: ws.users.marketer.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    const cookie = (response.headers['set-cookie'] as unknown as string[]).join(';');
    expect(cookie).toMatch(/loa_session=.+HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await request(app.getHttpServer())
      .get('/auth/me')
      .set('Cookie', sessionCookie(response.headers['set-cookie']))
      .expect(200);
    expect(me.body).toEqual(
      expect.objectContaining({
        role: 'marketer',
        user: expect.objectContaining({ email: ws.users.marketer.email }),
        workspace: expect.objectContaining({ id: ws.workspaceId }),
        csrfToken: response.body.csrfToken,
      }),
    );
    expect(JSON.stringify(me.body)).not.toContain('password');
  });

  it('answers a wrong password with 401 problem+json, and the same for an unknown e-mail', async () => {
    const wrong = await request(app.getHttpServer())
      .post('/auth/login')
      .send({ email: ws.users.analyst.email, password: 'not the password' })
      .expect(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const unknown = await request(app.getHttpServer())
      .post('/auth/login')
      .send({ email: 'nobody@example.test', password: 'not the password' })
      .expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('names the offending field of a malformed sign-in', async () => {
    const response = await request(app.getHttpServer())
      .post('/auth/login')
      .send({ email: 'not-an-email' })
      .expect(422);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', field: 'email' }),
        expect.objectContaining({ in: 'body', field: 'password' }),
      ]),
    );
  });

  it('limits sign-in attempts per address and e-mail with 429 and Retry-After', async () => {
    const email = `throttled-${Date.now()}@example.test`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++)
      statuses.push(
        (await request(app.getHttpServer()).post('/auth/login').send({ email, password: 'x' })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await request(app.getHttpServer()).post('/auth/login').send({ email, password: 'x' });
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a cookie-authenticated change without the CSRF header, and accepts it with the header', async () => {
    const login = await request(app.getHttpServer())
      .post('/auth/login')
      .send({ email: ws.users.admin.email, password: TEST_PASSWORD })
      .expect(200);
    const cookie = sessionCookie(login.headers['set-cookie']);
    const refused = await request(app.getHttpServer())
      .post('/api-keys')
      .set('Cookie', cookie)
      .send({ name: 'x', scope: 'read' })
      .expect(403);
    expect(refused.body.detail).toContain('X-CSRF-Token');
    await request(app.getHttpServer())
      .post('/api-keys')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'wrong')
      .send({ name: 'x', scope: 'read' })
      .expect(403);
    await request(app.getHttpServer())
      .post('/api-keys')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', login.body.csrfToken)
      .send({ name: 'x', scope: 'read' })
      .expect(201);
  });

  it('ends a session on logout', async () => {
    const caller = await signIn(app, ws.users.analyst.email, TEST_PASSWORD);
    await caller.get('/auth/me').expect(200);
    await caller.post('/auth/logout').expect(204);
    await caller.get('/auth/me').expect(401);
  });

  it('shows an API key once, stores only its hash, accepts it as Bearer or Basic, and stops it when revoked', async () => {
    const created = await ws.as.admin.post('/api-keys').send({ name: 'Website', scope: 'read' }).expect(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^loa_read_/);
    const stored = await app
      .get(DataSource)
      .query(`SELECT token_hash, prefix FROM api_keys WHERE id = $1`, [created.body.id]);
    expect(stored[0].token_hash).not.toContain(key);
    expect(key.startsWith(stored[0].prefix)).toBe(true);
    const listed = await ws.as.admin.get('/api-keys').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    await request(app.getHttpServer()).get('/workspace').set('Authorization', `Bearer ${key}`).expect(200);
    const basic = Buffer.from(`${key}:`).toString('base64');
    await request(app.getHttpServer()).get('/workspace').set('Authorization', `Basic ${basic}`).expect(200);

    await ws.as.admin.delete(`/api-keys/${created.body.id}`).expect(204);
    await request(app.getHttpServer()).get('/workspace').set('Authorization', `Bearer ${key}`).expect(401);
    const afterRevoke = await ws.as.admin.get('/api-keys').expect(200);
    expect(
      afterRevoke.body.items.find((item: { id: string }) => item.id === created.body.id).revokedAt,
    ).not.toBeNull();
  });

  it("answers another workspace's API key with 404, never 403", async () => {
    const other = await seedTestWorkspace(app, 'Other workspace');
    const created = await other.as.admin
      .post('/api-keys')
      .send({ name: 'theirs', scope: 'read' })
      .expect(201);
    await ws.as.admin.delete(`/api-keys/${created.body.id}`).expect(404);
    await ws.as.admin.patch(`/users/${other.users.marketer.id}`).send({ role: 'analyst' }).expect(404);
  });

  it('invites a user who accepts, signs in with the role, and is deactivated by an admin', async () => {
    const email = `new-${Date.now()}@example.test`;
    const invitation = await ws.as.admin
      .post('/users/invitations')
      .send({ email, role: 'analyst' })
      .expect(201);
    expect(invitation.body.token).toBeDefined();
    const accepted = await request(app.getHttpServer())
      .post('/auth/invitations/accept')
      .send({ token: invitation.body.token, name: 'Nguyễn Văn A', password: 'a long enough password' })
      .expect(200);
    expect(accepted.body.role).toBe('analyst');
    await request(app.getHttpServer())
      .post('/auth/invitations/accept')
      .send({ token: invitation.body.token, password: 'a long enough password' })
      .expect(422);

    const invitee = await signIn(app, email, 'a long enough password');
    await ws.as.admin.patch(`/users/${accepted.body.user.id}`).send({ role: 'marketer' }).expect(200);
    expect((await invitee.get('/auth/me').expect(200)).body.role).toBe('marketer');
    await ws.as.admin.patch(`/users/${accepted.body.user.id}`).send({ status: 'deactivated' }).expect(200);
    await invitee.get('/auth/me').expect(401);
    await request(app.getHttpServer())
      .post('/auth/login')
      .send({ email, password: 'a long enough password' })
      .expect(403);
  });

  it('never leaves a workspace without an active admin', async () => {
    const response = await ws.as.admin
      .patch(`/users/${ws.users.admin.id}`)
      .send({ role: 'marketer' })
      .expect(409);
    expect(response.body.detail).toContain('at least one active admin');
    await ws.as.admin.patch(`/users/${ws.users.admin.id}`).send({ status: 'deactivated' }).expect(409);
    expect((await ws.as.admin.get('/auth/me').expect(200)).body.role).toBe('admin');
  });
});
