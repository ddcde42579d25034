import { oaSendOutcome, readOaSendAnswer } from './oa.send-answer';

const now = Date.parse('2026-03-10T05:00:00Z');
const correlationId = 'oa_1';

/** What the OA connector makes of Zalo's HTTP answer to a message send. */
const outcomeOf = (body: unknown, status = 200) =>
  oaSendOutcome({
    result: readOaSendAnswer({ status, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    correlationId,
    now,
  });

describe('OA send answers', () => {
  it('reads the documented success answer', () => {
    expect(
      outcomeOf({
        error: 0,
        message: 'Success',
        data: {
          message_id: 'b1',
          user_id: '5000000000000000001',
          sent_time: '1626926349402',
          quota: { quota_type: 'reply', remain: '7', total: '8' },
        },
      }),
    ).toEqual({
      status: 'sent',
      providerMessageId: 'b1',
      correlationId,
      quotaRemaining: 7,
      acceptedAt: new Date(1626926349402).toISOString(),
    });
  });

  it.each([
    ['a null user_id and sent_time', { user_id: null, sent_time: null }],
    ['a quota with unexpected values', { quota: { quota_type: 1, remain: 'unlimited', total: null } }],
    ['a quota that is a string', { quota: 'purchase_quota' }],
    ['unknown fields', { sending_mode: 2, promotion_info: { campaign: null } }],
  ])('error 0 with %s is a success, never a retry', (_, extra) => {
    expect(outcomeOf({ error: 0, message: 'Success', data: { message_id: 'b1', ...extra } })).toMatchObject({
      status: 'sent',
      providerMessageId: 'b1',
      correlationId,
    });
  });

  it('error 0 without a readable message_id is a success recorded without the provider id', () => {
    for (const data of [undefined, null, { message_id: null }, { message_id: {} }]) {
      expect(outcomeOf({ error: 0, message: 'Success', data })).toEqual({
        status: 'sent',
        correlationId,
        acceptedAt: new Date(now).toISOString(),
      });
    }
  });

  it('an answer whose success indicator cannot be read leaves the outcome unknown, not retried', () => {
    for (const body of [
      '',
      'null',
      JSON.stringify({ message: 'Success' }),
      JSON.stringify({ error: true }),
    ]) {
      expect(outcomeOf(body)).toMatchObject({ class: 'outcome_unknown', code: 'loa_unreadable_answer' });
    }
  });

  it('still classifies Zalo error codes', () => {
    expect(outcomeOf({ error: -230, message: 'User has not interacted' })).toMatchObject({
      class: 'permanent',
      scope: 'recipient',
      code: '-230',
    });
  });
});
