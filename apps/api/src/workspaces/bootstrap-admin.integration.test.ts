import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';

describe('bootstrap admin on first start', () => {
  const apps: INestApplication[] = [];
  const email = `boss-${Date.now()}@example.test`;

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  async function start(password: string): Promise<INestApplication> {
    const app = await createApp(
      testConfig({ LOA_BOOTSTRAP_ADMIN_EMAIL: email, LOA_BOOTSTRAP_ADMIN_PASSWORD: password }),
    );
    await app.init();
    apps.push(app);
    return app;
  }

  it('creates the admin once, who can sign in as admin, and never changes an existing user', async () => {
    const first = await start('first password 123');
    const login = await request(first.getHttpServer())
      .post('/auth/login')
      .send({ email, password: 'first password 123' })
      .expect(200);
    expect(login.body.role).toBe('admin');

    const second = await start('another password 456');
    await request(second.getHttpServer())
      .post('/auth/login')
      .send({ email, password: 'another password 456' })
      .expect(401);
    const users = await second
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    expect(users[0].n).toBe(1);
  });

  it('refuses a half-given bootstrap configuration, naming the missing variable', () => {
    expect(() => testConfig({ LOA_BOOTSTRAP_ADMIN_EMAIL: email })).toThrow(
      /LOA_BOOTSTRAP_ADMIN_PASSWORD is required/,
    );
  });
});
