import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';

describe('the content security policy upgrades requests to HTTPS only when the API is served over HTTPS', () => {
  const policyOf = async (cookieSecure: 'true' | 'false') => {
    const app: INestApplication = await createApp(testConfig({ LOA_COOKIE_SECURE: cookieSecure }));
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/docs').expect(200);
      return String(response.headers['content-security-policy']);
    } finally {
      await app.close();
    }
  };

  it('leaves plain-HTTP deployments (LOA_COOKIE_SECURE=false) able to load /docs assets', async () => {
    const policy = await policyOf('false');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('upgrades behind HTTPS (LOA_COOKIE_SECURE=true)', async () => {
    expect(await policyOf('true')).toContain('upgrade-insecure-requests');
  });
});
