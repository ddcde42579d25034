import { httpStatusFailure, networkFailure } from './transport-failure';

describe('transport failures', () => {
  it.each([
    [503, { class: 'retryable', code: 'http_503' }],
    [429, { class: 'retryable', code: 'http_429' }],
    [401, { class: 'permanent', scope: 'account', code: 'http_401' }],
    [403, { class: 'permanent', scope: 'account', code: 'http_403' }],
    [404, { class: 'permanent', scope: 'message', code: 'http_404' }],
  ])('classifies HTTP %i without a provider envelope', (status, expected) => {
    expect(httpStatusFailure({ service: 'Zalo', status, correlationId: 'c1' })).toMatchObject({
      status: 'failed',
      correlationId: 'c1',
      ...expected,
    });
  });

  it('keeps the provider wait and a clipped body', () => {
    const failure = httpStatusFailure({
      service: 'The SMS gateway',
      status: 429,
      body: 'x'.repeat(500),
      retryAfterMs: 60_000,
      correlationId: 'c1',
    });
    expect(failure).toMatchObject({
      retryAfterMs: 60_000,
      message: expect.stringMatching(/^The SMS gateway /),
    });
    expect(failure.providerMessage).toHaveLength(300);
  });

  it('makes an unanswered request retryable, naming the service', () => {
    expect(networkFailure({ service: 'Zalo', code: 'ECONNREFUSED', correlationId: 'c1' })).toEqual({
      status: 'failed',
      class: 'retryable',
      code: 'ECONNREFUSED',
      message: 'Zalo could not be reached; the message will be retried.',
      correlationId: 'c1',
    });
  });
});
