import { startSandbox, type RunningSandbox } from '@loa/provider-sandbox';
import { createHttpClient, type HttpClient } from '../../http/http-client';
import { speedSmsAccountInfo } from './speedsms.account-info';
import { SpeedSmsAccountSchema } from './speedsms.config';

describe('SpeedSMS account info against the provider sandbox', () => {
  let sandbox: RunningSandbox;
  let http: HttpClient;

  beforeAll(async () => {
    sandbox = await startSandbox();
    http = createHttpClient();
  });

  afterAll(async () => {
    await http.close();
    await sandbox.close();
  });

  const account = (accessToken: string) =>
    SpeedSmsAccountSchema.parse({ accessToken, smsType: 2, baseUrl: sandbox.urls.speedsms });

  it('reads the balance with the access token', async () => {
    const [seeded] = sandbox.seed.speedsms;
    expect(await speedSmsAccountInfo(http, account(seeded.accessToken))).toEqual({
      ok: true,
      email: expect.any(String),
      balance: seeded.balance,
      currency: 'VND',
    });
  });

  it('answers a refused token as a value that does not echo it', async () => {
    const result = await speedSmsAccountInfo(http, account('not-a-speedsms-token'));
    expect(result).toMatchObject({ ok: false, detail: expect.stringContaining('HTTP 401') });
    expect(JSON.stringify(result)).not.toContain('not-a-speedsms-token');
  });
});
