import { speedSmsSendOutcomes } from './speedsms.send-answer';

const now = new Date('2026-03-10T05:00:00Z');

/** What the SpeedSMS connector makes of SpeedSMS's HTTP answer to a request for these numbers. */
const outcomesOf = (body: unknown, { status = 200, phones = ['84912345001'] } = {}) =>
  speedSmsSendOutcomes({
    response: { status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) },
    phones,
    correlationIds: phones.map((phone) => `key_${phone}`),
    segments: 1,
    now,
  });

describe('SpeedSMS send answers', () => {
  it('reads the documented success answer', () => {
    expect(
      outcomesOf({
        status: 'success',
        code: '00',
        data: { tranId: 123, totalSMS: 1, totalPrice: 600, invalidPhone: [] },
      }),
    ).toEqual([
      {
        status: 'sent',
        providerMessageId: '123',
        correlationId: 'key_84912345001',
        segments: 1,
        costVnd: 600,
        acceptedAt: now.toISOString(),
      },
    ]);
  });

  it.each([
    ['no data', { status: 'success', code: '00' }],
    ['null data', { status: 'success', code: '00', data: null }],
    [
      'an invalidPhone that is not a list',
      { status: 'success', code: '00', data: { tranId: 1, invalidPhone: 0 } },
    ],
    [
      'numbers as text and unknown fields',
      { status: 'success', code: 0, data: { tranId: '1', totalPrice: '600', promo: {} } },
    ],
  ])('status "success" with %s is a success, never a retry or a throw', (_, body) => {
    expect(outcomesOf(body)).toEqual([
      expect.objectContaining({ status: 'sent', correlationId: 'key_84912345001' }),
    ]);
  });

  it('status "success" without a readable tranId is a success recorded without the provider id', () => {
    expect(outcomesOf({ status: 'success', data: { tranId: null } })).toEqual([
      { status: 'sent', correlationId: 'key_84912345001', segments: 1, acceptedAt: now.toISOString() },
    ]);
  });

  it('status "success" wins over an unexpected HTTP status', () => {
    expect(outcomesOf({ status: 'success', data: { tranId: 9 } }, { status: 500 })).toEqual([
      expect.objectContaining({ status: 'sent', providerMessageId: '9' }),
    ]);
  });

  it('a number listed as invalid in a success answer failed; the others were sent', () => {
    const outcomes = outcomesOf(
      { status: 'success', data: { tranId: 9, invalidPhone: ['84912345002'] } },
      { phones: ['84912345001', '84912345002'] },
    );
    expect(outcomes).toEqual([
      expect.objectContaining({ status: 'sent', providerMessageId: '9' }),
      expect.objectContaining({ status: 'failed', class: 'permanent', code: '105' }),
    ]);
  });

  it('a 200 answer whose status cannot be read leaves the outcome unknown: SpeedSMS cannot recognise a resend', () => {
    for (const body of ['<html></html>', '{}', JSON.stringify({ status: 'ok', data: { tranId: 1 } })]) {
      expect(outcomesOf(body)).toEqual([
        expect.objectContaining({
          status: 'failed',
          class: 'outcome_unknown',
          code: 'loa_unreadable_answer',
        }),
      ]);
    }
  });

  it('still classifies SpeedSMS errors, rate limits and HTTP failures', () => {
    expect(outcomesOf({ status: 'error', code: '300', message: 'Balance not enough' })).toEqual([
      expect.objectContaining({ class: 'permanent', scope: 'account', code: '300' }),
    ]);
    expect(outcomesOf({ status: 'error', code: 300, message: null, invalidPhone: 'none' })).toEqual([
      expect.objectContaining({ class: 'permanent', scope: 'account', code: '300' }),
    ]);
    expect(outcomesOf('', { status: 429 })).toEqual([
      expect.objectContaining({ class: 'retryable', code: 'http_429' }),
    ]);
    expect(outcomesOf('Bad gateway', { status: 502 })).toEqual([
      expect.objectContaining({ class: 'retryable', code: 'http_502' }),
    ]);
  });
});
