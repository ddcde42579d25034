import { failureFromRule } from '../../contract/error-rule';
import { ZNS_ERRORS } from './zns.errors';

// providers.md §2.2, code by code: the class each must map to (scope for permanent ones).
const expected: Array<[number, string]> = [
  [-100, 'retryable'],
  ...[-101, -102, -103, -104, -105, -106].map((code): [number, string] => [code, 'permanent:account']),
  [-107, 'permanent:message'],
  [-108, 'permanent:recipient'],
  [-109, 'permanent:message'],
  [-110, 'permanent:recipient'],
  [-111, 'permanent:message'],
  [-112, 'permanent:message'],
  [-1121, 'permanent:message'],
  [-1122, 'permanent:message'],
  [-1124, 'permanent:message'],
  [-113, 'permanent:message'],
  [-1131, 'permanent:message'],
  [-114, 'permanent:recipient'],
  [-115, 'permanent:account'],
  [-116, 'permanent:message'],
  [-117, 'permanent:account'],
  [-118, 'permanent:recipient'],
  [-119, 'permanent:recipient'],
  [-120, 'permanent:account'],
  [-1201, 'permanent:account'],
  [-1202, 'permanent:account'],
  [-121, 'permanent:message'],
  [-122, 'permanent:message'],
  [-123, 'permanent:message'],
  [-124, 'token_expired'],
  [-1241, 'permanent:account'],
  [-125, 'permanent:account'],
  [-126, 'quota_exhausted'],
  [-127, 'permanent:recipient'],
  [-130, 'permanent:message'],
  [-131, 'permanent:message'],
  [-132, 'permanent:message'],
  [-133, 'outside_window'],
  [-135, 'permanent:account'],
  [-1351, 'permanent:account'],
  [-136, 'permanent:account'],
  [-137, 'permanent:account'],
  [-1381, 'permanent:account'],
  [-139, 'permanent:recipient'],
  [-140, 'permanent:recipient'],
  [-141, 'permanent:recipient'],
  [-144, 'quota_exhausted'],
  [-1441, 'quota_exhausted'],
  [-145, 'permanent:account'],
  [-146, 'permanent:message'],
  [-147, 'quota_exhausted'],
  [-1471, 'quota_exhausted'],
  [-1472, 'quota_exhausted'],
  [-148, 'permanent:message'],
  [-149, 'permanent:message'],
  [-150, 'permanent:message'],
  [-158, 'permanent:message'],
  [-159, 'permanent:message'],
  [-160, 'quota_exhausted'],
  [-161, 'permanent:message'],
  [-162, 'permanent:message'],
];

// 2026-03-10 23:30 in Vietnam (UTC+7) = 16:30 UTC.
const lateEvening = Date.UTC(2026, 2, 10, 16, 30);

function classOf(code: number): string {
  const entry = ZNS_ERRORS[code];
  if (!entry) return 'missing';
  const failure = failureFromRule({ entry, code: String(code), correlationId: 'c', now: lateEvening });
  return failure.class === 'permanent' ? `permanent:${failure.scope}` : failure.class;
}

describe('ZNS error table', () => {
  it.each(expected)('maps %i to %s', (code, klass) => {
    expect(classOf(code)).toBe(klass);
    expect(ZNS_ERRORS[code]?.message.length).toBeGreaterThan(10);
  });

  it('has no code beyond the ones providers.md lists', () => {
    expect(Object.keys(ZNS_ERRORS).map(Number).sort()).toEqual(expected.map(([code]) => code).sort());
  });

  it('suggests another channel when the phone is not on Zalo', () => {
    const failure = failureFromRule({
      entry: ZNS_ERRORS[-118],
      code: '-118',
      correlationId: 'c',
      now: lateEvening,
    });
    expect(failure).toMatchObject({ class: 'permanent', scope: 'recipient', fallbackSuggested: true });
  });

  it('resets the daily quota at the next midnight in Vietnam', () => {
    const failure = failureFromRule({
      entry: ZNS_ERRORS[-144],
      code: '-144',
      correlationId: 'c',
      now: lateEvening,
    });
    expect(failure).toMatchObject({ class: 'quota_exhausted', resetsAt: '2026-03-10T17:00:00.000Z' });
  });

  it('opens the night window at the next 06:00 in Vietnam', () => {
    const failure = failureFromRule({
      entry: ZNS_ERRORS[-133],
      code: '-133',
      correlationId: 'c',
      now: lateEvening,
    });
    expect(failure).toMatchObject({ class: 'outside_window', opensAt: '2026-03-10T23:00:00.000Z' });
    const afterMidnight = Date.UTC(2026, 2, 10, 20, 0); // 03:00 on the 11th in Vietnam
    const early = failureFromRule({
      entry: ZNS_ERRORS[-133],
      code: '-133',
      correlationId: 'c',
      now: afterMidnight,
    });
    expect(early).toMatchObject({ opensAt: '2026-03-10T23:00:00.000Z' });
  });
});
