import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { seedAt, VIETNAM_MORNING } from '../testing/fixtures';
import { getJson, postJson } from '../testing/http';
import { WebhookReceiver } from '../testing/webhook-receiver';

describe('eSMS SendMultipleMessage_V4 (providers.md §5.1)', () => {
  let receiver: WebhookReceiver;
  let sandbox: RunningSandbox;
  const url = () => `${sandbox.urls.esms}/SendMultipleMessage_V4_post_json/`;
  const base = () => ({
    ApiKey: sandbox.seed.esms[0].apiKey,
    SecretKey: sandbox.seed.esms[0].secretKey,
    Phone: '0987654321',
    Content: 'Ma xac thuc cua ban la 123456',
    Brandname: 'SANDBOX',
    SmsType: '2',
    IsUnicode: '0',
  });

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({ seed: seedAt(VIETNAM_MORNING), receiptDelayMs: 5 });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.stop();
  });
  beforeEach(() => sandbox.reset());

  it('accepts with CodeResult "100", dedupes RequestId (124) and calls the CallbackUrl with GET', async () => {
    const first = await postJson(url(), {
      ...base(),
      RequestId: 'loa-req-1',
      CallbackUrl: `${receiver.url}/esms-callback`,
    });
    expect(first.body).toEqual({ CodeResult: '100', CountRegenerate: 0, SMSID: expect.any(String) });
    const duplicate = await postJson(url(), { ...base(), RequestId: 'loa-req-1' });
    expect(duplicate.body).toMatchObject({ CodeResult: '124' });
    const callback = await receiver.waitFor((call) => call.url.startsWith('/esms-callback'));
    expect(callback.method).toBe('GET');
    const params = new URL(callback.url, receiver.url).searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      SMSID: first.body['SMSID'],
      SendStatus: '5',
      RequestId: 'loa-req-1',
      TypeId: '2',
      telcoid: '1',
      phonenumber: '84987654321',
    });
    expect(sandbox.inbox({ channel: 'esms', recipient: '84987654321' })).toEqual([
      expect.objectContaining({ correlationId: 'loa-req-1' }),
    ]);
  });

  it('answers the documented codes as strings', async () => {
    const code = async (overrides: Record<string, unknown>) =>
      (await postJson(url(), { ...base(), ...overrides })).body['CodeResult'];
    expect(await code({ SecretKey: 'sandbox-wrong' })).toBe('101');
    expect(await code({ Brandname: 'NOT-REGISTERED' })).toBe('104');
    expect(await code({ Phone: '12345' })).toBe('108');
    expect(await code({ SmsType: '7' })).toBe('118');
    expect(await code({ SmsType: '1' })).toBe('107');
    const thirty = Array.from({ length: 30 }, (_, index) => `09876543${String(index).padStart(2, '0')}`).join(
      ',',
    );
    expect(await code({ SmsType: '1', Phone: thirty, Content: '[QC] Uu dai' })).toBe('100');
    expect(await code({ Content: 'x'.repeat(160 * 2000) })).toBe('103');
  });

  it('Sandbox=1 validates and answers 100 but delivers and charges nothing', async () => {
    expect((await postJson(url(), { ...base(), Sandbox: '1', RequestId: 'dry-1' })).body['CodeResult']).toBe(
      '100',
    );
    expect((await postJson(url(), { ...base(), Sandbox: '1', SecretKey: 'bad' })).body['CodeResult']).toBe(
      '101',
    );
    expect(sandbox.inbox({ channel: 'esms' })).toEqual([]);
    expect((await postJson(url(), { ...base(), RequestId: 'dry-1' })).body['CodeResult']).toBe('100');
  });

  it('serves the GET variant with the same rules', async () => {
    const query = new URLSearchParams({ ...base(), RequestId: 'get-1' }).toString();
    const get = () => getJson(`${sandbox.urls.esms}/SendMultipleMessage_V4_get?${query}`);
    expect((await get()).body['CodeResult']).toBe('100');
    expect((await get()).body['CodeResult']).toBe('124');
  });
});
