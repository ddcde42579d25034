import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { defaultSeed } from '../state/default-seed';
import { getJson } from '../testing/http';

describe('control API: the accounts a customer copies from the providers’ consoles', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    const seed = defaultSeed();
    seed.esms[0]!.apiKey = 'esms-key-of-this-test';
    sandbox = await startSandbox({ seed });
  });
  afterAll(() => sandbox.close());

  it('answers the seeded credentials and base URLs, but no OA token', async () => {
    const answer = await getJson(`${sandbox.urls.control}/accounts`);
    expect(answer.status).toBe(200);
    const [app] = sandbox.seed.zalo;
    expect(answer.body).toEqual({
      urls: sandbox.urls,
      zalo: [
        {
          appId: app!.appId,
          secretKey: app!.secretKey,
          webhookSecret: app!.webhookSecret,
          oas: [{ oaId: app!.oas[0]!.oaId, name: app!.oas[0]!.name }],
        },
      ],
      esms: sandbox.seed.esms.map((account) => ({
        apiKey: account.apiKey,
        secretKey: account.secretKey,
        brandnames: account.brandnames,
      })),
      smtp: sandbox.seed.smtp.map((user) => ({ user: user.user, pass: user.pass })),
    });
    expect((answer.body as { esms: Array<{ apiKey: string }> }).esms[0]!.apiKey).toBe(
      'esms-key-of-this-test',
    );
    expect(JSON.stringify(answer.body)).not.toContain(app!.oas[0]!.accessToken);
  });
});
