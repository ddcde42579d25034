import { startSandbox, type RunningSandbox } from '@loa/provider-sandbox';
import { SmtpAccountSchema } from './smtp.config';
import { SmtpTransportCache } from './smtp-transport-cache';

describe('SMTP verify (test connection) against the provider sandbox', () => {
  let sandbox: RunningSandbox;
  const transports = new SmtpTransportCache();

  beforeAll(async () => {
    sandbox = await startSandbox();
  });

  afterAll(async () => {
    transports.close();
    await sandbox.close();
  });

  const account = (pass: string) => {
    const smtp = new URL(sandbox.urls.smtp);
    return SmtpAccountSchema.parse({
      host: smtp.hostname,
      port: Number(smtp.port),
      secure: false,
      verifyTlsCertificate: false,
      auth: { user: sandbox.seed.smtp[0].user, pass },
      from: 'Shop Hoa <news@shophoa.vn>',
      messageIdDomain: 'mail.shophoa.vn',
      unsubscribe: { urlTemplate: 'https://loa.example/u/{token}', mailto: 'unsubscribe@shophoa.vn' },
    });
  };

  it('logs in and sends nothing; a wrong password is refused with 535', async () => {
    await expect(transports.verify(account(sandbox.seed.smtp[0].pass))).resolves.toBeUndefined();
    await expect(transports.verify(account('wrong-password'))).rejects.toMatchObject({ responseCode: 535 });
    expect(sandbox.inbox({ channel: 'smtp' })).toEqual([]);
  });
});
