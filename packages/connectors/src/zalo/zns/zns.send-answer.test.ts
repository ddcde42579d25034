import { readZnsSendAnswer, znsSendOutcome } from './zns.send-answer';

const now = Date.parse('2026-03-10T05:00:00Z');
const correlationId = 'order_1';

/** What the ZNS connector makes of Zalo's HTTP answer to a send. */
const outcomeOf = (body: unknown, status = 200) =>
  znsSendOutcome({
    result: readZnsSendAnswer({ status, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    correlationId,
    priceVnd: 300,
    now,
  });

describe('ZNS send answers', () => {
  it('reads the documented success answer', () => {
    expect(
      outcomeOf({
        error: 0,
        message: 'Success',
        data: {
          msg_id: 'a4d0243feee163bd3af2',
          sent_time: '1626926349402',
          sending_mode: '1',
          quota: { dailyQuota: '500', remainingQuota: '499' },
        },
      }),
    ).toEqual({
      status: 'sent',
      providerMessageId: 'a4d0243feee163bd3af2',
      correlationId,
      quotaRemaining: 499,
      costVnd: 300,
      acceptedAt: new Date(1626926349402).toISOString(),
    });
  });

  it.each([
    ['a numeric sending_mode and an unknown field', { sending_mode: 1, delivery_channel: { zalo: true } }],
    ['a quota that is not a number', { quota: { dailyQuota: 'unlimited', remainingQuota: '499' } }],
    ['null sent_time and quota', { sent_time: null, quota: null, sending_mode: null }],
    ['a quota of another shape', { quota: ['499'] }],
  ])('error 0 with %s is a success, never a retry', (_, extra) => {
    const outcome = outcomeOf({
      error: 0,
      message: 'Success',
      data: { msg_id: 'm1', sent_time: '1626926349402', ...extra },
    });
    expect(outcome).toMatchObject({ status: 'sent', providerMessageId: 'm1', correlationId });
  });

  it('error 0 without a readable msg_id is a success recorded without the provider id', () => {
    for (const data of [null, {}, { msg_id: null }, { msg_id: '' }, 'ok']) {
      const outcome = outcomeOf({ error: 0, message: 'Success', data });
      expect(outcome).toEqual({
        status: 'sent',
        correlationId,
        costVnd: 300,
        acceptedAt: new Date(now).toISOString(),
      });
    }
  });

  it('error "0" (a string) is a success too', () => {
    expect(outcomeOf({ error: '0', data: { msg_id: 'm1' } })).toMatchObject({
      status: 'sent',
      providerMessageId: 'm1',
    });
  });

  it('a sent_time out of any date range falls back to the time of the answer', () => {
    const outcome = outcomeOf({ error: 0, data: { msg_id: 'm1', sent_time: '9'.repeat(30) } });
    expect(outcome).toMatchObject({ status: 'sent', acceptedAt: new Date(now).toISOString() });
  });

  it('an answer whose success indicator cannot be read leaves the outcome unknown, not retried', () => {
    for (const body of [
      '<html>maintenance</html>',
      '[]',
      JSON.stringify({ data: { msg_id: 'm1' } }),
      JSON.stringify({ error: 'none' }),
    ]) {
      expect(outcomeOf(body)).toMatchObject({
        status: 'failed',
        class: 'outcome_unknown',
        code: 'loa_unreadable_answer',
        correlationId,
      });
    }
  });

  it('still classifies Zalo error codes and HTTP failures', () => {
    expect(outcomeOf({ error: -118, message: 'User not found' })).toMatchObject({
      class: 'permanent',
      scope: 'recipient',
      code: '-118',
    });
    expect(outcomeOf('Bad gateway', 502)).toMatchObject({ class: 'retryable', code: 'http_502' });
  });
});
