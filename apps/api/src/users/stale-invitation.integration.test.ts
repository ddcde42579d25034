import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

describe('a second invitation to the same person', () => {
  let app: INestApplication;
  let workspace: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_LOGIN_RATE_LIMIT: '10000' }));
    await app.init();
    workspace = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('cannot bring back a member an admin deactivated (or restore a role they took away)', async () => {
    const email = `resent-${Date.now()}@example.test`;
    const password = 'a long enough password';
    const tokens: string[] = [];
    for (let sent = 0; sent < 2; sent++) {
      const invitation = await workspace.as.admin
        .post('/users/invitations')
        .send({ email, role: 'admin' })
        .expect(201);
      tokens.push(invitation.body.token);
    }
    const accepted = await request(app.getHttpServer())
      .post('/auth/invitations/accept')
      .send({ token: tokens[0], password })
      .expect(200);
    await workspace.as.admin
      .patch(`/users/${accepted.body.user.id}`)
      .send({ status: 'deactivated' })
      .expect(200);

    await request(app.getHttpServer())
      .post('/auth/invitations/accept')
      .send({ token: tokens[1], password })
      .expect(422);
    const members = await workspace.as.admin.get('/users').expect(200);
    expect(members.body.items).toContainEqual(expect.objectContaining({ email, status: 'deactivated' }));
    const invitations = await workspace.as.admin.get('/users/invitations').expect(200);
    expect(
      invitations.body.items.filter((invitation: { email: string }) => invitation.email === email),
    ).not.toContainEqual(expect.objectContaining({ status: 'pending' }));
  });
});
