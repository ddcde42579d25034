import { HttpNetworkError } from '../http/network-error';
import { httpStatusFailure, networkFailure, sendNetworkFailure } from './transport-failure';

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

  const unanswered = (code: string, written: boolean) =>
    new HttpNetworkError({ code, written, cause: Object.assign(new Error(`${code} from undici`), { code }) });

  it.each([
    ['ECONNREFUSED', false],
    ['ENOTFOUND', false],
    ['UND_ERR_CONNECT_TIMEOUT', false],
    ['ECONNRESET', false],
    ['UND_ERR_ABORTED', false],
  ])('a send whose request was never written (%s) is retryable', (code, written) => {
    expect(
      sendNetworkFailure({ service: 'Zalo', error: unanswered(code, written), correlationId: 'c1' }),
    ).toMatchObject({ status: 'failed', class: 'retryable', code, correlationId: 'c1' });
  });

  it.each([
    'ECONNRESET',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_ABORTED',
  ])('a send whose request was written and got no answer (%s) has an unknown outcome', (code) => {
    expect(
      sendNetworkFailure({ service: 'Zalo', error: unanswered(code, true), correlationId: 'c1' }),
    ).toEqual({
      status: 'failed',
      class: 'outcome_unknown',
      code,
      message:
        'Zalo did not answer after the message was sent to it; it may have received the message, so whether it was sent is unknown.',
      providerMessage: `${code} from undici`,
      correlationId: 'c1',
    });
  });

  it('a provider that recognises a resend keeps a written, unanswered send retryable', () => {
    expect(
      sendNetworkFailure({
        service: 'The SMS gateway',
        error: unanswered('UND_ERR_SOCKET', true),
        correlationId: 'c1',
        resendRecognised: true,
      }),
    ).toMatchObject({ class: 'retryable', code: 'UND_ERR_SOCKET' });
  });

  it('an error from elsewhere is judged by its code: only codes before any connection are retryable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(sendNetworkFailure({ service: 'Zalo', error: refused, correlationId: 'c1' })).toMatchObject({
      class: 'retryable',
    });
    expect(sendNetworkFailure({ service: 'Zalo', error: reset, correlationId: 'c1' })).toMatchObject({
      class: 'outcome_unknown',
    });
  });
});
