import { TWILIO_ERRORS, twilioFailure } from './twilio.errors';

describe('Twilio error codes', () => {
  it.each([
    ['20003', 401, 'permanent', { scope: 'account' }],
    ['20429', 429, 'retryable', {}],
    ['21211', 400, 'permanent', { scope: 'recipient' }],
    ['21608', 400, 'permanent', { scope: 'account' }],
    ['21610', 400, 'permanent', { scope: 'recipient' }],
    ['21612', 400, 'permanent', { scope: 'recipient', fallbackSuggested: true }],
    ['21614', 400, 'permanent', { scope: 'recipient', fallbackSuggested: true }],
    ['30003', 400, 'permanent', { scope: 'recipient', fallbackSuggested: true }],
    ['30006', 400, 'permanent', { scope: 'recipient', fallbackSuggested: true }],
    ['20500', 500, 'retryable', {}],
    ['http_503', 503, 'retryable', {}],
    ['20404', 404, 'permanent', { scope: 'message' }],
    ['20005', 403, 'permanent', { scope: 'account' }],
  ])('%s (HTTP %i) → %s %j', (code, httpStatus, failureClass, extra) => {
    expect(twilioFailure({ code, httpStatus, correlationId: 'k', now: 0 })).toMatchObject({
      class: failureClass,
      code,
      ...extra,
    });
  });

  it('does not suggest another channel to someone who replied STOP', () => {
    expect(twilioFailure({ code: '21610', httpStatus: 400, correlationId: 'k', now: 0 })).not.toHaveProperty(
      'fallbackSuggested',
    );
  });

  it('lists every code providers.md §5.3 names', () => {
    expect(Object.keys(TWILIO_ERRORS).sort()).toEqual(
      ['20003', '20429', '21211', '21608', '21610', '21612', '21614', '30003', '30006'].sort(),
    );
  });
});
