import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { basicAuth, getJson, postJson } from '../testing/http';

describe('SpeedSMS (providers.md §5.2)', () => {
  let sandbox: RunningSandbox;
  const auth = (token = sandbox.seed.speedsms[0].accessToken) => ({ authorization: basicAuth(token, 'x') });

  beforeAll(async () => {
    sandbox = await startSandbox({ speedsmsRateLimit: { limit: 5, windowMs: 60_000 } });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('sends with Basic auth (token as user, password x) and reports the balance', async () => {
    const sent = await postJson(
      `${sandbox.urls.speedsms}/sms/send`,
      { to: ['0987654321', 'abc'], content: 'Xin chao', sms_type: 2 },
      auth(),
    );
    expect(sent.body).toEqual({
      status: 'success',
      code: '00',
      data: { tranId: expect.any(Number), totalSMS: 1, totalPrice: 250, invalidPhone: ['abc'] },
    });
    const info = await getJson(`${sandbox.urls.speedsms}/user/info`, auth());
    expect(info.body).toMatchObject({ status: 'success', data: { balance: 500_000 - 250, currency: 'VND' } });
    expect(
      (
        await postJson(
          `${sandbox.urls.speedsms}/sms/send`,
          { to: ['123'], content: 'x', sms_type: 2 },
          auth(),
        )
      ).body,
    ).toMatchObject({
      status: 'error',
      code: '105',
    });
  });

  it('answers 401 without valid credentials', async () => {
    expect((await getJson(`${sandbox.urls.speedsms}/user/info`)).status).toBe(401);
    expect((await getJson(`${sandbox.urls.speedsms}/user/info`, auth('sandbox-unknown'))).status).toBe(401);
  });

  it('limits requests per token and answers 429 with X-Rate-Limit-Reset', async () => {
    for (let index = 0; index < 5; index += 1)
      expect((await getJson(`${sandbox.urls.speedsms}/user/info`, auth())).status).toBe(200);
    const limited = await getJson(`${sandbox.urls.speedsms}/user/info`, auth());
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      name: 'Too Many Requests',
      message: 'Rate limit exceeded.',
      code: 0,
      status: 429,
    });
    expect(Number(limited.headers.get('x-rate-limit-reset'))).toBeGreaterThan(0);
  });
});
