import { startZaloSandbox, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { ZaloOaClient } from './oa.client';

describe("the OA's profile against the provider sandbox", () => {
  let fx: ZaloSandboxFixture;

  beforeAll(async () => {
    fx = await startZaloSandbox();
  });
  afterAll(() => fx.close());

  it('reads the OA id and name with its token; a bad token is a provider failure', async () => {
    const client = new ZaloOaClient(fx.http);
    const profile = await client.profile({ account: fx.account, accessToken: fx.seededAccessToken });
    expect(profile).toMatchObject({
      ok: true,
      data: { oa_id: fx.account.oaId, name: fx.sandbox.seed.zalo[0].oas[0].name },
    });
    const refused = await client.profile({ account: fx.account, accessToken: 'not-a-token' });
    expect(refused).toMatchObject({ ok: false, kind: 'provider', code: -216 });
  });
});
