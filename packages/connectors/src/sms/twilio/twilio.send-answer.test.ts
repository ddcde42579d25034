import { twilioSendOutcome } from './twilio.send-answer';

const now = new Date('2026-03-10T05:00:00Z');
const correlationId = 'key_1';

/** What the Twilio connector makes of Twilio's HTTP answer to a Messages.json request. */
const outcomeOf = (body: unknown, status = 201, headers: Record<string, string> = {}) =>
  twilioSendOutcome({
    response: { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
    correlationId,
    segments: 1,
    now,
  });

/** A message resource as Twilio answers it, with the fields Loa does not read. */
const resource = {
  account_sid: 'ACxxxxxxxx',
  api_version: '2010-04-01',
  body: 'Xin chao',
  date_created: 'Tue, 10 Mar 2026 05:00:00 +0000',
  direction: 'outbound-api',
  error_code: null,
  error_message: null,
  from: '+15005550006',
  messaging_service_sid: null,
  num_media: '0',
  num_segments: '1',
  price: null,
  price_unit: 'USD',
  sid: 'SM0123456789abcdef0123456789abcdef',
  status: 'queued',
  subresource_uris: { media: '/2010-04-01/Accounts/ACxxxxxxxx/Messages/SM0123/Media.json' },
  to: '+84912345001',
  uri: '/2010-04-01/Accounts/ACxxxxxxxx/Messages/SM0123.json',
};

describe('Twilio send answers', () => {
  it('reads the message resource Twilio creates', () => {
    expect(outcomeOf({ ...resource, num_segments: '2', price: '-0.0075' })).toEqual({
      status: 'sent',
      providerMessageId: resource.sid,
      correlationId,
      segments: 2,
      cost: { amount: 0.0075, currency: 'USD' },
      acceptedAt: now.toISOString(),
    });
  });

  it.each([
    ['a price unit that is not text', { price: '-0.0075', price_unit: 840 }],
    ['segments and price of other types', { num_segments: null, price: { amount: 1 } }],
    ['a new status value and unknown fields', { status: 'scheduled', tags: ['a'], risk: { score: 1 } }],
  ])('a 2xx message resource with %s is a success, never a throw', (_, extra) => {
    expect(outcomeOf({ ...resource, ...extra })).toMatchObject({
      status: 'sent',
      providerMessageId: resource.sid,
      segments: 1,
    });
  });

  it('a 2xx message resource without a readable sid is a success recorded without the provider id', () => {
    for (const sid of [undefined, null, '', 42]) {
      expect(outcomeOf({ ...resource, sid }, 200)).toEqual({
        status: 'sent',
        correlationId,
        segments: 1,
        acceptedAt: now.toISOString(),
      });
    }
  });

  it('a 2xx answer that is not a message resource leaves the outcome unknown', () => {
    for (const body of ['<html>captive portal</html>', '', '[]']) {
      expect(outcomeOf(body, 200)).toMatchObject({
        status: 'failed',
        class: 'outcome_unknown',
        code: 'loa_unreadable_answer',
      });
    }
  });

  it('still classifies Twilio errors', () => {
    expect(
      outcomeOf({ code: 21211, message: "The 'To' number is not valid.", status: 400 }, 400),
    ).toMatchObject({
      class: 'permanent',
      scope: 'recipient',
      code: '21211',
    });
    expect(
      outcomeOf({ code: 20429, message: 'Too Many Requests' }, 429, { 'retry-after': '3' }),
    ).toMatchObject({
      class: 'retryable',
      retryAfterMs: 3000,
    });
    expect(outcomeOf('Service Unavailable', 503)).toMatchObject({ class: 'retryable', code: 'http_503' });
  });
});
