import { rateLimitedFailure, SPEEDSMS_ERRORS, speedSmsFailure } from './speedsms.errors';

describe('SpeedSMS error codes', () => {
  it.each([
    ['007', 'permanent', 'account'],
    ['008', 'permanent', 'account'],
    ['009', 'permanent', 'account'],
    ['101', 'permanent', 'message'],
    ['105', 'permanent', 'recipient'],
    ['110', 'permanent', 'message'],
    ['113', 'permanent', 'message'],
    ['300', 'permanent', 'account'],
    ['500', 'retryable', undefined],
    ['042', 'permanent', 'message'],
  ])('%s → %s %s', (code, failureClass, scope) => {
    const failure = speedSmsFailure({ code, correlationId: 'k', now: 0 });
    expect(failure).toMatchObject({
      status: 'failed',
      class: failureClass,
      code,
      correlationId: 'k',
    });
    if (scope) expect(failure).toMatchObject({ scope });
  });

  it('lists every code providers.md §5.2 names', () => {
    expect(Object.keys(SPEEDSMS_ERRORS).sort()).toEqual(
      ['007', '008', '009', '101', '105', '110', '113', '300', '500'].sort(),
    );
  });

  it('reads X-Rate-Limit-Reset (seconds) into retryAfterMs', () => {
    expect(rateLimitedFailure({ resetHeader: '42', correlationId: 'k', now: 0 })).toMatchObject({
      class: 'retryable',
      code: 'http_429',
      retryAfterMs: 42_000,
    });
    expect(rateLimitedFailure({ resetHeader: undefined, correlationId: 'k', now: 0 })).not.toHaveProperty(
      'retryAfterMs',
    );
    expect(rateLimitedFailure({ resetHeader: 'soon', correlationId: 'k', now: 0 })).not.toHaveProperty(
      'retryAfterMs',
    );
  });
});
