import { z } from 'zod';
import { CHANNEL_KIND_SPECS } from './channel-kinds';
import { mergeSecrets, secretPaths, splitSecrets } from './secret-fields';

describe('secret fields of account schemas', () => {
  it('finds the fields each connector marks secret, nested ones included', () => {
    expect(CHANNEL_KIND_SPECS.zalo_oa.secretPaths).toEqual(['appSecret', 'webhookSecret']);
    expect(CHANNEL_KIND_SPECS.esms.secretPaths).toEqual(['apiKey', 'secretKey']);
    expect(CHANNEL_KIND_SPECS.speedsms.secretPaths).toEqual(['accessToken']);
    expect(CHANNEL_KIND_SPECS.twilio.secretPaths).toEqual(['authToken']);
    expect(CHANNEL_KIND_SPECS.smtp.secretPaths).toEqual(['auth.pass']);
  });

  it('sees a secret mark under optional, default and pipe wrappers', () => {
    const schema = z.object({
      a: z.string().meta({ secret: true }).optional(),
      b: z.string().default('x').meta({ secret: true }),
      c: z.object({ d: z.string().meta({ secret: true }) }).optional(),
      e: z.string(),
    });
    expect(secretPaths(schema)).toEqual(['a', 'b', 'c.d']);
  });

  it('splits secrets out of a configuration and puts them back', () => {
    const config = { host: 'smtp.example.test', auth: { user: 'u', pass: 'p4ss' } };
    const { shown, secrets } = splitSecrets(config, ['auth.pass', 'missing.path']);
    expect(shown).toEqual({ host: 'smtp.example.test', auth: { user: 'u' } });
    expect(secrets).toEqual({ 'auth.pass': 'p4ss' });
    expect(config.auth.pass).toBe('p4ss');
    expect(mergeSecrets(shown, secrets)).toEqual(config);
  });

  it('drops the secrets of a group the configuration leaves out', () => {
    expect(mergeSecrets({ host: 'h' }, { 'auth.pass': 'p' })).toEqual({ host: 'h' });
  });

  it('keeps a secret given anew over the stored one', () => {
    expect(mergeSecrets({ apiKey: 'new' }, { apiKey: 'old', secretKey: 's' })).toEqual({
      apiKey: 'new',
      secretKey: 's',
    });
  });
});
