import { startSandbox, type RunningSandbox } from '@loa/provider-sandbox';
import { createHttpClient, type HttpClient } from '../http/http-client';
import { esmsBalance } from './esms/esms.balance';
import { EsmsAccountSchema } from './esms/esms.config';
import { twilioAccountStatus } from './twilio/twilio.account';
import { TwilioAccountSchema } from './twilio/twilio.config';

describe('SMS account checks ("test connection") against the provider sandbox', () => {
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

  const esms = (secretKey: string) =>
    EsmsAccountSchema.parse({
      apiKey: sandbox.seed.esms[0].apiKey,
      secretKey,
      brandname: sandbox.seed.esms[0].brandnames[0],
      smsType: 'care',
      baseUrl: sandbox.urls.esms,
    });

  const twilio = (authToken: string) =>
    TwilioAccountSchema.parse({
      accountSid: sandbox.seed.twilio[0].accountSid,
      authToken,
      from: sandbox.seed.twilio[0].senders[0],
      baseUrl: sandbox.urls.twilio,
    });

  it('eSMS: the balance proves the keys; wrong keys answer code 101 without echoing them', async () => {
    expect(await esmsBalance(http, esms(sandbox.seed.esms[0].secretKey))).toEqual({
      ok: true,
      detail: `eSMS balance ${sandbox.seed.esms[0].balance} VND`,
    });
    const refused = await esmsBalance(http, esms('wrong-esms-secret'));
    expect(refused).toEqual({ ok: false, detail: 'eSMS refused (HTTP 200, code 101)' });
  });

  it('Twilio: the account resource proves the credentials; a wrong token answers 401 (20003)', async () => {
    expect(await twilioAccountStatus(http, twilio(sandbox.seed.twilio[0].authToken))).toEqual({
      ok: true,
      detail: 'Twilio account Sandbox account: active (Full)',
    });
    expect(await twilioAccountStatus(http, twilio('wrong-twilio-token'))).toEqual({
      ok: false,
      detail: 'Twilio refused (HTTP 401, code 20003)',
    });
  });
});
