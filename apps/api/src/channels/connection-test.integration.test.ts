import type { RunningSandbox } from '@loa/provider-sandbox';
import type { TestWorkspace } from '../testing/test-workspace';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from './zalo/testing/zalo-sandbox-kit';

describe('POST /channel-accounts/{id}/test calls the provider and records the outcome', () => {
  let sandbox: RunningSandbox;
  let ws: TestWorkspace;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, ws } = bed);
  });

  afterAll(() => bed.close());

  let names = 0;
  async function account(kind: string, config: Record<string, unknown>): Promise<string> {
    names += 1;
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind, name: `${kind} ${names}`, config });
    expect(created.body.errors ?? created.status).toBe(201);
    return created.body.id as string;
  }

  const test = (id: string) => ws.as.admin.post(`/channel-accounts/${id}/test`);

  function smtpConfig(pass: string) {
    const smtp = new URL(sandbox.urls.smtp);
    return {
      host: smtp.hostname,
      port: Number(smtp.port),
      secure: false,
      verifyTlsCertificate: false,
      auth: { user: sandbox.seed.smtp[0]!.user, pass },
      from: 'Shop Hoa <news@shophoa.vn>',
      messageIdDomain: 'mail.shophoa.vn',
      unsubscribe: { urlTemplate: 'https://loa.example/u/{token}', mailto: 'unsubscribe@shophoa.vn' },
    };
  }

  it('Zalo OA: reads the profile and the ZNS quota with the stored token; not connected says so', async () => {
    const id = await account('zalo_oa', sandboxZaloConfig(sandbox));
    const before = await test(id).expect(200);
    expect(before.body.lastTest).toMatchObject({ ok: false, detail: expect.stringMatching(/not connected/) });

    await ws.as.admin.get(await startAndConsent(ws.as.admin, id)).expect(200);
    const after = await test(id).expect(200);
    expect(after.body.lastTest).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/^OA Cửa hàng Sandbox: ZNS quota \d+ of \d+ left today$/),
    });
    expect(Date.parse(after.body.lastTest.at)).toBeGreaterThanOrEqual(Date.parse(before.body.lastTest.at));
  });

  it('SpeedSMS: the account info call proves the token; a wrong token is recorded as a failed test', async () => {
    const seeded = sandbox.seed.speedsms[0]!;
    const good = await account('speedsms', {
      accessToken: seeded.accessToken,
      sender: seeded.senders[0],
      smsType: 3,
      baseUrl: sandbox.urls.speedsms,
    });
    expect((await test(good).expect(200)).body.lastTest).toMatchObject({
      ok: true,
      detail: expect.stringContaining(`balance ${seeded.balance} VND`),
    });
    const wrongToken = 'speedsms-token-that-is-wrong';
    const bad = await account('speedsms', {
      accessToken: wrongToken,
      sender: seeded.senders[0],
      smsType: 3,
      baseUrl: sandbox.urls.speedsms,
    });
    const failed = await test(bad).expect(200);
    expect(failed.body.lastTest).toMatchObject({ ok: false, detail: expect.stringContaining('HTTP 401') });
    expect(JSON.stringify(failed.body)).not.toContain(wrongToken);
  });

  it('SMTP: logs in without sending; a wrong password is a failed test that does not echo it', async () => {
    const good = await account('smtp', smtpConfig(sandbox.seed.smtp[0]!.pass));
    expect((await test(good).expect(200)).body.lastTest).toMatchObject({ ok: true });
    const wrong = 'not-the-smtp-password';
    const bad = await account('smtp', smtpConfig(wrong));
    const failed = await test(bad).expect(200);
    expect(failed.body.lastTest).toMatchObject({ ok: false, detail: expect.stringContaining('535') });
    expect(JSON.stringify(failed.body)).not.toContain(wrong);
    expect(sandbox.inbox({ channel: 'smtp' })).toEqual([]);
  });

  it('eSMS reads the balance and Twilio the account; wrong keys are failed tests; only admins may test', async () => {
    const esms = sandbox.seed.esms[0]!;
    const esmsConfig = (secretKey: string) => ({
      apiKey: esms.apiKey,
      secretKey,
      brandname: esms.brandnames[0],
      smsType: 'care',
      baseUrl: sandbox.urls.esms,
    });
    const goodEsms = await account('esms', esmsConfig(esms.secretKey));
    expect((await test(goodEsms).expect(200)).body.lastTest).toMatchObject({
      ok: true,
      detail: `eSMS balance ${esms.balance} VND`,
    });
    const badEsms = await account('esms', esmsConfig('wrong-esms-secret'));
    expect((await test(badEsms).expect(200)).body.lastTest).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/code 101/),
    });

    const twilio = sandbox.seed.twilio[0]!;
    const twilioConfig = (authToken: string) => ({
      accountSid: twilio.accountSid,
      authToken,
      from: twilio.senders[0],
      baseUrl: sandbox.urls.twilio,
    });
    const goodTwilio = await account('twilio', twilioConfig(twilio.authToken));
    expect((await test(goodTwilio).expect(200)).body.lastTest).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/active/),
    });
    const badTwilio = await account('twilio', twilioConfig('wrong-twilio-token'));
    expect((await test(badTwilio).expect(200)).body.lastTest).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/HTTP 401/),
    });

    await ws.as.marketer.post(`/channel-accounts/${goodEsms}/test`).expect(403);
    await ws.as.writeKey.post(`/channel-accounts/${goodEsms}/test`).expect(403);
  });
});
