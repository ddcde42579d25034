import { esmsSendOutcome } from './esms.send-answer';

const now = new Date('2026-03-10T05:00:00Z');
const correlationId = 'req_1';

/** What the eSMS connector makes of eSMS's HTTP answer to a send. */
const outcomeOf = (body: unknown, status = 200) =>
  esmsSendOutcome({
    response: { status, body: typeof body === 'string' ? body : JSON.stringify(body) },
    correlationId,
    segments: 1,
    now,
  });

describe('eSMS send answers', () => {
  it('reads the documented success answer', () => {
    expect(outcomeOf({ CodeResult: '100', CountRegenerate: 0, SMSID: 'a1b2' })).toEqual({
      status: 'sent',
      providerMessageId: 'a1b2',
      correlationId,
      segments: 1,
      acceptedAt: now.toISOString(),
    });
  });

  it.each([
    ['a numeric CodeResult and SMSID', { CodeResult: 100, SMSID: 98765 }],
    ['unknown fields', { CodeResult: '100', SMSID: 'a1b2', ErrorMessage: null, Extra: { a: [1] } }],
    ['a padded CodeResult', { CodeResult: ' 100 ', SMSID: 'a1b2' }],
  ])('CodeResult 100 with %s is a success', (_, body) => {
    expect(outcomeOf(body)).toMatchObject({ status: 'sent', correlationId });
  });

  it('CodeResult 100 is a success whatever the HTTP status it came with', () => {
    expect(outcomeOf({ CodeResult: '100', SMSID: 'a1b2' }, 502)).toMatchObject({
      status: 'sent',
      providerMessageId: 'a1b2',
    });
  });

  it('CodeResult 100 without a readable SMSID is a success recorded without the provider id', () => {
    for (const SMSID of [undefined, null, '', { id: 1 }]) {
      expect(outcomeOf({ CodeResult: '100', SMSID })).toEqual({
        status: 'sent',
        correlationId,
        segments: 1,
        acceptedAt: now.toISOString(),
      });
    }
  });

  it('a 200 answer without a readable CodeResult is retried: the RequestId makes eSMS recognise a resend (124)', () => {
    for (const body of [
      '<html></html>',
      '{}',
      JSON.stringify({ CodeResult: null }),
      JSON.stringify({ CodeResult: {} }),
    ]) {
      expect(outcomeOf(body)).toMatchObject({
        status: 'failed',
        class: 'retryable',
        code: 'loa_unreadable_answer',
      });
    }
  });

  it('still classifies eSMS codes and HTTP failures', () => {
    expect(outcomeOf({ CodeResult: '124' })).toMatchObject({ status: 'sent', deduplicated: true });
    expect(outcomeOf({ CodeResult: '103', ErrorMessage: 'Balance not enough' })).toMatchObject({
      class: 'permanent',
      scope: 'account',
      code: '103',
      providerMessage: 'Balance not enough',
    });
    expect(outcomeOf('Service Unavailable', 503)).toMatchObject({ class: 'retryable', code: 'http_503' });
  });
});
