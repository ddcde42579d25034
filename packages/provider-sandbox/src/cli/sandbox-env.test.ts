import { readSandboxEnv } from './sandbox-env';

describe('readSandboxEnv', () => {
  it('defaults to the documented fixed ports', () => {
    expect(readSandboxEnv({})).toEqual({
      host: '127.0.0.1',
      port: 4010,
      smtpPort: 2525,
      webhookUrl: undefined,
      zaloRedirectUri: undefined,
    });
  });

  it('accepts 0 for either port (pick a free one) and refuses non-ports', () => {
    expect(readSandboxEnv({ LOA_SANDBOX_PORT: '0', LOA_SANDBOX_SMTP_PORT: '0' })).toMatchObject({
      port: 0,
      smtpPort: 0,
    });
    expect(() => readSandboxEnv({ LOA_SANDBOX_PORT: '-1' })).toThrow(
      'LOA_SANDBOX_PORT must be a port number',
    );
    expect(() => readSandboxEnv({ LOA_SANDBOX_SMTP_PORT: '65536' })).toThrow(
      'LOA_SANDBOX_SMTP_PORT must be a port number',
    );
  });

  it('reads where signed Zalo events go and where Zalo consent redirects', () => {
    expect(
      readSandboxEnv({
        LOA_SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:3000/webhooks/zalo/1',
        LOA_SANDBOX_ZALO_REDIRECT_URI: 'http://127.0.0.1:3100/channel-accounts/zalo/callback',
      }),
    ).toMatchObject({
      webhookUrl: 'http://127.0.0.1:3000/webhooks/zalo/1',
      zaloRedirectUri: 'http://127.0.0.1:3100/channel-accounts/zalo/callback',
    });
  });
});
