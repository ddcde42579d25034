import { ESMS_CODES, esmsCodeMeaning } from './esms.errors';

describe('eSMS CodeResult table', () => {
  it.each([
    ['100', { kind: 'accepted' }],
    ['99', { kind: 'permanent', scope: 'recipient' }],
    ['101', { kind: 'permanent', scope: 'account' }],
    ['102', { kind: 'permanent', scope: 'account' }],
    ['103', { kind: 'permanent', scope: 'account' }],
    ['104', { kind: 'permanent', scope: 'account' }],
    ['105', { kind: 'permanent', scope: 'message' }],
    ['107', { kind: 'permanent', scope: 'message' }],
    ['108', { kind: 'permanent', scope: 'recipient' }],
    ['118', { kind: 'permanent', scope: 'account' }],
    ['120', { kind: 'retryable' }],
    ['124', { kind: 'duplicate' }],
    ['140', { kind: 'permanent', scope: 'account' }],
    ['146', { kind: 'permanent', scope: 'message' }],
    ['177', { kind: 'permanent', scope: 'recipient', fallbackSuggested: true }],
    ['204', { kind: 'permanent', scope: 'account' }],
    ['210', { kind: 'permanent', scope: 'message' }],
    ['300', { kind: 'permanent', scope: 'message' }],
  ])('%s → %j', (code, expected) => {
    expect(esmsCodeMeaning(code)).toMatchObject(expected);
  });

  it('lists every code providers.md §5.1 names, and no other', () => {
    expect(Object.keys(ESMS_CODES).sort()).toEqual(
      [
        '100',
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
        '124',
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
    expect(esmsCodeMeaning('999')).toMatchObject({
      kind: 'permanent',
      scope: 'message',
      message: expect.stringContaining('999'),
    });
  });
});
