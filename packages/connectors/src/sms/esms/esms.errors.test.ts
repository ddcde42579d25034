import { failureFromRule } from '../../contract/error-rule';
import { ESMS_ERRORS, esmsCodeMeaning } from './esms.errors';

const failureFor = (code: string) => {
  const meaning = esmsCodeMeaning(code);
  if (meaning.kind !== 'failed') throw new Error(`${code} is not a failure`);
  return failureFromRule({ entry: meaning.entry, code, correlationId: 'k', now: 0 });
};

describe('eSMS CodeResult table', () => {
  it('reads 100 as accepted and 124 as a duplicate RequestId', () => {
    expect(esmsCodeMeaning('100')).toEqual({ kind: 'accepted' });
    expect(esmsCodeMeaning('124')).toEqual({ kind: 'duplicate' });
  });

  it.each([
    ['99', { class: 'permanent', scope: 'recipient' }],
    ['101', { class: 'permanent', scope: 'account' }],
    ['102', { class: 'permanent', scope: 'account' }],
    ['103', { class: 'permanent', scope: 'account' }],
    ['104', { class: 'permanent', scope: 'account' }],
    ['105', { class: 'permanent', scope: 'message' }],
    ['107', { class: 'permanent', scope: 'message' }],
    ['108', { class: 'permanent', scope: 'recipient' }],
    ['118', { class: 'permanent', scope: 'account' }],
    ['120', { class: 'retryable' }],
    ['140', { class: 'permanent', scope: 'account' }],
    ['146', { class: 'permanent', scope: 'message' }],
    ['177', { class: 'permanent', scope: 'recipient', fallbackSuggested: true }],
    ['204', { class: 'permanent', scope: 'account' }],
    ['210', { class: 'permanent', scope: 'message' }],
    ['300', { class: 'permanent', scope: 'message' }],
  ])('%s → %j', (code, expected) => {
    expect(failureFor(code)).toMatchObject({ status: 'failed', code, correlationId: 'k', ...expected });
  });

  it('lists every failing code providers.md §5.1 names, and no other', () => {
    expect(Object.keys(ESMS_ERRORS).sort()).toEqual(
      [
        '99',
        '101',
        '102',
        '103',
        '104',
        '105',
        '107',
        '108',
        '118',
        '120',
        '140',
        '146',
        '177',
        '204',
        '210',
        '300',
      ].sort(),
    );
  });

  it('treats an unknown code as permanent and names it', () => {
    expect(failureFor('999')).toMatchObject({
      class: 'permanent',
      scope: 'message',
      message: expect.stringContaining('999'),
    });
  });
});
