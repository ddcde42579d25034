import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { seedAt, VIETNAM_MORNING } from '../testing/fixtures';
import { getJson, postJson } from '../testing/http';
import { WebhookReceiver } from '../testing/webhook-receiver';

const phones = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => `0987${String(from + index).padStart(6, '0')}`);

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
    expect(await code({ SmsType: '1', Phone: phones(30).join(','), Content: '[QC] Uu dai' })).toBe('118');
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

describe('eSMS advertising SendMultipleSMSBrandname (providers.md §5.1)', () => {
  let receiver: WebhookReceiver;
  let sandbox: RunningSandbox;
  const url = () => `${sandbox.urls.esms}/SendMultipleSMSBrandname_json/`;
  const base = () => ({
    ApiKey: sandbox.seed.esms[0].apiKey,
    SecretKey: sandbox.seed.esms[0].secretKey,
    Phone: phones(30).join(','),
    Content: '[QC] Uu dai thang 6',
    Brandname: 'SANDBOX',
    SmsType: '1',
    IsUnicode: '0',
  });
  const code = async (overrides: Record<string, unknown>) =>
    (await postJson(url(), { ...base(), ...overrides })).body['CodeResult'];

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({ seed: seedAt(VIETNAM_MORNING), receiptDelayMs: 5 });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.stop();
  });
  beforeEach(() => sandbox.reset());

  it('accepts 30 numbers as a comma-separated Phone, one inbox entry and one GET callback per recipient', async () => {
    const accepted = await postJson(url(), {
      ...base(),
      RequestId: 'ads-1',
      CallbackUrl: `${receiver.url}/ads-callback`,
    });
    expect(accepted.body).toEqual({ CodeResult: '100', CountRegenerate: 0, SMSID: expect.any(String) });
    const inbox = sandbox.inbox({ channel: 'esms' });
    expect(inbox).toHaveLength(30);
    expect(new Set(inbox.map((message) => message.recipient)).size).toBe(30);
    expect(inbox[0]).toMatchObject({
      providerMessageId: accepted.body['SMSID'],
      correlationId: 'ads-1',
      content: { SmsType: '1', Brandname: 'SANDBOX' },
    });
    const last = '84' + phones(30)[29].slice(1);
    const callback = await receiver.waitFor((call) => call.url.includes(`phonenumber=${last}`));
    expect(callback.method).toBe('GET');
    expect(Object.fromEntries(new URL(callback.url, receiver.url).searchParams)).toMatchObject({
      SMSID: accepted.body['SMSID'],
      SendStatus: '5',
      TypeId: '1',
      TotalReceiver: '30',
      RequestId: 'ads-1',
    });
    expect(await code({ RequestId: 'ads-1' })).toBe('124');
  });

  it('takes the list as an array too (Phone or Phones)', async () => {
    expect(await code({ Phone: phones(30) })).toBe('100');
    expect(await code({ Phone: undefined, Phones: phones(30, 100) })).toBe('100');
    expect(sandbox.inbox({ channel: 'esms' })).toHaveLength(60);
  });

  it('answers 107 below 30 numbers, 120 above 5,000, 118 for other SmsTypes and the common codes', async () => {
    expect(await code({ Phone: phones(29).join(',') })).toBe('107');
    expect(await code({ Phone: phones(5001).join(',') })).toBe('120');
    expect(await code({ Phone: phones(5000).join(','), Sandbox: '1' })).toBe('100');
    expect(await code({ SmsType: '2' })).toBe('118');
    expect(await code({ SmsType: '' })).toBe('300');
    expect(await code({ SecretKey: 'sandbox-wrong' })).toBe('101');
    expect(await code({ Brandname: 'NOT-REGISTERED' })).toBe('104');
    expect(await code({ Phone: [...phones(29), '12345'].join(',') })).toBe('108');
    expect(sandbox.inbox({ channel: 'esms' })).toEqual([]);
  });
});
