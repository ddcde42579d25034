import {
  accountConfigFromForm,
  accountFormFromAccount,
  accountFormSchema,
  emptyAccountForm,
  formKeyOfApiField,
  sendRateFromText,
  type AccountFormValues,
} from './account-form-schema';
import type { ChannelAccount } from './channel-queries';

const errorsOf = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

const esms = (values: Partial<AccountFormValues> = {}): AccountFormValues => ({
  ...emptyAccountForm('esms'),
  name: 'eSMS CSKH',
  apiKey: 'key',
  secretKey: 'secret',
  brandname: 'SHOPHOA',
  ...values,
});

const account = (overrides: Partial<ChannelAccount>): ChannelAccount => ({
  id: '6f1c1a4e-0a8e-4d8f-9a51-0e6c1d7f3b21',
  kind: 'esms',
  name: 'eSMS CSKH',
  channels: ['sms'],
  status: 'connected',
  disabled: false,
  sendRatePerSecond: null,
  defaultSendRatePerSecond: 30,
  statusDetail: null,
  providerName: null,
  testing: true,
  settings: {},
  secretsSet: [],
  lastTest: null,
  webhookUrl: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

describe('channel account forms', () => {
  it('a new account needs every secret; the form names each missing field', () => {
    const result = accountFormSchema('esms').safeParse(esms({ apiKey: '', brandname: ' ', name: '' }));
    expect(errorsOf(result)).toEqual({
      name: 'errors.required',
      apiKey: 'errors.secretRequired',
      brandname: 'errors.required',
    });
  });

  it('a stored secret may be left empty, which keeps it: the configuration leaves it out', () => {
    const values = esms({ apiKey: '', secretKey: 'new secret' });
    expect(accountFormSchema('esms', ['apiKey', 'secretKey']).safeParse(values).success).toBe(true);
    expect(accountConfigFromForm('esms', values)).toEqual({
      secretKey: 'new secret',
      brandname: 'SHOPHOA',
      smsType: 'care',
      sandbox: false,
    });
  });

  it('an existing account fills the form from its settings and never from its secrets', () => {
    const values = accountFormFromAccount(
      account({
        kind: 'smtp',
        name: 'Mail',
        settings: {
          host: 'smtp.example.com',
          port: 465,
          secure: true,
          verifyTlsCertificate: true,
          auth: { user: 'news' },
          poolSize: 5,
          from: 'Shop <news@example.com>',
          messageIdDomain: 'example.com',
          unsubscribe: { urlTemplate: 'https://example.com/u/{token}' },
        },
        secretsSet: ['auth.pass'],
      }),
    );
    expect(values).toMatchObject({
      name: 'Mail',
      host: 'smtp.example.com',
      port: '465',
      secure: true,
      authUser: 'news',
      authPass: '',
      unsubscribeUrl: 'https://example.com/u/{token}',
      unsubscribeMailto: '',
    });
    expect(accountFormSchema('smtp', ['auth.pass']).safeParse(values).success).toBe(true);
    expect(errorsOf(accountFormSchema('smtp').safeParse(values))).toEqual({
      authPass: 'errors.secretRequired',
    });
  });

  it('builds the nested configuration the connectors take: numbers as numbers, empty optional fields left out', () => {
    const values: AccountFormValues = {
      ...emptyAccountForm('smtp'),
      name: 'Mail',
      host: 'smtp.example.com',
      authUser: 'news',
      authPass: 'p@ss word ',
      emailFrom: 'news@example.com',
      messageIdDomain: 'example.com',
      unsubscribeUrl: 'https://example.com/u/{token}',
    };
    expect(accountFormSchema('smtp').safeParse(values).success).toBe(true);
    expect(accountConfigFromForm('smtp', values)).toEqual({
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      auth: { user: 'news', pass: 'p@ss word ' },
      from: 'news@example.com',
      messageIdDomain: 'example.com',
      unsubscribe: { urlTemplate: 'https://example.com/u/{token}' },
      verifyTlsCertificate: true,
      poolSize: 5,
    });
    expect(accountConfigFromForm('smtp', { ...values, authUser: '', authPass: '' })).not.toHaveProperty(
      'auth',
    );
  });

  it('a Zalo OA takes its sandbox addresses under baseUrls and checks them as URLs', () => {
    const values: AccountFormValues = {
      ...emptyAccountForm('zalo_oa'),
      name: 'OA',
      appId: '1000000000000000001',
      appSecret: 's',
      oaId: '2000000000000000001',
      webhookSecret: 'w',
      baseUrlOauth: 'http://127.0.0.1:4010/zalo-oauth/v4',
      baseUrlZns: 'not a url',
    };
    expect(errorsOf(accountFormSchema('zalo_oa').safeParse(values))).toEqual({ baseUrlZns: 'errors.url' });
    expect(accountConfigFromForm('zalo_oa', { ...values, baseUrlZns: '' })).toEqual({
      appId: '1000000000000000001',
      appSecret: 's',
      oaId: '2000000000000000001',
      webhookSecret: 'w',
      znsMode: 'production',
      webhookSignatureFirstTerm: 'app_id',
      webhookSignatureMacPrefix: 'optional',
      baseUrls: { oauth: 'http://127.0.0.1:4010/zalo-oauth/v4' },
    });
  });

  it("states the rules between fields: Twilio's sender or service, SpeedSMS brand-name sender", () => {
    const twilio: AccountFormValues = {
      ...emptyAccountForm('twilio'),
      name: 'Twilio',
      accountSid: 'AC123',
      authToken: 't',
    };
    expect(errorsOf(accountFormSchema('twilio').safeParse(twilio))).toEqual({
      accountSid: 'errors.accountSid',
      from: 'errors.fromOrService',
    });
    const valid = { ...twilio, accountSid: `AC${'a'.repeat(32)}`, from: '+14155550100' };
    expect(accountFormSchema('twilio').safeParse(valid).success).toBe(true);

    const speed: AccountFormValues = { ...emptyAccountForm('speedsms'), name: 'S', accessToken: 't' };
    expect(accountFormSchema('speedsms').safeParse(speed).success).toBe(true);
    expect(errorsOf(accountFormSchema('speedsms').safeParse({ ...speed, speedSmsType: '3' }))).toEqual({
      sender: 'errors.senderRequired',
    });
    expect(accountConfigFromForm('speedsms', { ...speed, speedSmsType: '3', sender: 'SHOP' })).toEqual({
      accessToken: 't',
      smsType: 3,
      sender: 'SHOP',
    });
  });

  it("places the API's field errors on the form's fields", () => {
    expect(formKeyOfApiField('smtp', 'config.auth.pass')).toBe('authPass');
    expect(formKeyOfApiField('zalo_oa', 'config.baseUrls.zns')).toBe('baseUrlZns');
    expect(formKeyOfApiField('esms', 'name')).toBe('name');
    expect(formKeyOfApiField('esms', 'config.unknown')).toBeUndefined();
  });
});

describe('the send rate field', () => {
  it('reads a rate as typed, empty as the provider default, and refuses what the API cannot store', () => {
    expect(sendRateFromText(' 2.5 ')).toBe(2.5);
    expect(sendRateFromText('2,5')).toBe(2.5);
    expect(sendRateFromText('0.001')).toBe(0.001);
    expect(sendRateFromText('10000')).toBe(10_000);
    expect(sendRateFromText('')).toBeNull();
    for (const wrong of ['0', '0.0004', '10000.5', '-1', '1e3', 'abc', '1.2.3'])
      expect(sendRateFromText(wrong)).toBeUndefined();
  });

  it('is a field of the form only when asked for, named in its error', () => {
    const rateIssues = (options: { sendRate?: boolean }, rate: string) =>
      (
        accountFormSchema('esms', [], options).safeParse({
          ...emptyAccountForm('esms'),
          sendRatePerSecond: rate,
        }).error?.issues ?? []
      )
        .filter((issue) => issue.path.join('.') === 'sendRatePerSecond')
        .map((issue) => issue.message);
    expect(rateIssues({}, 'fast')).toEqual([]);
    expect(rateIssues({ sendRate: true }, 'fast')).toEqual(['errors.sendRate']);
    expect(rateIssues({ sendRate: true }, '')).toEqual([]);
    expect(rateIssues({ sendRate: true }, '12.5')).toEqual([]);
    expect(formKeyOfApiField('esms', 'sendRatePerSecond')).toBe('sendRatePerSecond');
  });
});
