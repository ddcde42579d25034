import type { ZnsTemplate } from './channel-queries';
import { testMessageBody, testMessageSchema, type TestMessageValues } from './test-message-schema';

const template: ZnsTemplate = {
  accountId: '6f1c1a4e-0a8e-4d8f-9a51-0e6c1d7f3b21',
  templateId: '300001',
  name: 'Xác nhận đơn hàng',
  status: 'ENABLE',
  quality: 'HIGH',
  tag: 'TRANSACTION',
  price: 300,
  params: [
    { name: 'order_code', type: 'STRING', require: true, maxLength: 5, minLength: 0, acceptNull: false },
    { name: 'note', type: 'STRING', require: false, maxLength: 20, minLength: 0, acceptNull: true },
  ],
  detail: {},
  syncedAt: '2026-12-01T00:00:00.000Z',
};

const values = (overrides: Partial<TestMessageValues> = {}): TestMessageValues => ({
  to: '0901234567',
  text: '',
  subject: '',
  templateId: '300001',
  templateData: { order_code: 'A1', note: '' },
  ...overrides,
});

const messagesOf = (result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the test message form', () => {
  it('a ZNS test needs a template and its required params within their maximum length', () => {
    expect(testMessageSchema('zns', template).safeParse(values()).success).toBe(true);
    expect(
      messagesOf(
        testMessageSchema('zns', template).safeParse(
          values({ templateData: { order_code: '', note: 'x'.repeat(21) } }),
        ),
      ),
    ).toEqual({ 'templateData.order_code': 'errors.required', 'templateData.note': 'errors.tooLong' });
    expect(messagesOf(testMessageSchema('zns', undefined).safeParse(values({ templateId: '' })))).toEqual({
      templateId: 'errors.required',
    });
  });

  it('checks the recipient for the channel: a phone for SMS and ZNS, an address for e-mail', () => {
    expect(messagesOf(testMessageSchema('sms', undefined).safeParse(values({ to: 'hello' })))).toEqual({
      to: 'errors.phone',
    });
    expect(messagesOf(testMessageSchema('email', undefined).safeParse(values()))).toEqual({
      to: 'errors.email',
    });
    expect(testMessageSchema('email', undefined).safeParse(values({ to: 'lan@example.com' })).success).toBe(
      true,
    );
  });

  it('sends only what was filled in', () => {
    expect(testMessageBody('zns', values({ to: ' 0901234567 ' }), template)).toEqual({
      channel: 'zns',
      to: '0901234567',
      templateId: '300001',
      templateData: { order_code: 'A1' },
    });
    expect(testMessageBody('sms', values({ text: ' ' }), undefined)).toEqual({
      channel: 'sms',
      to: '0901234567',
    });
    expect(
      testMessageBody('email', values({ to: 'a@b.vn', subject: 'Hi', text: 'Hello' }), undefined),
    ).toEqual({
      channel: 'email',
      to: 'a@b.vn',
      subject: 'Hi',
      text: 'Hello',
    });
  });
});
