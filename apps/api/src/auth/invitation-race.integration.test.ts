import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace } from '../testing/test-workspace';

describe('accepting invitations to one new e-mail at the same time', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_LOGIN_RATE_LIMIT: '10000' }));
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates the account once and answers the other acceptance without a 500', async () => {
    const email = `twice-${Date.now()}@example.test`;
    const first = await seedTestWorkspace(app, 'First');
    const second = await seedTestWorkspace(app, 'Second');
    const tokens: string[] = [];
    for (const workspace of [first, second]) {
      const invitation = await workspace.as.admin
        .post('/users/invitations')
        .send({ email, role: 'marketer' })
        .expect(201);
      tokens.push(invitation.body.token);
    }
    const password = 'the same long password';
    const answers = await Promise.all(
      tokens.map((token) =>
        request(app.getHttpServer()).post('/auth/invitations/accept').send({ token, password }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const userIds = answers.map((answer) => (answer.body as { user: { id: string } }).user.id);
    expect(new Set(userIds).size).toBe(1);
  });
});
