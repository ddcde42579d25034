import { failureFromRule, permanent, retryable, unknownCodeEntry } from './error-rule';

describe('failureFromRule', () => {
  it("lets the provider's Retry-After win over the rule's delay, and keeps the rule's when there is none", () => {
    const entry = retryable('Busy; the send will be retried.', 60_000);
    const base = { entry, code: '20429', correlationId: 'k', now: 0 };
    expect(failureFromRule({ ...base, retryAfterMs: 5_000 })).toMatchObject({
      class: 'retryable',
      retryAfterMs: 5_000,
    });
    expect(failureFromRule(base)).toMatchObject({ retryAfterMs: 60_000 });
    expect(failureFromRule({ ...base, entry: retryable('Busy.') })).not.toHaveProperty('retryAfterMs');
  });

  it('keeps the scope and the fallback suggestion, and leaves out a provider message it was not given', () => {
    const failure = failureFromRule({
      entry: permanent('recipient', 'Unreachable.', { fallbackSuggested: true }),
      code: '30003',
      correlationId: 'k',
      now: 0,
    });
    expect(failure).toEqual({
      status: 'failed',
      class: 'permanent',
      scope: 'recipient',
      fallbackSuggested: true,
      code: '30003',
      message: 'Unreachable.',
      correlationId: 'k',
    });
  });

  it('names an unknown code, numeric or not', () => {
    expect(unknownCodeEntry('eSMS', '999').message).toContain('999');
    expect(unknownCodeEntry('Zalo ZNS', -9)).toMatchObject({
      rule: { class: 'permanent', scope: 'message' },
    });
  });
});
