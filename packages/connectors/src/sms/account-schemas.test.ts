import { z } from 'zod';
import { parseAccountConfig } from '../contract/account-config';
import { EsmsAccountSchema } from './esms/esms.config';
import { SpeedSmsAccountSchema } from './speedsms/speedsms.config';
import { TwilioAccountSchema } from './twilio/twilio.config';

const secretFields = (schema: z.ZodObject) =>
  Object.entries(schema.shape)
    .filter(([, field]) => (field as z.ZodType).meta()?.secret === true)
    .map(([name]) => name);

const untitled = (schema: z.ZodObject) =>
  Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).meta()?.title || !(field as z.ZodType).meta()?.description)
    .map(([name]) => name);

describe('SMS account schemas', () => {
  it.each([
    ['eSMS', EsmsAccountSchema, ['apiKey', 'secretKey']],
    ['SpeedSMS', SpeedSmsAccountSchema, ['accessToken']],
    ['Twilio', TwilioAccountSchema, ['authToken']],
  ] as const)('%s marks its secrets and titles and describes every field', (_name, schema, secrets) => {
    expect(secretFields(schema)).toEqual(secrets);
    expect(untitled(schema)).toEqual([]);
  });

  it('fills eSMS defaults', () => {
    expect(
      parseAccountConfig(EsmsAccountSchema, {
        apiKey: 'k',
        secretKey: 's',
        brandname: 'LOA',
        smsType: 'care',
      }),
    ).toEqual({
      ok: true,
      config: {
        apiKey: 'k',
        secretKey: 's',
        brandname: 'LOA',
        smsType: 'care',
        sandbox: false,
        baseUrl: 'https://rest.esms.vn/MainService.svc/json',
      },
    });
  });

  it('names each offending field and never echoes a secret', () => {
    const parsed = parseAccountConfig(EsmsAccountSchema, {
      apiKey: '',
      secretKey: 'top-secret-value',
      brandname: 'LOA',
      smsType: 'promo',
      callbackUrl: 'not a url',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => issue.field).sort()).toEqual(['apiKey', 'callbackUrl', 'smsType']);
    expect(parsed.issues.find((issue) => issue.field === 'apiKey')?.message).toBe(
      'apiKey: apiKey is required',
    );
    expect(JSON.stringify(parsed)).not.toContain('top-secret-value');
  });

  it('requires a SpeedSMS sender for brand-name messages only', () => {
    expect(parseAccountConfig(SpeedSmsAccountSchema, { accessToken: 't', smsType: 2 })).toMatchObject({
      ok: true,
      config: { sender: '', baseUrl: 'https://api.speedsms.vn/index.php' },
    });
    expect(parseAccountConfig(SpeedSmsAccountSchema, { accessToken: 't', smsType: 3 })).toMatchObject({
      ok: false,
      issues: [{ field: 'sender' }],
    });
    expect(parseAccountConfig(SpeedSmsAccountSchema, { accessToken: 't', smsType: 1 })).toMatchObject({
      ok: false,
      issues: [{ field: 'smsType' }],
    });
  });

  it('requires a Twilio From or messaging service', () => {
    const base = { accountSid: `AC${'a'.repeat(32)}`, authToken: 't' };
    expect(parseAccountConfig(TwilioAccountSchema, base)).toMatchObject({
      ok: false,
      issues: [{ field: 'from' }],
    });
    expect(parseAccountConfig(TwilioAccountSchema, { ...base, from: 'LOA' })).toMatchObject({
      ok: true,
      config: { baseUrl: 'https://api.twilio.com' },
    });
    expect(
      parseAccountConfig(TwilioAccountSchema, { ...base, messagingServiceSid: `MG${'b'.repeat(32)}` }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      parseAccountConfig(TwilioAccountSchema, { ...base, accountSid: 'nope', from: 'LOA' }),
    ).toMatchObject({
      ok: false,
      issues: [{ field: 'accountSid' }],
    });
  });

  it('turns into JSON Schema for the builder forms, secrets flagged', () => {
    const json = z.toJSONSchema(EsmsAccountSchema, { io: 'input' }) as {
      properties: Record<string, { secret?: boolean; title?: string }>;
    };
    expect(json.properties.secretKey).toMatchObject({ secret: true, title: 'Secret key' });
    expect(json.properties.brandname.secret).toBeUndefined();
  });
});
