import { contactWriteFromTraits } from './identify-traits';

describe('contactWriteFromTraits', () => {
  it('maps email, phone and name to contact fields and keeps every other trait as an attribute', () => {
    expect(
      contactWriteFromTraits({
        email: ' lan@example.vn ',
        phone: '0912 345 678',
        name: 'Nguyễn Thị Lan',
        plan: 'gold',
        orders: 3,
        address: { city: 'Hà Nội' },
      }),
    ).toEqual({
      email: 'lan@example.vn',
      phone: '0912 345 678',
      name: 'Nguyễn Thị Lan',
      attributes: { plan: 'gold', orders: 3, address: { city: 'Hà Nội' } },
    });
  });

  it('builds the name from firstName and lastName as Segment does, keeping both as attributes', () => {
    expect(contactWriteFromTraits({ firstName: 'Lan', lastName: 'Nguyễn' })).toEqual({
      name: 'Lan Nguyễn',
      attributes: { firstName: 'Lan', lastName: 'Nguyễn' },
    });
    expect(contactWriteFromTraits({ firstName: 'Lan' }).name).toBe('Lan');
  });

  it('prefers name over firstName and lastName, and ignores blank or non-text fields', () => {
    expect(contactWriteFromTraits({ name: 'Lan N.', firstName: 'Lan', lastName: 'Nguyễn' }).name).toBe(
      'Lan N.',
    );
    expect(contactWriteFromTraits({ name: '  ', email: true, phone: { n: 1 } })).toEqual({ attributes: {} });
  });

  it('writes phone numbers given as numbers as text', () => {
    expect(contactWriteFromTraits({ phone: 84912345678 }).phone).toBe('84912345678');
  });
});
