import { z } from 'zod';
import { parseZaloOaAccount, ZALO_ORIGINS, zaloOaAccountSchema } from './zalo-account.schema';

const valid = { appId: '123', appSecret: 's3cr3t-app', oaId: '456', webhookSecret: 'w3bh00k' };

describe('Zalo OA account schema', () => {
  it('fills defaults: app_id first term, production mode, real origins', () => {
    const parsed = parseZaloOaAccount(valid);
    expect(parsed).toEqual({
      ok: true,
      config: {
        ...valid,
        webhookSignatureFirstTerm: 'app_id',
        webhookSignatureMacPrefix: 'optional',
        znsMode: 'production',
        baseUrls: { ...ZALO_ORIGINS },
      },
    });
  });

  it('takes sandbox base URLs and drops a trailing slash', () => {
    const parsed = parseZaloOaAccount({ ...valid, baseUrls: { zns: 'http://127.0.0.1:4010/zns/' } });
    expect(parsed.ok && parsed.config.baseUrls).toEqual({
      ...ZALO_ORIGINS,
      zns: 'http://127.0.0.1:4010/zns',
    });
  });

  it('names the field of each problem and never echoes a secret', () => {
    const parsed = parseZaloOaAccount({
      ...valid,
      appSecret: '',
      znsMode: 'staging',
      baseUrls: { oa: 'not a url' },
    });
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    expect(issues.map((issue) => issue.field).sort()).toEqual(['appSecret', 'baseUrls.oa', 'znsMode']);
    expect(issues.every((issue) => issue.message.startsWith(`${issue.field}:`))).toBe(true);
    const missing = parseZaloOaAccount({ appId: '1' });
    expect(missing.ok ? [] : missing.issues.map((issue) => issue.field).sort()).toEqual([
      'appSecret',
      'oaId',
      'webhookSecret',
    ]);
    const leaky = parseZaloOaAccount({ ...valid, appSecret: 12345678 });
    expect(JSON.stringify(leaky)).not.toContain('12345678');
  });

  it('marks secret fields and titles every field in its metadata', () => {
    const schema = z.toJSONSchema(zaloOaAccountSchema, { io: 'input' }) as {
      properties: Record<string, { title?: string; description?: string; secret?: boolean }>;
    };
    const secrets = Object.entries(schema.properties)
      .filter(([, field]) => field.secret)
      .map(([name]) => name);
    expect(secrets.sort()).toEqual(['appSecret', 'webhookSecret']);
    for (const [name, field] of Object.entries(schema.properties)) {
      expect({ name, titled: Boolean(field.title && field.description) }).toEqual({ name, titled: true });
    }
  });
});
