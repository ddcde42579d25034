import { parseTwilioStatusCallback } from './twilio.callback';

describe('parseTwilioStatusCallback', () => {
  it('reads an undelivered message with its error code', () => {
    const body = new URLSearchParams({
      MessageSid: 'SM0123456789abcdef0123456789abcdef',
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
      AccountSid: 'AC0123456789abcdef0123456789abcdef',
      To: '+84912345678',
      From: 'LOA',
    });
    expect(parseTwilioStatusCallback(body)).toEqual({
      ok: true,
      report: {
        messageSid: 'SM0123456789abcdef0123456789abcdef',
        statusValue: 'undelivered',
        status: 'undelivered',
        outcome: 'failed',
        errorCode: '30003',
        accountSid: 'AC0123456789abcdef0123456789abcdef',
        to: '+84912345678',
        from: 'LOA',
      },
    });
  });

  it.each([
    ['queued', 'pending'],
    ['sending', 'pending'],
    ['sent', 'pending'],
    ['delivered', 'delivered'],
    ['undelivered', 'failed'],
    ['failed', 'failed'],
    ['read', 'pending'],
  ])('%s → %s', (status, outcome) => {
    expect(parseTwilioStatusCallback({ MessageSid: 'SM1', MessageStatus: status })).toMatchObject({
      ok: true,
      report: { outcome },
    });
  });

  it('rejects a body without MessageSid or MessageStatus', () => {
    expect(parseTwilioStatusCallback({ MessageStatus: 'sent' })).toMatchObject({ ok: false });
    expect(parseTwilioStatusCallback({ MessageSid: 'SM1' })).toMatchObject({ ok: false });
  });
});
