import { failureFromRule, unknownCodeEntry } from '../../contract/error-rule';
import { OA_ERRORS } from './oa.errors';

// providers.md §3.4–§3.5, code by code.
const expected: Array<[number, string]> = [
  [-32, 'retryable'],
  [-100, 'permanent:message'],
  [-201, 'permanent:message'],
  [-204, 'permanent:account'],
  [-205, 'permanent:account'],
  [-209, 'permanent:account'],
  [-211, 'quota_exhausted'],
  [-212, 'permanent:account'],
  [-213, 'permanent:recipient'],
  [-216, 'token_expired'],
  [-217, 'permanent:recipient'],
  [-220, 'token_expired'],
  [-221, 'permanent:account'],
  [-223, 'permanent:account'],
  [-224, 'permanent:account'],
  [-227, 'permanent:recipient'],
  [-230, 'permanent:recipient'],
  [-232, 'permanent:recipient'],
  [-233, 'permanent:message'],
  [-234, 'outside_window'],
  [-240, 'permanent:message'],
  [-244, 'permanent:recipient'],
  [-248, 'permanent:message'],
  [-249, 'permanent:message'],
  [-320, 'permanent:account'],
  [-321, 'permanent:account'],
];

const now = Date.UTC(2026, 2, 10, 16, 30);

describe('OA error table', () => {
  it.each(expected)('maps %i to %s', (code, klass) => {
    const entry = OA_ERRORS[code];
    expect(entry).toBeDefined();
    const failure = failureFromRule({ entry, code: String(code), correlationId: 'c', now });
    expect(failure.class === 'permanent' ? `permanent:${failure.scope}` : failure.class).toBe(klass);
  });

  it('has no code beyond the ones providers.md lists', () => {
    expect(Object.keys(OA_ERRORS).map(Number).sort()).toEqual(expected.map(([code]) => code).sort());
  });

  it('opens the promotion window (-234) at 06:00 Vietnam time', () => {
    const failure = failureFromRule({ entry: OA_ERRORS[-234], code: '-234', correlationId: 'c', now });
    expect(failure).toMatchObject({ class: 'outside_window', opensAt: '2026-03-10T23:00:00.000Z' });
  });

  it('treats an unknown code as permanent and names it', () => {
    const failure = failureFromRule({
      entry: unknownCodeEntry('Zalo OA', -999),
      code: '-999',
      correlationId: 'c',
      now,
    });
    expect(failure).toMatchObject({ class: 'permanent', code: '-999' });
    expect(failure.message).toContain('-999');
  });
});
