import { normalizeVietnamesePhone } from '../../phone/normalize-phone';
import { hashPhone } from './zns.client';

describe('phone normalisation for ZNS', () => {
  it.each([
    ['0987654321', '84987654321'],
    ['84987654321', '84987654321'],
    ['+84987654321', '84987654321'],
    ['+84 98 765 4321', '84987654321'],
    ['098 765 4321', '84987654321'],
    ['0987.654.321', '84987654321'],
    [' 0912-345-678 ', '84912345678'],
    ['0334567890', '84334567890'],
    ['0703456789', '84703456789'],
    ['0563456789', '84563456789'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeVietnamesePhone(input)).toEqual({ ok: true, phone: expected });
  });

  it.each([
    ['02438253158', 'not_mobile'],
    ['+84 28 3822 1234', 'not_mobile'],
    ['12345', 'invalid'],
    ['09876543', 'invalid'],
    ['098765432100', 'invalid'],
    ['+14155550100', 'invalid'],
    ['abc', 'invalid'],
    ['', 'invalid'],
  ])('%s is rejected (%s)', (input, reason) => {
    expect(normalizeVietnamesePhone(input)).toEqual({ ok: false, reason });
  });

  it('hashes the normalised number as SHA-256 hex for hash-phone sends', () => {
    expect(hashPhone('84987654321')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPhone('84987654321')).not.toBe(hashPhone('84987654322'));
  });
});
