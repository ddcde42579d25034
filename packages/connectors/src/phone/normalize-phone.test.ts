import { normalizeVietnamesePhone } from './normalize-phone';

describe('normalizeVietnamesePhone', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['+84 912 345 678', '84912345678'],
    ['84912345678', '84912345678'],
    ['0912.345.678', '84912345678'],
    ['0387654321', '84387654321'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeVietnamesePhone(input)).toEqual({ ok: true, phone: expected });
  });

  it('rejects numbers that are not valid Vietnamese numbers', () => {
    expect(normalizeVietnamesePhone('12345')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeVietnamesePhone('+1 415 555 0100')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeVietnamesePhone('')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects Vietnamese landlines, which cannot receive ZNS or SMS', () => {
    expect(normalizeVietnamesePhone('02438253158')).toEqual({ ok: false, reason: 'not_mobile' });
  });
});

describe('normalizeVietnamesePhone remembers recent answers', () => {
  it('answers a number seen before the same, frozen so that no caller can change what others get', () => {
    const first = normalizeVietnamesePhone('0912 345 678');
    expect(normalizeVietnamesePhone('0912 345 678')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(normalizeVietnamesePhone('0912 345 67')).toEqual({ ok: false, reason: 'invalid' });
    expect(normalizeVietnamesePhone('0912 345 67')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers the normalised number from what it remembered, as a send normalises it again', () => {
    const first = normalizeVietnamesePhone('0933 222 111');
    expect(first).toEqual({ ok: true, phone: '84933222111' });
    expect(normalizeVietnamesePhone('84933222111')).toBe(first);
  });

  it('keeps answering correctly, and forgets old numbers, after many more numbers than it remembers', () => {
    const first = normalizeVietnamesePhone('0977 000 001');
    for (let index = 0; index < 30_000; index += 1) {
      const phone = `098${String(index).padStart(7, '0')}`;
      expect(normalizeVietnamesePhone(phone)).toEqual({ ok: true, phone: `84${phone.slice(1)}` });
    }
    const again = normalizeVietnamesePhone('0977 000 001');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });
});
