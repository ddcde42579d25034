import { groupByText, prepareVietnameseSms } from './prepared-sms';

describe('prepareVietnameseSms', () => {
  it('normalises the phone and prepares the text', () => {
    expect(
      prepareVietnameseSms({ message: { to: '0912 345 678', text: 'Sale', purpose: 'advertising' } }),
    ).toMatchObject({
      ok: true,
      phone: '84912345678',
      text: { text: '[QC] Sale', unicode: false, segments: 1 },
    });
  });

  it('fails an invalid phone before the account type, and the account type with its sentence', () => {
    const badPhone = prepareVietnameseSms({
      message: { to: '12345', text: 'Hi', purpose: 'care' },
      typeRefusal: 'not this type',
    });
    expect(!badPhone.ok && badPhone.failure('k')).toMatchObject({
      code: 'loa_invalid_phone',
      scope: 'recipient',
    });
    const refused = prepareVietnameseSms({
      message: { to: '0912345678', text: 'Hi', purpose: 'care' },
      typeRefusal: 'not this type',
    });
    expect(!refused.ok && refused.failure('k')).toMatchObject({
      code: 'loa_sms_type_mismatch',
      class: 'permanent',
      message: 'not this type',
      correlationId: 'k',
    });
  });
});

describe('groupByText', () => {
  it('groups entries with the same prepared text, in order of first appearance', () => {
    const entry = (id: number, text: string) => ({ id, text: { text } as never });
    const groups = groupByText([entry(1, 'a'), entry(2, 'b'), entry(3, 'a')]);
    expect(groups.map((group) => group.map(({ id }) => id))).toEqual([[1, 3], [2]]);
  });
});
